// The lanes' intervals, bounded. Every interval is kept until `cap`; past it the store coarsens:
// intervals of one process and state less than `resolutionMs` apart merge into one coarse span that
// counts them (merged) and their total length (heldMs), and the gap doubles until the store is back
// under half the cap. From then on a new interval close enough to the last of its kind joins it at
// once. A busy app of an hour thus keeps its long holds exact and its many short ones as spans.
import type { LockInterval } from './recordingTypes';

export function intervalKind(interval: Pick<LockInterval, 'state' | 'file' | 'slot' | 'waiting'>): string {
  return `${interval.file}|${interval.state}|${interval.slot ?? ''}|${interval.waiting === true}`;
}

export class IntervalStore {
  resolutionMs = 0;
  /** Intervals absorbed into coarse spans. */
  merged = 0;
  private total = 0;
  private readonly lanes = new Map<number, LockInterval[]>();
  private readonly lastOfKind = new Map<string, LockInterval>();

  constructor(
    private readonly cap: number,
    /** The first gap used when coarsening (a few sampling intervals). */
    private readonly firstResolutionMs: number,
  ) {}

  get size(): number {
    return this.total;
  }

  intervalsOf(pid: number): LockInterval[] {
    return this.lanes.get(pid) ?? [];
  }

  add(pid: number, interval: LockInterval): void {
    const kindKey = `${pid}|${intervalKind(interval)}`;
    const last = this.lastOfKind.get(kindKey);
    if (last !== undefined && this.resolutionMs > 0 && interval.startMs - last.endMs < this.resolutionMs) {
      absorb(last, interval);
      this.merged++;
      return;
    }
    let lane = this.lanes.get(pid);
    if (lane === undefined) {
      lane = [];
      this.lanes.set(pid, lane);
    }
    lane.push(interval);
    this.lastOfKind.set(kindKey, interval);
    this.total++;
    if (this.total > this.cap) {
      this.coarsen();
    }
  }

  private coarsen(): void {
    while (this.total > this.cap / 2) {
      this.resolutionMs = this.resolutionMs === 0 ? this.firstResolutionMs : this.resolutionMs * 2;
      this.total = 0;
      this.lastOfKind.clear();
      for (const [pid, lane] of this.lanes) {
        const byKind = new Map<string, LockInterval[]>();
        for (const interval of lane) {
          const kind = intervalKind(interval);
          const list = byKind.get(kind);
          if (list === undefined) {
            byKind.set(kind, [interval]);
          } else {
            list.push(interval);
          }
        }
        const kept: LockInterval[] = [];
        for (const [kind, list] of byKind) {
          list.sort((a, b) => a.startMs - b.startMs);
          let current: LockInterval | undefined;
          for (const interval of list) {
            if (current !== undefined && interval.startMs - current.endMs < this.resolutionMs) {
              absorb(current, interval);
              this.merged++;
            } else {
              current = interval;
              kept.push(interval);
            }
          }
          if (current !== undefined) {
            this.lastOfKind.set(`${pid}|${kind}`, current);
          }
        }
        kept.sort((a, b) => a.startMs - b.startMs);
        this.lanes.set(pid, kept);
        this.total += kept.length;
      }
    }
  }
}

function lengthOf(interval: LockInterval): number {
  return interval.heldMs ?? interval.endMs - interval.startMs;
}

function absorb(into: LockInterval, next: LockInterval): void {
  into.heldMs = round(lengthOf(into) + lengthOf(next));
  into.merged = (into.merged ?? 1) + (next.merged ?? 1);
  into.endMs = Math.max(into.endMs, next.endMs);
  if (next.openAtEnd) {
    into.openAtEnd = true;
  }
}

export function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
