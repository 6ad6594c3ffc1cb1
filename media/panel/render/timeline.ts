// The lock timeline, drawn at the panel's width by the same renderer as the CLI's HTML report. Its
// stylesheet is installed once by the page (dom/installStyle.ts): the webview's CSP refuses a <style>
// inside the SVG. A burst draws thousands of marks, so the SVG is kept per result and width.
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
