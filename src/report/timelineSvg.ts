// The lock timeline as one self-contained SVG: a lane per probe session or recorded process on a
// shared time axis. Pure string rendering, shared by the command-line twin and the VS Code webview.
import type { ProbeResult } from '../engine/probe/probeTypes';
import { escapeHtml } from './escapeHtml';
import type { TimeScale } from './laneMarks';
import { num } from './svgNumber';
import { formatTick, timeTicks } from './timeAxis';
import { renderLane } from './timelineLane';
import { timelineLayout } from './timelineLayout';
import { renderLegend } from './timelineLegend';
import { timelineCss } from './timelineStyle';
import { probeTimeline } from './probeTimeline';
import type { TimelineModel } from './timelineModel';

// The stylesheet, for pages that install it once themselves (a webview's CSP allows no unnonced <style>).
export { timelineCss };

export interface TimelineOptions {
  /** In CSS pixels; default 960, at least 480. */
  width?: number;
  /** Prefix for the SVG's ids; give each timeline on one page its own. Default "sld". */
  idPrefix?: string;
  /** Inside an HTML page the namespace declaration is implied, so it is left out. */
  inHtml?: boolean;
  /**
   * Default true: the SVG carries its own <style>, so it stands alone as a file or in the HTML report.
   * False leaves it out for a page that installs `timelineCss()` once (the webview, whose CSP blocks
   * <style> elements without its nonce).
   */
  embedStyle?: boolean;
}

const legendTop = 8;
const axisLabelHeight = 18;
/** More lanes than this also get tick labels below them, so the scale stays in view. */
const bottomAxisFromLanes = 12;

/** A probe's timeline. */
export function renderTimelineSvg(result: ProbeResult, options: TimelineOptions = {}): string {
  return renderLanesSvg(probeTimeline(result), options);
}

/** Any lanes: a probe's sessions, a recording's processes. */
export function renderLanesSvg(result: TimelineModel, options: TimelineOptions = {}): string {
  const layout = timelineLayout(result, options.width);
  const { width, plotX0, plotX1, laneHeight, fontSize, endUs } = layout;
  const prefix = (options.idPrefix ?? 'sld').replace(/[^A-Za-z0-9_-]/g, '_');
  const waitPatternId = `${prefix}-wait`;
  const scale = { x: (us: number) => plotX0 + (us / endUs) * (plotX1 - plotX0) };

  const legend = renderLegend(result, width - 16, waitPatternId);
  const axisTop = legendTop + legend.height + 6;
  const lanesTop = axisTop + axisLabelHeight + 4;
  const lanesBottom = lanesTop + result.lanes.length * laneHeight;
  const bottomAxis = result.lanes.length > bottomAxisFromLanes;
  const height = lanesBottom + (bottomAxis ? axisLabelHeight + 6 : 8);

  const axisLine = axisTop + axisLabelHeight - 2;
  const labelRows = [
    axisTop + axisLabelHeight / 2 - 2,
    ...(bottomAxis ? [lanesBottom + axisLabelHeight / 2 + 2] : []),
  ];
  const ticks = axisTicks(endUs, plotX0, plotX1, scale, axisLine, lanesBottom, labelRows);

  const lanes = result.lanes.map((session, index) =>
    renderLane(session, index, lanesTop + index * laneHeight, layout, scale, waitPatternId),
  );

  const namespace = options.inHtml ? '' : ' xmlns="http://www.w3.org/2000/svg"';
  return [
    `<svg${namespace} class="sld-timeline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `role="img" aria-label="${escapeHtml(result.summary)}" font-size="${fontSize}">`,
    ...(options.embedStyle === false ? [] : [`<style>${timelineCss()}</style>`]),
    `<defs><pattern id="${waitPatternId}" width="6" height="6" patternUnits="userSpaceOnUse" ` +
      `patternTransform="rotate(45)"><rect width="6" height="6" class="sld-hatch-bg"/>` +
      `<path d="M1.5 0v6" class="sld-hatch"/></pattern></defs>`,
    `<g transform="translate(8,${legendTop})" font-size="12">${legend.svg}</g>`,
    `<g font-size="11">${ticks}</g>`,
    `<path d="M${plotX0} ${axisLine}H${plotX1}" class="sld-axis"/>`,
    ...lanes,
    '</svg>',
  ].join('\n');
}

/** Gridlines through the lanes and tick labels in each of `labelRows` (above, and below tall charts). */
function axisTicks(
  endUs: number,
  plotX0: number,
  plotX1: number,
  scale: TimeScale,
  gridTop: number,
  gridBottom: number,
  labelRows: number[],
): string {
  const ticks = timeTicks(endUs / 1000, Math.max(2, Math.floor((plotX1 - plotX0) / 70)));
  return ticks.ticksMs
    .map((ms) => {
      const x = scale.x(ms * 1000);
      const label = escapeHtml(formatTick(ms, ticks.stepMs));
      // The first and last labels stay inside the plot instead of hanging over its edges.
      const anchor = ms === 0 ? 'start' : x > plotX1 - 24 ? 'end' : 'middle';
      const texts = labelRows.map(
        (y) => `<text x="${num(x)}" y="${y}" text-anchor="${anchor}" class="sld-muted">${label}</text>`,
      );
      return `<path d="M${num(x)} ${gridTop}V${gridBottom}" class="sld-grid"/>${texts.join('')}`;
    })
    .join('');
}
