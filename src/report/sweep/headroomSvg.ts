// The headroom chart as one static, script-free SVG string (`sweep --html`, exports). Everything it
// writes comes from headroomGeometry.ts; every text passes through escapeHtml. Hover (or keyboard
// focus) on a level shows its exact figures by CSS alone; each level also has a <title>.
import type { SweepResult } from '../../engine/sweep/sweepTypes';
import { escapeHtml as h } from '../escapeHtml';
import { estimateTextWidth } from '../labelSlots';
import { num } from '../svgNumber';
import {
  headroomGeometry,
  tipLineHeight,
  type HeadroomGeometry,
  type HeadroomPoint,
} from './headroomGeometry';
import { headroomClass, headroomCss } from './headroomStyle';

export interface HeadroomSvgOptions {
  /** CSS pixels, bounded to 360..1600; default 720. */
  width?: number;
  /** Inside an HTML page the namespace declaration is implied. */
  inHtml?: boolean;
  /** Default true; false for a page that installs headroomCss() once. */
  embedStyle?: boolean;
}

export const headroomLegend: readonly { swatch: string; label: string }[] = [
  { swatch: 'sh-swatch-rate', label: 'success rate' },
  { swatch: 'sh-swatch-p50', label: 'p50 latency' },
  { swatch: 'sh-swatch-p95', label: 'p95 latency' },
  { swatch: 'sh-swatch-first', label: 'first failing level' },
];

export function renderHeadroomSvg(result: SweepResult, options: HeadroomSvgOptions = {}): string {
  return headroomSvgOf(headroomGeometry(result, options.width), options);
}

export function headroomSvgOf(geometry: HeadroomGeometry, options: HeadroomSvgOptions = {}): string {
  const { width, height, plotX0, plotX1 } = geometry;
  const namespace = options.inHtml ? '' : ' xmlns="http://www.w3.org/2000/svg"';
  const grid = [
    ...geometry.rateTicks.map(
      (tick) =>
        `<path d="M${plotX0} ${num(tick.at)}H${plotX1}" class="sh-grid"/>` +
        `<text x="${plotX0 - 6}" y="${num(tick.at)}" text-anchor="end" class="sh-muted">${h(tick.label)}</text>`,
    ),
    ...geometry.latencyTicks.map(
      (tick) =>
        `<path d="M${plotX0} ${num(tick.at)}H${plotX1}" class="sh-grid"/>` +
        `<text x="${plotX0 - 6}" y="${num(tick.at)}" text-anchor="end" class="sh-muted">${h(tick.label)}</text>`,
    ),
    ...geometry.clientTicks.map(
      (tick) =>
        `<text x="${num(tick.at)}" y="${geometry.clientLabelY}" text-anchor="middle" class="sh-muted">${h(tick.label)}</text>`,
    ),
  ];
  const titles = [
    `<text x="${plotX0}" y="${geometry.rateTop - 12}" font-weight="600">Success rate</text>`,
    `<text x="${plotX0}" y="${geometry.latencyTop - 12}" font-weight="600">Latency (p50, p95)</text>`,
    `<text x="${(plotX0 + plotX1) / 2}" y="${geometry.clientLabelY + 16}" text-anchor="middle" class="sh-muted">clients (requests in flight)</text>`,
  ];
  const axes = [geometry.rateBottom, geometry.latencyBottom].map(
    (y) => `<path d="M${plotX0} ${y}H${plotX1}" class="sh-axis"/>`,
  );
  const first = geometry.firstFailing;
  const firstMark =
    first === undefined
      ? []
      : [
          `<path d="M${num(first.x)} ${geometry.rateTop - 4}V${geometry.latencyBottom}" class="sh-first"/>`,
          `<text x="${num(first.x > (plotX0 + plotX1) / 2 ? first.x - 6 : first.x + 6)}" y="${geometry.rateTop - 12}" ` +
            `text-anchor="${first.x > (plotX0 + plotX1) / 2 ? 'end' : 'start'}" class="sh-first-text">${h(first.label)}</text>`,
        ];
  const lines =
    geometry.points.length > 1
      ? [
          `<polyline points="${geometry.ratePoints}" class="sh-rate"/>`,
          `<polyline points="${geometry.p50Points}" class="sh-p50"/>`,
          `<polyline points="${geometry.p95Points}" class="sh-p95"/>`,
        ]
      : [];
  const dots = geometry.points.map(
    (point) =>
      `<circle cx="${num(point.x)}" cy="${num(point.rateY)}" r="4.5" class="sh-dot-rate${point.failing ? ' sh-failing' : ''}"/>` +
      `<circle cx="${num(point.x)}" cy="${num(point.p50Y)}" r="3" class="sh-dot-p50"/>` +
      `<circle cx="${num(point.x)}" cy="${num(point.p95Y)}" r="3" class="sh-dot-p95"/>`,
  );
  const levels = geometry.points.map((point) => levelGroup(point, geometry));
  const leftOut =
    geometry.leftOut > 0
      ? [
          `<text x="${plotX1}" y="${geometry.clientLabelY + 16}" text-anchor="end" class="sh-muted">${geometry.leftOut} more levels not drawn</text>`,
        ]
      : [];
  return [
    `<svg${namespace} class="${headroomClass}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `role="img" aria-label="${h(geometry.summary)}" font-size="11">`,
    ...(options.embedStyle === false ? [] : [`<style>${headroomCss()}</style>`]),
    `<g font-size="12">${legend()}</g>`,
    ...grid,
    ...titles,
    ...axes,
    ...firstMark,
    ...lines,
    ...dots,
    ...leftOut,
    ...levels,
    '</svg>',
  ].join('\n');
}

function legend(): string {
  let x = 8;
  return headroomLegend
    .map((entry) => {
      const mark = `<rect x="${x}" y="8" width="12" height="12" rx="2" class="${entry.swatch}"/><text x="${x + 17}" y="14">${h(entry.label)}</text>`;
      x += 17 + estimateTextWidth(entry.label, 12) + 18;
      return mark;
    })
    .join('');
}

/** A level's hover column, with its <title> and the figures' box that CSS shows on hover and focus. */
function levelGroup(point: HeadroomPoint, geometry: HeadroomGeometry): string {
  const top = geometry.rateTop - 4;
  const lines = point.figures.map(
    (line, index) =>
      `<text x="${num(point.tipX + 6)}" y="${num(point.tipY + 6 + tipLineHeight * (index + 0.5))}"${index === 0 ? ' font-weight="600"' : ''}>${h(line)}</text>`,
  );
  return (
    `<g class="sh-level" tabindex="0" data-clients="${point.clients}"><title>${h(point.figures.join('\n'))}</title>` +
    `<rect x="${num(point.bandX0)}" y="${top}" width="${num(point.bandX1 - point.bandX0)}" height="${geometry.latencyBottom - top}" class="sh-band"/>` +
    `<g class="sh-tip"><rect x="${num(point.tipX)}" y="${num(point.tipY)}" width="${num(point.tipWidth)}" height="${num(point.tipHeight)}" rx="3"/>${lines.join('')}</g></g>`
  );
}
