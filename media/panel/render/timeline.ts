// The lock timeline: the explorer (<sld-timeline-explorer>, a canvas to zoom, pan and hover; see
// timeline/timelineExplorer.ts) over the lane model, then the static SVG drawn by the same renderer as
// the CLI's HTML report (which escapes every name and message it draws), folded away: it is what the
// exports contain and a second text alternative. Its stylesheet is installed once by the page
// (dom/installStyle.ts): the webview's CSP refuses a <style> inside the SVG. A burst draws thousands of
// marks, so the SVG and the lane model are kept per result; lit-html leaves the DOM alone while they
// are the same ones. The SVG (root included) goes in as HTML: the HTML parser puts <svg> in its namespace.
import { html, nothing, type TemplateResult } from 'lit-html';
import { unsafeHTML } from 'lit-html/directives/unsafe-html.js';
import type { ProbeResult } from '../../../src/engine/probe/probeTypes';
import type { Recording } from '../../../src/engine/record/recordingTypes';
import { recordingTimeline } from '../../../src/report/recordingTimeline';
import { probeTimeline } from '../../../src/report/probeTimeline';
import type { TimelineModel } from '../../../src/report/timelineModel';
import { timelineLayout } from '../../../src/report/timelineLayout';
import { renderLanesSvg } from '../../../src/report/timelineSvg';
import { renderWalSizeSvg } from '../../../src/report/wal/walSizeSvg';
import { gutter, rightPad } from '../timeline/timelineExplorer';

/** Narrower panels scroll the timeline sideways rather than shrinking its text. */
export const minTimelineWidth = 480;

const svgCache = new WeakMap<ProbeResult | Recording, { width: number; svg: string }>();
const modelCache = new WeakMap<ProbeResult | Recording, TimelineModel>();

function cachedModel<T extends ProbeResult | Recording>(
  subject: T,
  toModel: (subject: T) => TimelineModel,
): TimelineModel {
  let model = modelCache.get(subject);
  if (model === undefined) {
    model = toModel(subject);
    modelCache.set(subject, model);
  }
  return model;
}

function cachedSvg(
  subject: ProbeResult | Recording,
  model: TimelineModel,
  width: number,
  idPrefix: string,
): string {
  const drawnWidth = Math.max(minTimelineWidth, Math.floor(width));
  const cached = svgCache.get(subject);
  if (cached?.width === drawnWidth) {
    return cached.svg;
  }
  const svg = renderLanesSvg(model, { width: drawnWidth, idPrefix, inHtml: true, embedStyle: false });
  svgCache.set(subject, { width: drawnWidth, svg });
  return svg;
}

export function timelineSvg(result: ProbeResult, width: number): string {
  return cachedSvg(result, cachedModel(result, probeTimeline), width, 'panel');
}

function explorer(id: string, model: TimelineModel): TemplateResult {
  return html`<sld-timeline-explorer
    id=${id}
    class="timeline-explorer"
    .model=${model}
  ></sld-timeline-explorer>`;
}

function staticPicture(id: string, label: string, svg: string): TemplateResult {
  // Focusable so the keyboard can scroll it sideways when the panel is narrower than the drawing.
  return html`<details class="static-timeline">
    <summary>The same lanes as a static picture (as in the exports)</summary>
    <div id=${id} class="timeline" tabindex="0" role="group" aria-label=${label}>${unsafeHTML(svg)}</div>
  </details>`;
}

/** A recording's lanes (one per process), by the same drawing code as the probe's sessions. */
export function renderLanes(recording: Recording, width: number): TemplateResult {
  const model = cachedModel(recording, recordingTimeline);
  return html`${explorer('recording-explorer', model)}
    <p class="hint">
      Each lane is a process that had the database open; bars are the locks it held, the grey strip below a
      bar marks waits the kernel saw, red marks are lock errors your app printed. Wheel or + and - to zoom,
      drag to pan, the strip below to jump; hover for exact times, or move a cursor with the arrow keys.
    </p>
    ${staticPicture(
      'recording-lanes',
      'Lock lanes of the recorded processes (hover a bar for details)',
      cachedSvg(recording, model, width, 'panel-rec'),
    )}`;
}

const walCache = new WeakMap<ProbeResult, { width: number; svg: string | undefined }>();

/**
 * WAL runs: the -wal file's size under the explorer, on its whole-run time scale (same plot edges), so
 * growth lines up with the commits that caused it.
 */
function walSizeChart(
  result: ProbeResult,
  model: TimelineModel,
  width: number,
): TemplateResult | typeof nothing {
  const drawnWidth = Math.max(minTimelineWidth, Math.floor(width));
  let cached = walCache.get(result);
  if (cached?.width !== drawnWidth) {
    const frame = {
      width: drawnWidth,
      plotX0: gutter,
      plotX1: drawnWidth - rightPad,
      endUs: timelineLayout(model, drawnWidth).endUs,
    };
    cached = {
      width: drawnWidth,
      svg: renderWalSizeSvg(result.walBytes, frame, { inHtml: true, embedStyle: false }),
    };
    walCache.set(result, cached);
  }
  return cached.svg === undefined
    ? nothing
    : html`<div id="wal-size" class="timeline wal-size">${unsafeHTML(cached.svg)}</div>`;
}

export function renderTimeline(result: ProbeResult, width: number): TemplateResult {
  const model = cachedModel(result, probeTimeline);
  return html`${explorer('timeline-explorer', model)} ${walSizeChart(result, model, width)}
    <p class="hint">
      Each lane is a session; bars are the locks it held, the grey strip below a bar marks waits for a lock,
      green ticks are commits and red marks errors. Wheel or + and - to zoom, drag to pan, the strip below to
      jump; hover for exact times, or move a cursor with the arrow keys.
    </p>
    ${staticPicture('timeline', 'Lock timeline (hover a bar for details)', timelineSvg(result, width))}`;
}
