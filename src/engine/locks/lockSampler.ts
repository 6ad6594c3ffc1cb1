// One sample of the locks on a database, for the recorder: the same decoding as `locks`
// (decodeLockHolders), on a faster path for sampling every few milliseconds. /proc/locks is re-read
// through a kept descriptor (ProcLocksFile) and only its lines on the database and -shm inodes are
// kept; while those lines (and the processes with the file open) stay the same, the last decoded
// holders are returned as they are (the same array), so an idle database costs a read and a compare.
// The -shm and -wal files are only stat'ed; the /proc/PID/fd scan runs on its own slow rhythm.
// Opens no SQLite connection, takes no lock, never opens the database or its sidecars.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PersistedJournalMode } from '../header/journalModeOf';
import type { DatabaseFileHeader } from '../header/readDatabaseHeader';
import { type DecodedHolder, decodeLockHolders, pidsWithLockLines } from './decodeLockHolders';
import { processHasFileOpen } from './openDescriptors';
import { OpenFileScan, type OpenFileScanTiming } from './openFileScan';
import { ProcLocksFile, inodeMark } from './procLocksFile';
import { type ProcLockEntry, posixLocksOnFile } from './procLocks';

export interface SampledLocks {
  /** The decoded holders, OPEN entries included; the same array while nothing changed. */
  holders: readonly DecodedHolder[];
  /** Size of the -wal file, null when there is none. */
  walBytes: number | null;
}

export interface LockSamplerOptions {
  procRoot?: string;
  /** The /proc/*\/fd scan's rhythm (processes with the file open and no lock). */
  scanTiming?: OpenFileScanTiming;
  now?: () => number;
}

/**
 * Open-file scans for a recorder: at most every 2 s while lock holders change, else every 10 s; the
 * processes found are checked for life at most every 50 ms (not at every sample).
 */
export const recorderScanTiming: OpenFileScanTiming = {
  minGapMs: 2000,
  refreshMs: 10_000,
  aliveCheckMs: 50,
};

export class LockSampler {
  private readonly procLocks: ProcLocksFile;
  private readonly openFiles: OpenFileScan;
  private readonly walPath: string;
  private readonly shmPath: string;
  /** Counts the changes of the lines on the files (or of the -shm file itself). */
  private linesSeen = 0;
  private lastProcLines: string | undefined;
  private lastShmIno: bigint | null = null;
  private lastLines: number | undefined;
  private databaseLocks: ProcLockEntry[] = [];
  private shmLocks: ProcLockEntry[] = [];
  private lockPids: number[] = [];
  private decodedLines: number | undefined;
  private decodedOpenPids: readonly number[] | undefined;
  private lastHolders: readonly DecodedHolder[] = [];
  private readonly decodedByPid = new Map<number, { key: string; holders: DecodedHolder[] }>();
  /**
   * Processes that released their last lock but still have the file open (checked for that process
   * alone when it let go): an idle rollback-mode connection stays present between two scans. A scan
   * replaces them; those that ended are dropped at the alive checks.
   */
  private stillOpen: number[] = [];
  private stillOpenScans = 0;
  private stillOpenCheckedAt = Number.NEGATIVE_INFINITY;
  private openPids: readonly number[] = [];
  private readonly now: () => number;
  private readonly procRoot: string;

  /** Throws when /proc/locks cannot be read. */
  constructor(
    private readonly database: Pick<DatabaseFileHeader, 'realPath' | 'device' | 'inode'>,
    private readonly journalMode: PersistedJournalMode,
    options: LockSamplerOptions = {},
  ) {
    const procRoot = options.procRoot ?? '/proc';
    this.procRoot = procRoot;
    this.now = options.now ?? (() => performance.now());
    this.procLocks = new ProcLocksFile(procRoot);
    this.openFiles = new OpenFileScan(procRoot, options.scanTiming ?? recorderScanTiming, this.now);
    this.walPath = `${database.realPath}-wal`;
    this.shmPath = `${database.realPath}-shm`;
  }

  /** How many times /proc/*\/fd was scanned. */
  get openFileScans(): number {
    return this.openFiles.scans;
  }

