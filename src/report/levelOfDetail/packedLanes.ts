// Level of detail, shared by the panel's explorer (a canvas) and the static SVG timeline (dense lanes).
// The timeline's lanes packed for drawing at any zoom: per lane, spans sorted by start in typed arrays
// (start, end, held-lock rank, wait flag) and marks (commit, error) sorted by time, plus range-maximum
// trees so a pixel column covering thousands of spans costs a few lookups, not a loop over them.
import { heldLocksByStrength } from '../lockStateStyle';
import type { DrawnState, LaneEvent, LaneSpan, TimelineLane, TimelineModel } from '../timelineModel';
import { RangeMax } from './rangeMax';

/** 0 = no lock; 1.. = heldLocksByStrength[rank - 1], so a larger rank is a stronger lock. */
export function lockRank(lock: DrawnState): number {
  return lock === 'none' ? 0 : heldLocksByStrength.indexOf(lock) + 1;
}

export const markCommit = 1;
export const markError = 2;

export interface PackedLane {
  name: string;
  /** Microseconds; sorted by start. A lane's spans do not overlap, so the ends are sorted too. */
  starts: Float64Array;
  ends: Float64Array;
  ranks: Uint8Array;
  waits: Uint8Array;
  rankMax: RangeMax;
  waitMax: RangeMax;
  markTimes: Float64Array;
  markKinds: Uint8Array;
  markMax: RangeMax;
  /** The source spans and marks, for the exact times a hover shows. */
  spans: readonly LaneSpan[];
  events: readonly LaneEvent[];
}

export interface PackedTimeline {
  endUs: number;
  lanes: PackedLane[];
  summary: string;
}

export function packTimeline(model: TimelineModel): PackedTimeline {
  const lanes = model.lanes.map(packLane);
  const lastEnd = lanes.reduce(
    (end, lane) => Math.max(end, lane.ends.at(-1) ?? 0, lane.markTimes.at(-1) ?? 0),
    0,
  );
  return { endUs: Math.max(1, model.durationMs * 1000, lastEnd), lanes, summary: model.summary };
}

/** One lane packed: the explorer packs every lane once per model; the static SVG packs its dense lanes. */
export function packLane({ name, spans: unsortedSpans, events: allEvents }: TimelineLane): PackedLane {
  const spans = isSortedBy(unsortedSpans, (span) => span.fromUs)
    ? unsortedSpans
    : [...unsortedSpans].sort((a, b) => a.fromUs - b.fromUs);
  const count = spans.length;
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  const ranks = new Uint8Array(count);
  const waits = new Uint8Array(count);
  let runningEnd = 0;
  for (let i = 0; i < count; i++) {
    const span = spans[i];
    starts[i] = span.fromUs;
    // Kept non-decreasing so a binary search on the ends stays valid even if two spans touch oddly.
    runningEnd = Math.max(runningEnd, span.toUs);
    ends[i] = runningEnd;
    ranks[i] = lockRank(span.lock);
    waits[i] = span.waitingFor === undefined ? 0 : 1;
  }
  const drawnEvents = allEvents.filter((event) => event.kind === 'commit' || event.kind === 'error');
  const events = isSortedBy(drawnEvents, (event) => event.tUs)
    ? drawnEvents
    : [...drawnEvents].sort((a, b) => a.tUs - b.tUs);
  const markTimes = Float64Array.from(events, (event) => event.tUs);
  const markKinds = Uint8Array.from(events, (event) => (event.kind === 'error' ? markError : markCommit));
  return {
    name,
    starts,
    ends,
    ranks,
    waits,
    rankMax: new RangeMax(ranks),
    waitMax: new RangeMax(waits),
    markTimes,
    markKinds,
    markMax: new RangeMax(markKinds),
    spans,
    events,
  };
}

function isSortedBy<T>(items: readonly T[], key: (item: T) => number): boolean {
  for (let i = 1; i < items.length; i++) {
    if (key(items[i]) < key(items[i - 1])) {
      return false;
    }
  }
  return true;
}

/** The first index whose value is greater than `value` (values sorted ascending), at or after `from`. */
export function firstAbove(values: Float64Array, value: number, from = 0): number {
  return search(values, from, (candidate) => candidate > value);
}

/** The first index whose value is at least `value` (values sorted ascending), at or after `from`. */
export function firstAtLeast(values: Float64Array, value: number, from = 0): number {
  return search(values, from, (candidate) => candidate >= value);
}

// A galloping search: steps of 1, 2, 4 ... from `from`, then a binary search in the last step. The
// timeline asks column after column, each answer a little after the last, so this costs the log of the
// distance moved rather than the log of the lane's length.
function search(values: Float64Array, from: number, isPast: (value: number) => boolean): number {
  let low = from;
  let step = 1;
  let high = from;
  while (high < values.length && !isPast(values[high])) {
    low = high + 1;
    high = from + step;
    step *= 2;
  }
  high = Math.min(high, values.length);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isPast(values[middle])) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}

/** The spans [first, last) that overlap the window [fromUs, toUs). */
export function visibleSpanRange(
  lane: PackedLane,
  fromUs: number,
  toUs: number,
): { first: number; last: number } {
  const first = firstAbove(lane.ends, fromUs);
  const last = firstAtLeast(lane.starts, toUs, first);
  return { first, last };
}
