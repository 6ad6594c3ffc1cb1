// The recording: what `record` prints with --json, what the recorder process hands the extension and
// what the reports draw. A public shape (docs/record.md). Times are milliseconds since the recording
// started, on a monotonic clock; `startedAt` is the wall-clock time of ms 0.
import type { LockedFile } from '../locks/lockedFile';
import type { AppOutput } from '../appOutput/appOutputTypes';
import type { LockName } from '../locks/lockStates';

export const recordingSchema = 'sqlite-lock-doctor/recording@1';

/** The lock states a recording has intervals of (OPEN is presence, not an interval). */
export type RecordedLock = Exclude<LockName, 'OPEN'>;

export interface LockInterval {
  state: RecordedLock;
  /** SQLite's WAL locks are bytes of the -shm file; the rollback states are on the database file. */
  file: LockedFile;
  /** WAL_READ: the read-mark slot 0..4. */
  slot?: number;
  /** Estimated start and end: half-way between the last sample without the lock and the first with it. */
  startMs: number;
  endMs: number;
  /** A kernel waiter (a `->` line): blocked waiting for this lock, not holding it. */
  waiting?: boolean;
  /** Already held when the recording started. */
  openAtStart?: boolean;
  /** Still held when the recording stopped. */
  openAtEnd?: boolean;
  /**
   * Set on a coarse span: this many intervals of the same state, less than the recording's
   * `intervalResolutionMs` apart, merged into one (to keep an hour of a busy app bounded);
   * `heldMs` is their total length.
   */
  merged?: number;
  heldMs?: number;
}

export interface RecordedProcess {
  pid: number;
  /** /proc/PID/comm when first seen; null when it could not be read (ended, or hidden). */
  command: string | null;
  commandLine: string | null;
  firstSeenMs: number;
  lastSeenMs: number;
  /** Seen when the recording started / still there when it stopped. */
  presentAtStart: boolean;
  presentAtEnd: boolean;
  intervals: LockInterval[];
  /** Had the file open (or an idle WAL connection) but never held a lock while recorded. */
  openedOnly?: boolean;
}

export interface ProcessRef {
  pid: number;
  command: string | null;
}

/** A write transaction's hold: RESERVED up to EXCLUSIVE on the database file, or the WAL write lock. */
export interface WriteHold extends ProcessRef {
  /** The strongest state the hold reached. */
  lock: 'RESERVED' | 'PENDING' | 'EXCLUSIVE' | 'WAL_WRITE';
  /** Every state it went through, in order (RESERVED, then PENDING, then EXCLUSIVE at commit). */
  states: WriteHold['lock'][];
  startMs: number;
  endMs: number;
  durationMs: number;
  openAtEnd?: boolean;
}

/** A writer in PENDING while other processes kept SHARED: those readers kept it from committing. */
export interface PendingWait extends ProcessRef {
  startMs: number;
  endMs: number;
  durationMs: number;
  readers: ProcessRef[];
  openAtEnd?: boolean;
}

/** One read snapshot (WAL_READ) held while the -wal file grew: a checkpoint could not restart the WAL. */
export interface PinningReader extends ProcessRef {
  slot?: number;
  startMs: number;
  endMs: number;
  durationMs: number;
  walGrewBytes: number;
  openAtEnd?: boolean;
}

export interface ProcessMoment extends ProcessRef {
  atMs: number;
}

export interface RecordingSummary {
  /** Longest first; at most `summaryListLength`. */
  longestWriteHolds: WriteHold[];
  writeHolds: { count: number; totalMs: number };
  pendingWaits: PendingWait[];
  pendingWaitCount: number;
  /** Null when there was no -wal file during the recording. */
  wal: {
    startBytes: number | null;
    endBytes: number | null;
    maxBytes: number;
    /** Sum of the increases of the file's size. */
    grewBytes: number;
  } | null;
  pinningReaders: PinningReader[];
  /** Processes first seen after the recording started, and processes gone before it stopped. */
  appeared: ProcessMoment[];
  left: ProcessMoment[];
  appearedCount: number;
  leftCount: number;
  /** Intervals in which a process was blocked in the kernel (`->`), which only SETLK_TIMEOUT builds show. */
  kernelWaits: number;
  /** The WAL's maintenance: checkpoints run (WAL_CKPT held) and WAL-index recoveries (WAL_RECOVER). */
  checkpoints: MaintenanceCount;
  recoveries: MaintenanceCount;
}

export interface MaintenanceCount {
  count: number;
  /** The longest one; absent when there was none. */
  longest?: ProcessRef & { startMs: number; durationMs: number };
}

// The app's own output (record --run / --log, load): defined with its source in src/engine/appOutput.
export type { AppLine, AppOutput } from '../appOutput/appOutputTypes';
export type { LockErrorKind } from '../appOutput/lockErrorKinds';

export interface Recording {
  schema: typeof recordingSchema;
  /** Unique per recording (a UUID). */
  id: string;
  /** Absolute path of the database as given. */
  database: string;
  /** 'wal' or 'delete' (rollback) when the recording started. */
  journalMode: string;
  startedAt: string;
  durationMs: number;
  intervalMs: number;
  samples: number;
  sampling: {
    /** How far samples were off their schedule (mostly late): median and 99th percentile, ms. */
    jitterP50Ms: number;
    jitterP99Ms: number;
    /** Scheduled samples skipped because the previous one came too late. */
    missedSamples: number;
    /** CPU time the recorder's process used per second of recording, ms (user + system). */
    cpuMsPerSecond?: number;
  };
  /** 0 while every interval is kept; otherwise the gap under which same-state intervals were merged. */
  intervalResolutionMs: number;
  /** Intervals merged into coarse spans (see LockInterval.merged). */
  mergedIntervals: number;
  /** One lane each, in order of first appearance. */
  processes: RecordedProcess[];
  /** Processes not given a lane (beyond the cap); the summary still counts them. */
  droppedProcesses: number;
  /** The -wal file's size at each change (null: no -wal file); bounded, thinned when long. */
  walSize: { atMs: number; bytes: number | null }[];
  summary: RecordingSummary;
  /** What the recording cannot show, in sentences. */
  limits: string[];
  app?: AppOutput;
  load?: unknown;
}
