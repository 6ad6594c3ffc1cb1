// The /proc/PID/fd scan for a reader that lives across readings. The scan reads a link per open
// descriptor of every process (about 6 ms for 650 descriptors on the 2-core test machine), while
// /proc/locks costs about 0.02 ms, so the scan is repeated only when the set of PIDs with lock lines
// on the file changes (a connection opened, closed or began a transaction), at most once a second,
// and otherwise every 10 s: an idle rollback-mode connection, which holds no lock, shows up within
// that time. Between scans, processes that ended are dropped from the last result. Only processes
// without a lock line are kept: the decoder lists the others by their locks.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { processesWithFileOpen } from './openDescriptors';

export interface OpenFileScanTiming {
  /** Least time between two scans, even when the lock PIDs change at every reading. */
  minGapMs: number;
  /** Most time between two scans while the lock PIDs stay the same. */
  refreshMs: number;
  /** Least time between two checks that the listed processes still exist (default: every call). */
  aliveCheckMs?: number;
}

export const openFileScanTiming: OpenFileScanTiming = { minGapMs: 1000, refreshMs: 10_000 };

export class OpenFileScan {
  /** How many times /proc/*\/fd was scanned. */
  scans = 0;
  private scannedAt = Number.NEGATIVE_INFINITY;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private scannedFor: string | undefined;
  private pids: readonly number[] = [];

  constructor(
    private readonly procRoot = '/proc',
    private readonly timing: OpenFileScanTiming = openFileScanTiming,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** For readHolderTable's `openPids`. */
  readonly openPids = (realPath: string, lockPids: readonly number[]): readonly number[] => {
    const key = `${realPath}\0${lockPids.join(',')}`;
    const now = this.now();
    const sinceScan = now - this.scannedAt;
    const due =
      key === this.scannedFor ? sinceScan >= this.timing.refreshMs : sinceScan >= this.timing.minGapMs;
    if (due) {
      // Lock holders are listed by their locks; a change in them brings a new scan anyway.
      const locking = new Set(lockPids);
      this.pids = processesWithFileOpen(realPath, this.procRoot).filter((pid) => !locking.has(pid));
      this.scannedAt = now;
      this.scannedFor = key;
      this.scans++;
    } else if (this.pids.length > 0 && now - this.checkedAt >= (this.timing.aliveCheckMs ?? 0)) {
      this.checkedAt = now;
      const alive = this.pids.filter((pid) => fs.existsSync(path.join(this.procRoot, String(pid))));
      // The same array while nobody left, so a caller can tell "unchanged" by identity.
      if (alive.length !== this.pids.length) {
        this.pids = alive;
      }
    }
    return this.pids;
  };
}
