// What hovering a lane says: the span under the pointer with its exact times, how many more spans share
// that pixel column, and the marks (errors, commits) in it. Plain lines of text: the element sets them
// as text, because lane names and error messages come from other programs.
import { formatMs } from '../../../src/engine/text/formatMs';
import {
  type PackedLane,
  firstAbove,
  firstAtLeast,
  visibleSpanRange,
} from '../../../src/report/levelOfDetail/packedLanes';

/** An instant on the run's clock, to the microsecond: "1.100250 s", "350.125 ms". */
export function formatInstant(us: number): string {
  // Rounded first, so 999 999.9999 µs (float drift after a pan) reads 1.000000 s, not 1000.000 ms.
  return Math.round(us) >= 1_000_000 ? `${(us / 1_000_000).toFixed(6)} s` : `${(us / 1000).toFixed(3)} ms`;
}

/** Lines describing the lane over the column [fromUs, toUs) the pointer is in, at `atUs`. */
export function hoverLines(lane: PackedLane, atUs: number, fromUs: number, toUs: number): string[] {
  const lines = [lane.name];
  const { first, last } = visibleSpanRange(lane, fromUs, toUs);
  // The span under the pointer, else the first one in the column.
  const under = firstAbove(lane.ends, atUs);
  const index = under < lane.starts.length && lane.starts[under] <= atUs ? under : first < last ? first : -1;
  const span = index >= 0 ? lane.spans[index] : undefined;
  if (span === undefined) {
    lines.push(`no lock at ${formatInstant(atUs)}`);
  } else {
    const state =
      span.waitingFor === undefined
        ? span.lock === 'none'
          ? 'no lock'
          : span.lock
        : `waiting for ${span.waitingFor}${span.lock === 'none' ? '' : ` while holding ${span.lock}`}`;
    lines.push(state);
    lines.push(
      `from ${formatInstant(span.fromUs)} to ${formatInstant(span.toUs)} (${formatMs((span.toUs - span.fromUs) / 1000)})`,
    );
    if ((span.count ?? 1) > 1) {
      lines.push(`stands for ${span.count} intervals, ${formatMs((span.totalUs ?? 0) / 1000)} in all`);
    }
  }
  const others = last - first - (index >= first && index < last ? 1 : 0);
  if (others > 0) {
    lines.push(`${others} more span${others === 1 ? '' : 's'} in this pixel: zoom in to see them`);
  }
  const markFrom = firstAtLeast(lane.markTimes, fromUs);
  const markTo = firstAtLeast(lane.markTimes, toUs, markFrom);
  const shown = Math.min(markTo, markFrom + 3);
  for (let i = markFrom; i < shown; i++) {
    const event = lane.events[i];
    if (event !== undefined) {
      const what = event.kind === 'error' ? `error ${event.code ?? ''}`.trim() : 'commit';
      const message = event.message === undefined ? '' : `: ${event.message}`;
      lines.push(`${what} at ${formatInstant(event.tUs)}${message}`);
    }
  }
  if (markTo > shown) {
    lines.push(`and ${markTo - shown} more marks`);
  }
  return lines;
}
