// The lock timeline, drawn at the panel's width by the same renderer as the CLI's HTML report (which
// escapes every name and message it draws). Its stylesheet is installed once by the page
// (dom/installStyle.ts): the webview's CSP refuses a <style> inside the SVG. A burst draws thousands of
// marks, so the SVG is kept per result and width; lit-html leaves the DOM alone while the string is
// the same one. The SVG (root included) goes in as HTML: the HTML parser puts <svg> in its namespace.
import { html, type TemplateResult } from 'lit-html';
import { unsafeHTML } from 'lit-html/directives/unsafe-html.js';
import type { ProbeResult } from '../../../src/engine/probe/probeTypes';
import { renderTimelineSvg } from '../../../src/report/timelineSvg';

/** Narrower panels scroll the timeline sideways rather than shrinking its text. */
export const minTimelineWidth = 480;

const cache = new WeakMap<ProbeResult, { width: number; svg: string }>();

export function timelineSvg(result: ProbeResult, width: number): string {
  const drawnWidth = Math.max(minTimelineWidth, Math.floor(width));
  const cached = cache.get(result);
  if (cached?.width === drawnWidth) {
    return cached.svg;
  }
  const svg = renderTimelineSvg(result, {
    width: drawnWidth,
    idPrefix: 'panel',
    inHtml: true,
    embedStyle: false,
  });
  cache.set(result, { width: drawnWidth, svg });
  return svg;
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
