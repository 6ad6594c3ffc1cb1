// The lock timeline, drawn at the panel's width by the same renderer as the CLI's HTML report (which
// escapes every name and message it draws). Its stylesheet is installed once by the page
// (dom/installStyle.ts): the webview's CSP refuses a <style> inside the SVG. A burst draws thousands of
// marks, so the SVG is kept per result and width; lit-html leaves the DOM alone while the string is
// the same one. The SVG (root included) goes in as HTML: the HTML parser puts <svg> in its namespace.
import { html, type TemplateResult } from 'lit-html';
import { unsafeHTML } from 'lit-html/directives/unsafe-html.js';
import type { ProbeResult } from '../../../src/engine/probe/probeTypes';
import type { Recording } from '../../../src/engine/record/recordingTypes';
import { recordingTimeline } from '../../../src/report/recordingTimeline';
import { renderLanesSvg, renderTimelineSvg } from '../../../src/report/timelineSvg';

/** Narrower panels scroll the timeline sideways rather than shrinking its text. */
export const minTimelineWidth = 480;

const cache = new WeakMap<ProbeResult | Recording, { width: number; svg: string }>();

function cachedSvg<T extends ProbeResult | Recording>(
  subject: T,
  width: number,
  draw: (subject: T, width: number) => string,
): string {
  const drawnWidth = Math.max(minTimelineWidth, Math.floor(width));
  const cached = cache.get(subject);
  if (cached?.width === drawnWidth) {
    return cached.svg;
  }
  const svg = draw(subject, drawnWidth);
  cache.set(subject, { width: drawnWidth, svg });
  return svg;
}

export function timelineSvg(result: ProbeResult, width: number): string {
  return cachedSvg(result, width, (subject, drawnWidth) =>
    renderTimelineSvg(subject, { width: drawnWidth, idPrefix: 'panel', inHtml: true, embedStyle: false }),
  );
}

/** A recording's lanes (one per process), by the same drawing code as the probe's sessions. */
export function renderLanes(recording: Recording, width: number): TemplateResult {
  const svg = cachedSvg(recording, width, (subject, drawnWidth) =>
    renderLanesSvg(recordingTimeline(subject), {
      width: drawnWidth,
      idPrefix: 'panel-rec',
      inHtml: true,
      embedStyle: false,
    }),
  );
  return html`<div
      id="recording-lanes"
      class="timeline"
      tabindex="0"
      role="group"
      aria-label="Lock lanes of the recorded processes (hover a bar for details)"
    >
      ${unsafeHTML(svg)}
    </div>
    <p class="hint">
      Each lane is a process that had the database open; bars are the locks it held, hatched stretches are
      waits the kernel saw, diamonds are lock errors your app printed. Hover for exact times.
    </p>`;
}

export function renderTimeline(result: ProbeResult, width: number): TemplateResult {
  // Focusable so the keyboard can scroll it sideways when the panel is narrower than the drawing.
  return html`<div
      id="timeline"
      class="timeline"
      tabindex="0"
      role="group"
      aria-label="Lock timeline (hover a bar for details)"
    >
      ${unsafeHTML(timelineSvg(result, width))}
    </div>
    <p class="hint">
      Each lane is a session; bars are the locks it held, hatched stretches are waits for a lock, ticks are
      commits and diamonds errors. Hover for exact times.
    </p>`;
}
