// The lock state a session held over time, as a step function of its events' `lock` field.
import type { LockState, TimelineEvent } from './probeTypes';

export interface HeldInterval {
  fromUs: number;
  toUs: number;
  lock: LockState;
}

export function heldIntervals(events: TimelineEvent[], endUs: number): HeldInterval[] {
  const intervals: HeldInterval[] = [];
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    const toUs = index + 1 < events.length ? events[index + 1].tUs : Math.max(endUs, event.tUs);
    if (event.lock !== 'none' && toUs > event.tUs) {
      intervals.push({ fromUs: event.tUs, toUs, lock: event.lock });
    }
  }
  return intervals;
}

/** Total length of the parts of [fromUs, toUs) covered by at least one interval. */
export function coveredLength(fromUs: number, toUs: number, intervals: HeldInterval[]): number {
  const clipped = intervals
    .map((interval) => [Math.max(fromUs, interval.fromUs), Math.min(toUs, interval.toUs)] as const)
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reach = fromUs;
  for (const [start, end] of clipped) {
    if (end > reach) {
      total += end - Math.max(start, reach);
      reach = end;
    }
  }
  return total;
}
