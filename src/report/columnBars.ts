// A dense lane's bars, drawn by pixel column: more spans than the plot has columns cannot be told apart
// anyway, so the lane shows what the panel's explorer shows at the same width (levelOfDetail/): in each
// column the strongest lock any span there held, and a strip at the bar's foot where a span waited.
// Neighbouring columns of the same state are one bar, so the SVG grows with the width, not the spans.
import { escapeHtml } from './escapeHtml';
import { columnStates, laneColumns } from './levelOfDetail/laneColumns';
import { packLane, visibleSpanRange, type PackedLane } from './levelOfDetail/packedLanes';
import { heldClass, heldLocksByStrength, waitClass } from './lockStateStyle';
import { num } from './svgNumber';
import type { TimelineLayout } from './timelineLayout';
import type { TimelineLane } from './timelineModel';
import { columnBatchTooltip, columnRunTooltip } from './timelineText';

/** Runs at least this wide get their own tooltip; narrower ones share one per state (as in laneMarks). */
const widePx = 40;

/** Pixel columns of the plot. */
function plotColumns(layout: TimelineLayout): number {
  return Math.max(1, Math.round(layout.plotX1 - layout.plotX0));
}

/** A lane with more spans than columns is drawn by column; smaller ones span by span (laneMarks). */
export function drawsByColumn(session: TimelineLane, layout: TimelineLayout): boolean {
  return session.spans.length > plotColumns(layout);
}

interface ColumnRun {
  from: number;
  to: number;
}

function runsOf(values: Uint8Array, columns: number, value: number): ColumnRun[] {
  const runs: ColumnRun[] = [];
  for (let column = 0; column < columns; column++) {
    if (values[column] !== value) {
      continue;
    }
    const last = runs.at(-1);
    if (last?.to === column) {
      last.to = column + 1;
    } else {
      runs.push({ from: column, to: column + 1 });
    }
  }
  return runs;
}

export function columnBars(
  session: TimelineLane,
  layout: TimelineLayout,
  barTop: number,
  barHeight: number,
  waitPatternId: string,
): string {
  const columns = plotColumns(layout);
  const lane = packLane(session);
  const states = columnStates(columns);
  laneColumns(lane, 0, layout.endUs, columns, states);
  const columnPx = (layout.plotX1 - layout.plotX0) / columns;
  const columnUs = layout.endUs / columns;
  const stripHeight = Math.max(3, Math.round(barHeight / 3));
  const parts: string[] = [];
  const draw = (runs: ColumnRun[], state: string, top: number, height: number, attributes: string) => {
    const wide = runs.filter((run) => (run.to - run.from) * columnPx >= widePx);
    const narrow = runs.filter((run) => (run.to - run.from) * columnPx < widePx);
    for (const run of wide) {
      const spans = spanCount(lane, run.from * columnUs, run.to * columnUs);
      const tooltip = columnRunTooltip(session.name, state, run.from * columnUs, run.to * columnUs, spans);
      parts.push(
        `<rect x="${num(layout.plotX0 + run.from * columnPx)}" y="${num(top)}" width="${num((run.to - run.from) * columnPx)}" ` +
          `height="${num(height)}" ${attributes}><title>${escapeHtml(tooltip)}</title></rect>`,
      );
    }
    if (narrow.length > 0) {
      const d = narrow
        .map((run) => {
          const width = num((run.to - run.from) * columnPx);
          return `M${num(layout.plotX0 + run.from * columnPx)} ${num(top)}h${width}v${num(height)}h-${width}z`;
        })
        .join('');
      const tooltip = columnBatchTooltip(
        session.name,
        state,
        narrow.length,
        narrow[0].from * columnUs,
        narrow[narrow.length - 1].to * columnUs,
      );
      parts.push(`<path d="${d}" ${attributes}><title>${escapeHtml(tooltip)}</title></path>`);
    }
  };
  heldLocksByStrength.forEach((lock, index) => {
    draw(runsOf(states.ranks, columns, index + 1), lock, barTop, barHeight, `class="${heldClass(lock)}"`);
  });
  draw(
    runsOf(states.waits, columns, 1),
    'waiting',
    barTop + barHeight - stripHeight,
    stripHeight,
    `class="${waitClass} sld-dense" fill="url(#${waitPatternId})"`,
  );
  return parts.join('');
}

function spanCount(lane: PackedLane, fromUs: number, toUs: number): number {
  const { first, last } = visibleSpanRange(lane, fromUs, toUs);
  return last - first;
}
