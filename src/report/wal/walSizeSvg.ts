// The WAL size chart as a static SVG string, under the timeline in the HTML report and the panel. It
// wears the timeline's root class, so the timeline's stylesheet (and its theme colours) dress its text
// and grid; its own few rules are scoped to .sld-wal (embedded, or installed once by the webview).
import type { WalSample } from '../../engine/probe/probeTypes';
import { escapeHtml as h } from '../escapeHtml';
import { timelineColour } from '../lockStateStyle';
import { num } from '../svgNumber';
import { walSizeGeometry, type TimeFrame } from './walSizeGeometry';

export function walSizeCss(): string {
  const scope = '.sld-wal';
  return `${scope} .sld-wal-area{fill:${timelineColour.WAL_WRITE};fill-opacity:.15}
${scope} .sld-wal-line{stroke:${timelineColour.WAL_WRITE};stroke-width:1.5;fill:none}
${scope} .sld-wal-limit{stroke:${timelineColour.error};stroke-width:1;stroke-dasharray:5 3}
${scope} text.sld-wal-limit-text{fill:${timelineColour.error}}`;
}

export function renderWalSizeSvg(
  samples: readonly WalSample[] | undefined,
  frame: TimeFrame,
  /** embedStyle (default true): false for a page that installs walSizeCss() once (the webview). */
  options: { inHtml?: boolean; embedStyle?: boolean } = {},
): string | undefined {
  const geometry = samples === undefined ? undefined : walSizeGeometry(samples, frame);
  if (geometry === undefined) {
    return undefined;
  }
  const { width, height, plotX0, plotX1, plotTop, plotBottom } = geometry;
  const namespace = options.inHtml ? '' : ' xmlns="http://www.w3.org/2000/svg"';
  const limit = geometry.autoCheckpoint;
  return [
    `<svg${namespace} class="sld-timeline sld-wal" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `role="img" aria-label="${h(geometry.summary)}" font-size="10">`,
    ...(options.embedStyle === false ? [] : [`<style>${walSizeCss()}</style>`]),
    `<text x="${plotX0}" y="10" font-size="12" font-weight="600">WAL size (-wal file)</text>`,
    ...geometry.byteTicks.map(
      (tick) =>
        `<path d="M${plotX0} ${num(tick.y)}H${plotX1}" class="sld-grid"/>` +
        `<text x="${plotX0 - 4}" y="${num(tick.y)}" text-anchor="end" class="sld-muted">${h(tick.label)}</text>`,
    ),
    ...geometry.timeTicks.map(
      (tick) =>
        `<text x="${num(tick.x)}" y="${geometry.timeLabelY}" text-anchor="${tick.x === plotX0 ? 'start' : tick.x > plotX1 - 24 ? 'end' : 'middle'}" class="sld-muted">${h(tick.label)}</text>`,
    ),
    `<path d="${geometry.areaPath}" class="sld-wal-area"/>`,
    `<path d="${geometry.linePath}" class="sld-wal-line"/>`,
    ...(limit === undefined
      ? []
      : [
          `<path d="M${plotX0} ${num(limit.y)}H${plotX1}" class="sld-wal-limit"/>` +
            `<text x="${plotX0 + 4}" y="${num(limit.y - 7)}" class="sld-wal-limit-text sld-halo">${h(limit.label)}</text>`,
        ]),
    `<text x="${num(geometry.peak.x > (plotX0 + plotX1) / 2 ? geometry.peak.x - 4 : geometry.peak.x + 4)}" y="${num(Math.max(plotTop - 6, geometry.peak.y - 8))}" ` +
      `text-anchor="${geometry.peak.x > (plotX0 + plotX1) / 2 ? 'end' : 'start'}" class="sld-halo">${h(geometry.peak.label)}</text>`,
    `<path d="M${plotX0} ${plotBottom}H${plotX1}" class="sld-axis"/>`,
    '</svg>',
  ].join('\n');
}
