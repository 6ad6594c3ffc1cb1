// A lane with more spans than any screen can show is kept at a fixed time resolution instead: the run is
// cut into equal buckets, and a bucket in which the session held a lock or waited for one shows the
// state it spent most of that time in; neighbouring buckets of the same state are joined. Like a pixel
// of the full drawing, a bucket with any activity is drawn, and idle buckets stay empty. This bounds a
// session's spans however many transactions it ran.
import type { LockSpan, LockState } from './probeTypes';
import { lockStates } from './sessionLog';

/** Spans kept whole per session; above this the lane is bucketed. */
export const maxSpansPerSession = 2000;
/** Buckets across the run when a lane is bucketed: finer than any timeline is drawn. */
export const spanBuckets = 2000;

const lockIndex = new Map(lockStates.map((lock, index) => [lock, index]));
/** Category 0 is unused ("nothing" is the absence of time); held lock L is 1 + L; a wait adds (1 + waitingFor) * stride. */
const stride = lockStates.length + 1;
const categories = stride * stride;

export class CoarseSpans {
  readonly resolutionUs: number;
  private readonly timeIn: Float64Array;

  constructor(private readonly endUs: number) {
    this.resolutionUs = Math.max(1, Math.ceil(endUs / spanBuckets));
    this.timeIn = new Float64Array(spanBuckets * categories);
  }

  add(span: LockSpan): void {
    const category = categoryOf(span);
    let from = Math.max(0, span.fromUs);
    const to = Math.min(span.toUs, this.resolutionUs * spanBuckets);
    while (from < to) {
      const bucket = Math.floor(from / this.resolutionUs);
      const bucketEnd = Math.min(to, (bucket + 1) * this.resolutionUs);
      this.timeIn[bucket * categories + category] += bucketEnd - from;
      from = bucketEnd;
    }
  }

  spans(): LockSpan[] {
    const spans: LockSpan[] = [];
    const buckets = Math.min(spanBuckets, Math.ceil(this.endUs / this.resolutionUs));
    for (let bucket = 0; bucket < buckets; bucket++) {
      const fromUs = bucket * this.resolutionUs;
      const toUs = Math.min(this.endUs, fromUs + this.resolutionUs);
      const base = bucket * categories;
      let best = 0;
      let bestUs = 0;
      for (let category = 1; category < categories; category++) {
        const us = this.timeIn[base + category];
        if (us > bestUs) {
          best = category;
          bestUs = us;
        }
      }
      if (best === 0) {
        continue;
      }
      const span = spanOf(best, fromUs, toUs);
      const previous = spans.at(-1);
      if (previous && previous.toUs === fromUs && sameState(previous, span)) {
        previous.toUs = toUs;
      } else {
        spans.push(span);
      }
    }
    return spans;
  }
}

function categoryOf(span: LockSpan): number {
  const held = 1 + (lockIndex.get(span.lock) ?? 0);
  return span.waitingFor === undefined ? held : held + stride * (1 + (lockIndex.get(span.waitingFor) ?? 0));
}

function spanOf(category: number, fromUs: number, toUs: number): LockSpan {
  const lock: LockState = lockStates[(category % stride) - 1];
  const waiting = Math.floor(category / stride);
  return waiting === 0 ? { fromUs, toUs, lock } : { fromUs, toUs, lock, waitingFor: lockStates[waiting - 1] };
}

function sameState(a: LockSpan, b: LockSpan): boolean {
  return a.lock === b.lock && a.waitingFor === b.waitingFor;
}
