// One session's lane: its name, bars for the locks it held and the waits it sat in, commit ticks,
// error markers, and as many labels as fit without overlapping.
import { columnBars, drawsByColumn } from './columnBars';
import { escapeHtml } from './escapeHtml';
import { LabelSlots, estimateTextWidth } from './labelSlots';
import {
  laneMarks,
  lanePoints,
  type BarBatch,
  type BarMark,
  type LaneMarks,
  type PointMark,
  type TimeScale,
} from './laneMarks';
import { commitClass, errorClass, heldClass, waitClass } from './lockStateStyle';
import { num } from './svgNumber';
import type { TimelineLayout } from './timelineLayout';
import type { TimelineLane } from './timelineModel';
import {
  barLabels,
  barTooltip,
  batchTooltip,
  commitTooltip,
  errorLabels,
  errorTooltip,
} from './timelineText';

const title = (text: string) => `<title>${escapeHtml(text)}</title>`;

/** A band of the held lock under a wait, so a session waiting while it holds SHARED shows both. */
const heldBandPx = 3;

export function renderLane(
  session: TimelineLane,
  index: number,
  top: number,
  layout: TimelineLayout,
  scale: TimeScale,
  waitPatternId: string,
): string {
  const { laneHeight, barInset, fontSize, plotX0, plotX1 } = layout;
  const barTop = barInset;
  const barHeight = laneHeight - 2 * barInset;
  const middle = laneHeight / 2;
  const radius = layout.markerRadius;
  // A lane with more spans than pixels is drawn by column (columnBars.ts), so its size follows the width.
  const byColumn = drawsByColumn(session, layout);
  const marks: LaneMarks = byColumn
    ? { bars: [], batches: [], ...lanePoints(session, scale, 2 * radius + 2) }
    : laneMarks(session, scale, 2 * radius + 2);
  const slots = new LabelSlots(plotX0 + 2, plotX1);
  const parts: string[] = [];

  if (index % 2 === 1) {
    parts.push(`<rect class="sld-lane-bg" x="${plotX0}" width="${plotX1 - plotX0}" height="${laneHeight}"/>`);
  }
  parts.push(laneName(session.name, layout, middle));

  const fill = (bar: { lock: BarMark['lock']; waitingFor?: BarMark['lock'] }, dense = false) =>
    barAttributes(bar, waitPatternId, dense);
  if (byColumn) {
    parts.push(columnBars(session, layout, barTop, barHeight, waitPatternId));
  }
  for (const batch of marks.batches) {
    parts.push(
      batchPath(batch, barTop, barHeight, fill(batch, true), title(batchTooltip(session.name, batch))),
    );
  }
  for (const bar of marks.bars) {
    const width = num(bar.x1 - bar.x0);
    const rect = `<rect x="${num(bar.x0)}" y="${barTop}" width="${width}" height="${barHeight}" ${fill(bar)}>`;
    if (bar.waitingFor !== undefined && bar.lock !== 'none') {
      // One tooltip for the wait and the band of the lock held meanwhile.
      const band =
        `<rect x="${num(bar.x0)}" y="${barTop + barHeight - heldBandPx}" width="${width}" ` +
        `height="${heldBandPx}" class="${heldClass(bar.lock)}"/>`;
      parts.push(`<g>${title(barTooltip(session.name, bar))}${rect}</rect>${band}</g>`);
    } else {
      parts.push(`${rect}${title(barTooltip(session.name, bar))}</rect>`);
    }
  }

  if (marks.commitBatch) {
    // Many commits: short thin ticks in the lower half, so the locks held just before stay visible.
    const half = Math.ceil(barHeight / 2);
    const d = marks.commitBatch
      .map((point) => `M${num(point.x)} ${barTop + barHeight - half}v${half + 1}`)
      .join('');
    parts.push(
      `<path d="${d}" class="${commitClass} sld-dense">${title(commitTooltip(session.name, marks.commitBatch))}</path>`,
    );
  }
  for (const point of marks.commits) {
    parts.push(
      `<path d="M${num(point.x)} ${barTop - 1}v${barHeight + 2}" class="${commitClass}">` +
        `${title(commitTooltip(session.name, [point]))}</path>`,
    );
  }

  // Error markers claim their own room first, then their labels, then the bar labels: a label never
  // covers a marker, and the labels that matter most are placed first.
  for (const point of marks.errors) {
    slots.claim(point.x - radius, point.x + radius, { force: true });
  }
  let errorLabelsLeft = layout.maxErrorLabels;
  for (const point of marks.errors) {
    const labelSlots = errorLabelsLeft > 0 ? slots : undefined;
    const marker = errorMarker(
      point,
      session.name,
      { radius, barTop, barHeight, middle, fontSize },
      labelSlots,
    );
    errorLabelsLeft -= marker.labelled ? 1 : 0;
    parts.push(marker.svg);
  }
  for (const bar of marks.bars) {
    for (const label of barLabels(bar)) {
      const x0 = bar.x0 + 4;
      const x1 = x0 + estimateTextWidth(label, fontSize);
      if (x1 <= bar.x1 - 4 && slots.claim(x0, x1)) {
        parts.push(laneText(x0, middle, 'start', label, 'sld-halo'));
        break;
      }
    }
  }

  return `<g class="sld-lane" transform="translate(0,${num(top)})">${parts.join('')}</g>`;
}

