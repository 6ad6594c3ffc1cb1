// One session's lane reduced to what can be seen at the chosen width. A burst of writers produces
// thousands of spans, most narrower than a pixel; a rectangle and tooltip for each would make a huge
// SVG that shows nothing more. So spans of the same state less than a pixel apart merge, and when a
// lane still has many bars of one state (or many commit ticks), all but the wide ones are drawn as one
// path with a single summary tooltip.
import { heldLocksByStrength, type HeldLock } from './lockStateStyle';
import type { DrawnState, LaneEvent, TimelineLane } from './timelineModel';

export interface TimeScale {
  /** Pixel position of a time in microseconds. */
  x(us: number): number;
}

/** A held lock, or (with waitingFor) a wait; possibly several merged spans. */
export interface BarMark {
  x0: number;
  x1: number;
  lock: DrawnState;
  waitingFor?: DrawnState;
  fromUs: number;
  toUs: number;
  /** How many spans were merged into this bar, and their total length. */
  count: number;
  totalUs: number;
}

/** Many narrow bars of one kind, drawn as one path. */
export interface BarBatch {
  lock: DrawnState;
  waitingFor?: DrawnState;
  bars: BarMark[];
}

export interface PointMark {
  x: number;
  events: LaneEvent[];
}

export interface LaneMarks {
  /** Drawing order: waits first, then held locks from weakest to strongest. */
  bars: BarMark[];
  batches: BarBatch[];
  errors: PointMark[];
  commits: PointMark[];
  /** Set instead of commits when a lane has too many to mark one by one. */
  commitBatch?: PointMark[];
}

/** Spans closer than this merge when they hold the same state. */
const mergeGapPx = 1;
/** Narrower bars are widened to this, so a lock held for microseconds still shows. */
const minBarPx = 1.5;
/** A lane with more bars of one state than this draws those narrower than `widePx` as one path. */
const batchAbove = 24;
const widePx = 40;
/** Commit ticks closer than this are one tick. */
const commitClusterPx = 2;

/** `errorClusterPx`: error markers closer than this are one marker, so markers never overlap. */
export function laneMarks(session: TimelineLane, scale: TimeScale, errorClusterPx: number): LaneMarks {
  const groups = new Map<string, BarMark[]>();
  for (const span of session.spans) {
    if (span.toUs < span.fromUs || (span.lock === 'none' && span.waitingFor === undefined)) {
      continue;
    }
    const key = span.waitingFor === undefined ? span.lock : `wait:${span.waitingFor}:${span.lock}`;
    const bar: BarMark = {
      x0: scale.x(span.fromUs),
      x1: scale.x(span.toUs),
      lock: span.lock,
      waitingFor: span.waitingFor,
      fromUs: span.fromUs,
      toUs: span.toUs,
      count: span.count ?? 1,
      totalUs: span.totalUs ?? span.toUs - span.fromUs,
    };
    const group = groups.get(key);
    if (group) {
      group.push(bar);
    } else {
      groups.set(key, [bar]);
    }
  }

  const bars: BarMark[] = [];
  const batches: BarBatch[] = [];
  for (const key of [...groups.keys()].sort(byDrawingOrder)) {
    const merged = mergeClose(groups.get(key) ?? []).map(withMinWidth);
    const narrow = merged.filter((bar) => bar.x1 - bar.x0 < widePx);
    if (merged.length > batchAbove && narrow.length > 0) {
      // Appended one by one: spreading thousands of bars into push() overflows the call stack.
      merged.filter((bar) => bar.x1 - bar.x0 >= widePx).forEach((bar) => bars.push(bar));
      batches.push({ lock: narrow[0].lock, waitingFor: narrow[0].waitingFor, bars: narrow });
    } else {
      merged.forEach((bar) => bars.push(bar));
    }
  }

  return { bars, batches, ...lanePoints(session, scale, errorClusterPx) };
}

export type LanePoints = Pick<LaneMarks, 'errors' | 'commits' | 'commitBatch'>;

/** The lane's error markers and commit ticks (a lane drawn by pixel columns has these too). */
export function lanePoints(session: TimelineLane, scale: TimeScale, errorClusterPx: number): LanePoints {
  const errors = clusterPoints(
    session.events.filter((event) => event.kind === 'error'),
    scale,
    errorClusterPx,
  );
  const commits = clusterPoints(
    session.events.filter((event) => event.kind === 'commit'),
    scale,
    commitClusterPx,
  );
  return commits.length > batchAbove ? { errors, commits: [], commitBatch: commits } : { errors, commits };
}

function drawingRank(key: string): number {
  if (key.startsWith('wait:')) {
    return -1;
  }
  return heldLocksByStrength.indexOf(key as HeldLock);
}

function byDrawingOrder(a: string, b: string): number {
  return drawingRank(a) - drawingRank(b) || a.localeCompare(b);
}

function mergeClose(sameState: BarMark[]): BarMark[] {
  const sorted = [...sameState].sort((a, b) => a.fromUs - b.fromUs);
  const merged: BarMark[] = [];
  for (const bar of sorted) {
    const last = merged.at(-1);
    if (last && bar.x0 - last.x1 < mergeGapPx) {
      last.x1 = Math.max(last.x1, bar.x1);
      last.toUs = Math.max(last.toUs, bar.toUs);
      last.count += bar.count;
      last.totalUs += bar.totalUs;
    } else {
      merged.push({ ...bar });
    }
  }
  return merged;
}

function withMinWidth(bar: BarMark): BarMark {
  return bar.x1 - bar.x0 >= minBarPx ? bar : { ...bar, x1: bar.x0 + minBarPx };
}

function clusterPoints(events: LaneEvent[], scale: TimeScale, clusterPx: number): PointMark[] {
  const sorted = [...events].sort((a, b) => a.tUs - b.tUs);
  const points: PointMark[] = [];
  for (const event of sorted) {
    const x = scale.x(event.tUs);
    const last = points.at(-1);
    if (last && x - last.x < clusterPx) {
      last.events.push(event);
    } else {
      points.push({ x, events: [event] });
    }
  }
  return points;
}
