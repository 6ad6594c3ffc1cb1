// Keeps an app's lines within bounds for an hour of output: every lock-error line (up to a hard cap),
// and of the other lines the first few (start-up: "listening on ...") and the latest, the rest counted.
import type { AppLine, AppOutput } from './appOutputTypes';
import { classifyLockError, type LockErrorKind } from './lockErrorKinds';

export interface AppLineLimits {
  /** Other lines kept from the start. */
  headLines: number;
  /** Other lines kept from the end (the latest). */
  tailLines: number;
  /** Lock-error lines kept; counts stay exact beyond it. */
  errorLines: number;
}

export const defaultAppLineLimits: AppLineLimits = { headLines: 200, tailLines: 1800, errorLines: 50_000 };

export class AppLineStore {
  private readonly head: AppLine[] = [];
  private readonly tail: AppLine[] = [];
  private tailStart = 0;
  private readonly errors: AppLine[] = [];
  private dropped = 0;
  private readonly counts: Partial<Record<LockErrorKind, number>> = {};

  constructor(private readonly limits: AppLineLimits = defaultAppLineLimits) {}

  /** Classifies and keeps (or counts) one line; returns it with its lock-error kind. */
  add(line: Omit<AppLine, 'lockError'>): AppLine {
    const lockError = classifyLockError(line.text);
    const kept: AppLine = lockError === undefined ? line : { ...line, lockError };
    if (lockError !== undefined) {
      this.counts[lockError] = (this.counts[lockError] ?? 0) + 1;
      if (this.errors.length < this.limits.errorLines) {
        this.errors.push(kept);
      } else {
        this.dropped++;
      }
    } else if (this.head.length < this.limits.headLines) {
      this.head.push(kept);
    } else if (this.tail.length < this.limits.tailLines) {
      this.tail.push(kept);
    } else if (this.limits.tailLines > 0) {
      // A ring: overwrite the oldest of the tail.
      this.tail[this.tailStart] = kept;
      this.tailStart = (this.tailStart + 1) % this.tail.length;
      this.dropped++;
    } else {
      this.dropped++;
    }
    return kept;
  }

  lockErrorCount(): number {
    return Object.values(this.counts).reduce((sum, count) => sum + count, 0);
  }

  /** What was kept, in time order. */
  contents(): Omit<AppOutput, 'source'> {
    const tail = [...this.tail.slice(this.tailStart), ...this.tail.slice(0, this.tailStart)];
    const lines = [...this.head, ...tail, ...this.errors].sort((a, b) => a.atMs - b.atMs);
    return { lines, droppedLines: this.dropped, errorCounts: { ...this.counts } };
  }
}