/** Held locks are solid; waits are hatched and outlined (dense waits hatch only: dozens of outlines
 * side by side would read as extra ticks). */
function barAttributes(
  bar: { lock: BarMark['lock']; waitingFor?: BarMark['lock'] },
  waitPatternId: string,
  dense: boolean,
): string {
  if (bar.waitingFor === undefined) {
    return bar.lock === 'none' ? '' : `class="${heldClass(bar.lock)}"`;
  }
  return `class="${waitClass}${dense ? ' sld-dense' : ''}" fill="url(#${waitPatternId})"`;
}

function laneName(name: string, layout: TimelineLayout, middle: number): string {
  const chars = [...name];
  const shown =
    chars.length > layout.maxNameChars ? `${chars.slice(0, layout.maxNameChars - 1).join('')}…` : name;
  const full = shown === name ? '' : title(name);
  return `<text x="${layout.plotX0 - 8}" y="${middle}" text-anchor="end" class="sld-name">${escapeHtml(shown)}${full}</text>`;
}

function batchPath(
  batch: BarBatch,
  barTop: number,
  barHeight: number,
  fill: string,
  tooltip: string,
): string {
  const d = batch.bars
    .map((bar) => {
      const width = num(bar.x1 - bar.x0);
      return `M${num(bar.x0)} ${barTop}h${width}v${barHeight}h-${width}z`;
    })
    .join('');
  return `<path d="${d}" ${fill}>${tooltip}</path>`;
}

interface MarkerGeometry {
  radius: number;
  barTop: number;
  barHeight: number;
  middle: number;
  fontSize: number;
}

/** The marker, and its label when `slots` is given and has room for it. */
function errorMarker(
  point: PointMark,
  session: string,
  geometry: MarkerGeometry,
  slots: LabelSlots | undefined,
): { svg: string; labelled: boolean } {
  const { radius, barTop, barHeight, middle, fontSize } = geometry;
  const x = point.x;
  const marker =
    `<path d="M${num(x)} ${barTop - 1}v${barHeight + 2}" class="${errorClass}-line"/>` +
    `<path d="M${num(x)} ${num(middle - radius)}l${radius} ${radius}-${radius} ${radius}-${radius}-${radius}z" class="${errorClass}"/>`;
  let label = '';
  for (const candidate of slots ? errorLabels(point) : []) {
    const width = estimateTextWidth(candidate, fontSize);
    // To the right of the marker when it fits, else to its left (errors often end the probe).
    const right = x + radius + 4;
    const left = x - radius - 4;
    if (slots?.claim(right, right + width)) {
      label = laneText(right, middle, 'start', candidate, `sld-halo ${errorClass}-text`);
    } else if (slots?.claim(left - width, left)) {
      label = laneText(left, middle, 'end', candidate, `sld-halo ${errorClass}-text`);
    }
    if (label) {
      break;
    }
  }
  return { svg: `<g>${title(errorTooltip(session, point))}${marker}${label}</g>`, labelled: label !== '' };
}

function laneText(x: number, y: number, anchor: 'start' | 'end', label: string, cls: string): string {
  const anchorAttribute = anchor === 'end' ? ' text-anchor="end"' : '';
  return `<text x="${num(x)}" y="${y}"${anchorAttribute} class="${cls}">${escapeHtml(label)}</text>`;
}
