// The summary a user reads first, computed as the samples arrive (so it stays exact when the lanes are
// coarsened): the longest write-lock holds, writers kept in PENDING by readers, the -wal file's growth
// and the read snapshots held while it grew, each list bounded.
import type { ProcessName } from '../locks/processNames';
import { round } from './intervalStore';
import type { RecordingCaps } from './recordingCaps';
import type {
  MaintenanceCount,
  PendingWait,
  PinningReader,
  ProcessRef,
  RecordingSummary,
  WriteHold,
} from './recordingTypes';
import { TopList } from './topList';

type DatabaseWriteLock = 'RESERVED' | 'PENDING' | 'EXCLUSIVE';

/** What one sample says, reduced to what the summary needs. */
export interface SummarySample {
  atMs: number;
  /** Half-way between the previous sample and this one (this one's time for the first). */
  boundaryMs: number;
  /** Strongest write lock held (not waited for) on the database file, per PID. */
  databaseWriters: ReadonlyMap<number, DatabaseWriteLock>;
  walWriters: ReadonlySet<number>;
  /** PIDs holding SHARED as readers (not a WAL connection's open-lock). */
  databaseReaders: ReadonlySet<number>;
  /** Read snapshots: key "pid|slot". */
  walReaders: ReadonlyMap<string, { pid: number; slot?: number }>;
  walBytes: number | null;
}

interface OpenHold {
  startMs: number;
  lock: WriteHold['lock'];
  states: WriteHold['lock'][];
}

const writeStrength: Record<DatabaseWriteLock, number> = { RESERVED: 0, PENDING: 1, EXCLUSIVE: 2 };

export class SummaryBuilder {
  private readonly holds: TopList<WriteHold>;
  private holdTotalMs = 0;
  private readonly pending: TopList<PendingWait>;
  private readonly pinning: TopList<PinningReader>;
  private readonly openDatabaseHolds = new Map<number, OpenHold>();
  private readonly openWalHolds = new Map<number, OpenHold>();
  private readonly openPending = new Map<number, { startMs: number; readers: Set<number> }>();
  private readonly openSnapshots = new Map<
    string,
    { pid: number; slot?: number; startMs: number; grew: number }
  >();
  private walStart: number | null | undefined;
  private walEnd: number | null = null;
  private walMax = 0;
  private walGrew = 0;
  private walSeen = false;
  kernelWaits = 0;
  private readonly maintenance: Record<'WAL_CKPT' | 'WAL_RECOVER', MaintenanceCount> = {
    WAL_CKPT: { count: 0 },
    WAL_RECOVER: { count: 0 },
  };

  constructor(
    caps: RecordingCaps,
    private readonly nameOf: (pid: number) => ProcessName,
  ) {
    this.holds = new TopList(caps.summaryListLength, (hold) => hold.durationMs);
    this.pending = new TopList(caps.summaryListLength, (wait) => wait.durationMs);
    this.pinning = new TopList(caps.summaryListLength, (reader) => reader.walGrewBytes);
  }

  add(sample: SummarySample): void {
    const at = sample.boundaryMs;
    this.trackWal(sample);
    // Write holds: a database writer's hold runs from RESERVED to the release, its strongest state named.
    for (const [pid, hold] of this.openDatabaseHolds) {
      const lock = sample.databaseWriters.get(pid);
      if (lock === undefined) {
        this.closeHold(pid, hold, at, false);
        this.openDatabaseHolds.delete(pid);
      } else if (writeStrength[lock] > writeStrength[hold.lock as DatabaseWriteLock]) {
        hold.lock = lock;
        hold.states.push(lock);
      }
    }
    for (const [pid, lock] of sample.databaseWriters) {
      if (!this.openDatabaseHolds.has(pid)) {
        this.openDatabaseHolds.set(pid, { startMs: at, lock, states: [lock] });
      }
    }
    for (const [pid, hold] of this.openWalHolds) {
      if (!sample.walWriters.has(pid)) {
        this.closeHold(pid, hold, at, false);
        this.openWalHolds.delete(pid);
      }
    }
    for (const pid of sample.walWriters) {
      if (!this.openWalHolds.has(pid)) {
        this.openWalHolds.set(pid, { startMs: at, lock: 'WAL_WRITE', states: ['WAL_WRITE'] });
      }
    }
    // PENDING: the readers holding SHARED meanwhile kept the writer from EXCLUSIVE.
    for (const [pid, wait] of this.openPending) {
      if (sample.databaseWriters.get(pid) !== 'PENDING') {
        this.closePending(pid, wait, at, false);
        this.openPending.delete(pid);
      }
    }
    for (const [pid, lock] of sample.databaseWriters) {
      if (lock !== 'PENDING') {
        continue;
      }
      let wait = this.openPending.get(pid);
      if (wait === undefined) {
        wait = { startMs: at, readers: new Set() };
        this.openPending.set(pid, wait);
      }
      for (const reader of sample.databaseReaders) {
        if (reader !== pid) {
          wait.readers.add(reader);
        }
      }
    }
    for (const [key, snapshot] of this.openSnapshots) {
      if (!sample.walReaders.has(key)) {
        this.closeSnapshot(snapshot, at, false);
        this.openSnapshots.delete(key);
      }
    }
    for (const [key, reader] of sample.walReaders) {
      if (!this.openSnapshots.has(key)) {
        this.openSnapshots.set(key, { ...reader, startMs: at, grew: 0 });
      }
    }
  }