  sample(): SampledLocks {
    const shm = fs.statSync(this.shmPath, { bigint: true, throwIfNoEntry: false });
    const wal = fs.statSync(this.walPath, { throwIfNoEntry: false });
    const marks =
      shm === undefined
        ? [inodeMark(this.database.inode)]
        : [inodeMark(this.database.inode), inodeMark(shm.ino)];
    const procLines = this.procLocks.linesOn(marks);
    const shmIno = shm?.ino ?? null;
    // linesOn returns the same string while the table's bytes stay the same: most samples of a quiet
    // database stop at this comparison.
    if (procLines !== this.lastProcLines || shmIno !== this.lastShmIno) {
      this.lastProcLines = procLines;
      this.lastShmIno = shmIno;
      this.linesSeen++;
    }
    const lines = this.linesSeen;
    if (lines !== this.lastLines) {
      const entries = this.procLocks.parse(procLines);
      this.databaseLocks = posixLocksOnFile(entries, this.database.device, this.database.inode);
      this.shmLocks = shm === undefined ? [] : posixLocksOnFile(entries, shm.dev, shm.ino);
      const lockPids = pidsWithLockLines(this.databaseLocks, this.shmLocks);
      this.noteReleased(this.lockPids, lockPids);
      this.lockPids = lockPids;
      this.lastLines = lines;
    }
    const openPids = this.withStillOpen(this.openFiles.openPids(this.database.realPath, this.lockPids));
    if (lines !== this.decodedLines || openPids !== this.decodedOpenPids) {
      this.decodedLines = lines;
      this.decodedOpenPids = openPids;
      this.lastHolders = this.decodeByProcess(openPids);
    }
    return { holders: this.lastHolders, walBytes: wal === undefined ? null : wal.size };
  }

  /**
   * The decoder's result, decoded per process and remembered: a process's entries depend on its lines
   * alone, so when one client begins or ends a transaction only its lines are decoded again. The
   * concatenation in PID order is what decodeLockHolders gives for the whole table.
   */
  private decodeByProcess(openPids: readonly number[]): DecodedHolder[] {
    const lines = new Map<number, { database: ProcLockEntry[]; shm: ProcLockEntry[]; key: string }>();
    const linesOf = (pid: number) => {
      let found = lines.get(pid);
      if (found === undefined) {
        found = { database: [], shm: [], key: '' };
        lines.set(pid, found);
      }
      return found;
    };
    for (const entry of this.databaseLocks) {
      const own = linesOf(entry.pid);
      own.database.push(entry);
      own.key += `d${lineKey(entry)}`;
    }
    for (const entry of this.shmLocks) {
      const own = linesOf(entry.pid);
      own.shm.push(entry);
      own.key += `s${lineKey(entry)}`;
    }
    const open = new Set(openPids);
    const pids = [...new Set([...lines.keys(), ...openPids])].sort((a, b) => a - b);
    const holders: DecodedHolder[] = [];
    for (const pid of pids) {
      const own = lines.get(pid) ?? { database: [], shm: [], key: '' };
      const key = `${own.key}${open.has(pid) ? 'o' : ''}`;
      let decoded = this.decodedByPid.get(pid);
      if (decoded?.key !== key) {
        decoded = {
          key,
          holders: decodeLockHolders(own.database, own.shm, this.journalMode, open.has(pid) ? [pid] : []),
        };
        this.decodedByPid.set(pid, decoded);
      }
      for (const holder of decoded.holders) {
        holders.push(holder);
      }
    }
    if (this.decodedByPid.size > pids.length) {
      const kept = new Set(pids);
      for (const pid of this.decodedByPid.keys()) {
        if (!kept.has(pid)) {
          this.decodedByPid.delete(pid);
        }
      }
    }
    return holders;
  }

  private noteReleased(before: readonly number[], after: readonly number[]): void {
    const holding = new Set(after);
    for (const pid of before) {
      if (
        !holding.has(pid) &&
        !this.stillOpen.includes(pid) &&
        processHasFileOpen(pid, this.database.realPath, this.procRoot)
      ) {
        this.stillOpen = [...this.stillOpen, pid];
      }
    }
  }

  /** The scan's processes and those still open since they let go; the same array while unchanged. */
  private withStillOpen(scanned: readonly number[]): readonly number[] {
    if (this.openFiles.scans !== this.stillOpenScans) {
      this.stillOpenScans = this.openFiles.scans;
      this.stillOpen = [];
    }
    const now = this.now();
    if (
      this.stillOpen.length > 0 &&
      now - this.stillOpenCheckedAt >= (recorderScanTiming.aliveCheckMs ?? 0)
    ) {
      this.stillOpenCheckedAt = now;
      const alive = this.stillOpen.filter((pid) => fs.existsSync(path.join(this.procRoot, String(pid))));
      if (alive.length !== this.stillOpen.length) {
        this.stillOpen = alive;
      }
    }
    const merged =
      this.stillOpen.length === 0
        ? scanned
        : [...new Set([...scanned, ...this.stillOpen])].sort((a, b) => a - b);
    if (merged.length !== this.openPids.length || merged.some((pid, index) => pid !== this.openPids[index])) {
      this.openPids = merged;
    }
    return this.openPids;
  }

  close(): void {
    this.procLocks.close();
  }
}

function lineKey(entry: ProcLockEntry): string {
  return `${entry.kind === 'OFDLCK' ? 'o' : ''}${entry.blocked ? '>' : ''}${entry.access[0]}${entry.start}-${entry.end ?? 'EOF'} `;
}
