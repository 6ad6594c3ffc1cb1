// Level of detail: what one lane shows in each pixel column of a time window. A column takes the
// strongest lock held by any span it touches, whether any of them waited, and the worst mark in it
// (an error over a commit), so a frame costs about columns x log(spans) however many spans there are.
import { type PackedLane, firstAbove, firstAtLeast, visibleSpanRange } from './packedLanes';

export interface ColumnStates {
  /** Per column: the strongest lock rank (0 = none). */
  ranks: Uint8Array;
  /** Per column: 1 if a wait touches it. */
  waits: Uint8Array;
  /** Per column: markError, markCommit or 0. */
  marks: Uint8Array;
}

export function columnStates(columns: number): ColumnStates {
  return { ranks: new Uint8Array(columns), waits: new Uint8Array(columns), marks: new Uint8Array(columns) };
}

/** Fills `out` (sized for `columns`) with the lane's states over [fromUs, toUs). */
export function laneColumns(
  lane: PackedLane,
  fromUs: number,
  toUs: number,
  columns: number,
  out: ColumnStates,
): void {
  out.ranks.fill(0, 0, columns);
  out.waits.fill(0, 0, columns);
  out.marks.fill(0, 0, columns);
  const columnUs = (toUs - fromUs) / columns;
  if (!(columnUs > 0)) {
    return;
  }
  const { first, last } = visibleSpanRange(lane, fromUs, toUs);
  // Few spans in view: paint each over the columns it covers. Many: ask the trees once per column.
  if (last - first <= 2 * columns) {
    for (let i = first; i < last; i++) {
      const from = Math.max(0, Math.floor((lane.starts[i] - fromUs) / columnUs));
      const to = Math.min(columns, Math.max(from + 1, Math.ceil((lane.ends[i] - fromUs) / columnUs)));
      const rank = lane.ranks[i];
      const wait = lane.waits[i];
      for (let column = from; column < to; column++) {
        if (rank > out.ranks[column]) {
          out.ranks[column] = rank;
        }
        if (wait) {
          out.waits[column] = 1;
        }
      }
    }
  } else {
    let index = first;
    for (let column = 0; column < columns; column++) {
      const columnStart = fromUs + column * columnUs;
      index = firstAbove(lane.ends, columnStart, index);
      const end = firstAtLeast(lane.starts, columnStart + columnUs, index);
      out.ranks[column] = lane.rankMax.max(index, end);
      out.waits[column] = lane.waitMax.max(index, end);
    }
  }
  fillMarks(lane, fromUs, toUs, columns, columnUs, out.marks);
}

function fillMarks(
  lane: PackedLane,
  fromUs: number,
  toUs: number,
  columns: number,
  columnUs: number,
  marks: Uint8Array,
): void {
  const first = firstAtLeast(lane.markTimes, fromUs);
  const last = firstAtLeast(lane.markTimes, toUs, first);
  if (last - first <= 2 * columns) {
    for (let i = first; i < last; i++) {
      const column = Math.min(columns - 1, Math.floor((lane.markTimes[i] - fromUs) / columnUs));
      marks[column] = Math.max(marks[column], lane.markKinds[i]);
    }
    return;
  }
  let index = first;
  for (let column = 0; column < columns; column++) {
    const end = firstAtLeast(lane.markTimes, fromUs + (column + 1) * columnUs, index);
    marks[column] = lane.markMax.max(index, end);
    index = end;
  }
}
