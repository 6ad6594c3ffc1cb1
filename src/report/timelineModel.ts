// What the timeline draws: lanes on one time axis, each with bars (a lock held, or waited for) and
// marks (errors, commits). A probe's sessions and a recording's processes both map to it, so one
// drawing code (timelineSvg.ts) shows both.
import type { TimelineEvent } from '../engine/probe/probeTypes';
import type { HeldLock } from './lockStateStyle';

export type DrawnState = HeldLock | 'none';

/** A stretch of a lane: the lock held, or (waitingFor) a wait for a lock while holding `lock`. */
export interface LaneSpan {
  fromUs: number;
  toUs: number;
  lock: DrawnState;
  waitingFor?: DrawnState;
  /** A coarse span standing for this many intervals, `totalUs` long in all (default 1, its length). */
  count?: number;
  totalUs?: number;
}

/** Marks on a lane: 'error' (a diamond) and 'commit' (a tick); other kinds are not drawn. */
export type LaneEvent = Pick<TimelineEvent, 'tUs' | 'kind' | 'code' | 'errno' | 'elapsedUs' | 'message'>;

export interface TimelineLane {
  name: string;
  spans: readonly LaneSpan[];
  events: readonly LaneEvent[];
}

export interface TimelineModel {
  durationMs: number;
  lanes: readonly TimelineLane[];
  /** What a screen reader says for the whole chart. */
  summary: string;
}