  finish(endMs: number): RecordingSummary {
    for (const [pid, hold] of this.openDatabaseHolds) {
      this.closeHold(pid, hold, endMs, true);
    }
    for (const [pid, hold] of this.openWalHolds) {
      this.closeHold(pid, hold, endMs, true);
    }
    for (const [pid, wait] of this.openPending) {
      this.closePending(pid, wait, endMs, true);
    }
    for (const snapshot of this.openSnapshots.values()) {
      this.closeSnapshot(snapshot, endMs, true);
    }
    this.openDatabaseHolds.clear();
    this.openWalHolds.clear();
    this.openPending.clear();
    this.openSnapshots.clear();
    return {
      longestWriteHolds: this.holds.list(),
      writeHolds: { count: this.holds.count, totalMs: round(this.holdTotalMs) },
      pendingWaits: this.pending.list(),
      pendingWaitCount: this.pending.count,
      wal: this.walSeen
        ? {
            startBytes: this.walStart ?? null,
            endBytes: this.walEnd,
            maxBytes: this.walMax,
            grewBytes: this.walGrew,
          }
        : null,
      pinningReaders: this.pinning.list(),
      appeared: [],
      left: [],
      appearedCount: 0,
      leftCount: 0,
      kernelWaits: this.kernelWaits,
      checkpoints: this.maintenance.WAL_CKPT,
      recoveries: this.maintenance.WAL_RECOVER,
    };
  }

  /** A checkpoint or a recovery ended (or was still running at the end). */
  maintenanceDone(lock: 'WAL_CKPT' | 'WAL_RECOVER', pid: number, startMs: number, endMs: number): void {
    const kind = this.maintenance[lock];
    kind.count++;
    const durationMs = round(endMs - startMs);
    if (kind.longest === undefined || durationMs > kind.longest.durationMs) {
      kind.longest = { ...this.ref(pid), startMs: round(startMs), durationMs };
    }
  }

  private trackWal(sample: SummarySample): void {
    const bytes = sample.walBytes;
    const first = this.walStart === undefined;
    if (first) {
      this.walStart = bytes;
    }
    if (bytes !== null) {
      this.walSeen = true;
      this.walMax = Math.max(this.walMax, bytes);
      // A -wal file created while recording grew from nothing.
      const grew = bytes - (this.walEnd ?? 0);
      if (!first && grew > 0) {
        this.walGrew += grew;
        // Every snapshot still held when the file grew kept a checkpoint from restarting the WAL; a
        // writer's own snapshot grows with its own writes, which says nothing about pinning.
        for (const snapshot of this.openSnapshots.values()) {
          if (
            sample.walReaders.has(`${snapshot.pid}|${snapshot.slot ?? ''}`) &&
            !sample.walWriters.has(snapshot.pid)
          ) {
            snapshot.grew += grew;
          }
        }
      }
    }
    this.walEnd = bytes;
  }

  private ref(pid: number): ProcessRef {
    return { pid, command: this.nameOf(pid).command };
  }

  private closeHold(pid: number, hold: OpenHold, endMs: number, openAtEnd: boolean): void {
    const durationMs = round(endMs - hold.startMs);
    this.holdTotalMs += durationMs;
    this.holds.offer({
      ...this.ref(pid),
      lock: hold.lock,
      states: [...hold.states],
      startMs: round(hold.startMs),
      endMs: round(endMs),
      durationMs,
      ...(openAtEnd ? { openAtEnd } : {}),
    });
  }

  private closePending(
    pid: number,
    wait: { startMs: number; readers: Set<number> },
    endMs: number,
    openAtEnd: boolean,
  ): void {
    if (wait.readers.size === 0) {
      return; // PENDING for a moment on the way to EXCLUSIVE, nobody in the way.
    }
    this.pending.offer({
      ...this.ref(pid),
      startMs: round(wait.startMs),
      endMs: round(endMs),
      durationMs: round(endMs - wait.startMs),
      readers: [...wait.readers].sort((a, b) => a - b).map((reader) => this.ref(reader)),
      ...(openAtEnd ? { openAtEnd } : {}),
    });
  }

  private closeSnapshot(
    snapshot: { pid: number; slot?: number; startMs: number; grew: number },
    endMs: number,
    openAtEnd: boolean,
  ): void {
    if (snapshot.grew <= 0) {
      return;
    }
    this.pinning.offer({
      ...this.ref(snapshot.pid),
      ...(snapshot.slot === undefined ? {} : { slot: snapshot.slot }),
      startMs: round(snapshot.startMs),
      endMs: round(endMs),
      durationMs: round(endMs - snapshot.startMs),
      walGrewBytes: snapshot.grew,
      ...(openAtEnd ? { openAtEnd } : {}),
    });
  }
}
