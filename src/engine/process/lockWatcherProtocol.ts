// Messages between the lock watcher process (dist/lock-watcher.js) and whoever started it.
import type { LockReport } from '../locks/lockReport';
import type { EngineErrorKind } from './engineCalls';

export type ToLockWatcher =
  /** Reads `file` at once and then every `intervalMs`; for a watched file, changes the interval. */
  | { type: 'watch'; file: string; intervalMs: number }
  | { type: 'unwatch'; file: string }
  /** One reading now, watched or not. */
  | { type: 'read'; file: string };

/** The watcher's own cost so far, for the benchmark and the in-host tests. */
export interface LockWatcherStats {
  pid: number;
  /** Readings over every file it has watched. */
  readings: number;
  /** User and system CPU time of the watcher process since it started. */
  cpuMs: number;
  openFileScans: number;
}

export type FromLockWatcher =
  | { type: 'reading'; file: string; report: LockReport; stats: LockWatcherStats }
  /** The file cannot be read (gone, not a database): the watch goes on and says so each time. */
  | { type: 'failed'; file: string; kind: EngineErrorKind; message: string; stats: LockWatcherStats };

/**
 * What crosses the IPC channel: a reading equal to the last one sent for its file, apart from when it
 * was taken, goes as `unchanged` (a few bytes instead of every holder's command line), and
 * startLockWatcher turns it back into a full `reading` for its caller.
 */
export type LockWatcherWire =
  | FromLockWatcher
  | { type: 'unchanged'; file: string; takenAt: string; readMs: number; stats: LockWatcherStats };
