// The /proc/PID/fd scan for a reader that lives across readings. The scan reads a link per open
// descriptor of every process (about 6 ms for 650 descriptors on the 2-core test machine), while
// /proc/locks costs about 0.02 ms, so the scan is repeated only when the set of PIDs with lock lines
// on the file changes (a connection opened, closed or began a transaction), at most once a second,
// and otherwise every 10 s: an idle rollback-mode connection, which holds no lock, shows up within
// that time. Between scans, processes that ended are dropped from the last result. Only processes
// without a lock line are kept: the decoder lists the others by their locks. The same pass finds the
// processes with the -shm file open (all of them), for the lost-lock check.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { processesWithFilesOpen } from './openDescriptors';

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
  private shmPids: readonly number[] = [];

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
      const [database, shm] = processesWithFilesOpen([realPath, `${realPath}-shm`], this.procRoot);
      this.pids = database.filter((pid) => !locking.has(pid));
      this.shmPids = shm;
      this.scannedAt = now;
      this.scannedFor = key;
      this.scans++;
    } else if (now - this.checkedAt >= (this.timing.aliveCheckMs ?? 0)) {
      this.checkedAt = now;
      // Only these: a PID that left the -shm list matters only if it is a holder, and holders change
      // the lock PIDs, which brings a new scan.
      this.pids = this.stillRunning(this.pids);
    }
    return this.pids;
  };

  /** The processes with the -shm file open, as of the last scan (for the same file as `openPids`). */
  readonly shmOpenPids = (): readonly number[] => this.shmPids;

  /** The same array while nobody left, so a caller can tell "unchanged" by identity. */
  private stillRunning(pids: readonly number[]): readonly number[] {
    if (pids.length === 0) {
      return pids;
    }
    const alive = pids.filter((pid) => fs.existsSync(path.join(this.procRoot, String(pid))));
    return alive.length === pids.length ? pids : alive;
  }
}
