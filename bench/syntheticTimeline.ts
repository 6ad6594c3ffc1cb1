// A synthetic lane model of a given size for the timeline benchmark: `lanes` lanes over an hour, each a
// run of short lock holds (every lock state, some waits) with gaps, and a commit mark after every third
// hold. Seeded, so every run draws the same picture.
import type { DrawnState, LaneEvent, LaneSpan, TimelineModel } from '../src/report/timelineModel';

const states: DrawnState[] = [
  'SHARED',
  'RESERVED',
  'PENDING',
  'EXCLUSIVE',
  'WAL_READ',
  'WAL_WRITE',
  'WAL_CKPT',
];

export function syntheticTimeline(spanCount: number, laneCount: number): TimelineModel {
  const durationMs = 3_600_000;
  const perLane = Math.ceil(spanCount / laneCount);
  const stepUs = (durationMs * 1000) / perLane;
  let seed = 12345;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const lanes = Array.from({ length: laneCount }, (_, laneIndex) => {
    const spans: LaneSpan[] = [];
    const events: LaneEvent[] = [];
    for (let i = 0; i < perLane && spans.length + laneIndex * perLane < spanCount; i++) {
      const fromUs = i * stepUs + random() * stepUs * 0.2;
      const toUs = fromUs + stepUs * (0.2 + random() * 0.5);
      const lock = states[Math.floor(random() * states.length)];
      spans.push(
        i % 7 === 3 ? { fromUs, toUs, lock: 'SHARED', waitingFor: 'RESERVED' } : { fromUs, toUs, lock },
      );
      if (i % 3 === 2) {
        events.push({ tUs: toUs, kind: 'commit' });
      }
    }
    return { name: `writer ${laneIndex + 1}`, spans, events };
  });
  return { durationMs, lanes, summary: `A synthetic hour: ${spanCount} spans in ${laneCount} lanes.` };
}
