// What `locks` finds out about who holds a lock on a database, printed as `locks --json`: the field
// names are a public shape, documented in docs/locks.md.
import type { PersistedJournalMode } from '../header/journalModeOf';
import type { LostLockCheck, ProcessFacts } from '../holders/processFacts';
import type { LockedFile } from './lockedFile';
import type { LockName } from './lockStates';
import type { WalHealth } from './walHealth';

export type { LockedFile } from './lockedFile';
export type { LockName } from './lockStates';

export interface LockHolderEntry {
  pid: number;
  /** /proc/PID/comm, e.g. "python3"; null when the process could not be read (it may have ended). */
  command: string | null;
  /** /proc/PID/cmdline with its arguments joined by spaces, shortened; null when unreadable. */
  commandLine: string | null;
  file: LockedFile;
  lock: LockName;
  /** WAL_READ only: the read-mark slot 0..4 (0: reading the database file alone, the WAL was empty). */
  readSlot?: number;
  /** The byte-range lock's type; null for an open descriptor without a lock. */
  access: 'read' | 'write' | null;
  /** Blocked in the kernel waiting for this lock (a `->` line), not holding it. */
  waiting: boolean;
  /** Found among the process's open files, holding no lock on the database or its -shm. */
  openWithoutLock: boolean;
  /** One sentence: what this lock means for other connections. */
  meaning: string;
  /**
   * An open-file-description lock (`OFDLCK` in /proc/locks): it belongs to an open file, not to a
   * process; its PID is -1 when the kernel does not tie it to one process.
   */
  openFileDescription?: true;
  /** Watching only (`locks --watch`, the watcher): when a reading first showed this lock (ISO 8601). */
  heldSince?: string;
  /** Watching only: from `heldSince` to this reading, a lower bound of how long it has been held. */
  heldForMs?: number;
  /** Watching only: the first reading of the watch already showed it, so it began earlier still. */
  heldForAtLeast?: boolean;
}

/** Who holds which lock on a database: `locks` reports it with the WAL's health, `inspect` as is. */
export interface LockHolderTable {
  /** False where byte-range locks cannot be listed (not Linux, or no /proc); `note` says why. */
  supported: boolean;
  note?: string;
  /** One entry per process, file and lock, by PID; several connections of one process share one PID. */
  holders: LockHolderEntry[];
}

export interface LockReport extends LockHolderTable {
  schema: 'sqlite-lock-doctor/lock-report@2';
  /** Absolute path as given. */
  file: string;
  /** Symlinks resolved: the -wal and -shm files sit beside this one. */
  realPath: string;
  /** The mode the file records: 'wal' when its read version is 2, else 'delete' (a rollback mode). */
  journalMode: PersistedJournalMode;
  /** process.platform of the process that looked. */
  platform: string;
  /** The -wal file and its checkpoint state; null in rollback mode when there is no -wal. */
  wal: WalHealth | null;
  /** When the lock table was read (ISO 8601). */
  takenAt: string;
  /** How long reading /proc took, in milliseconds. */
  readMs: number;
  /** Since @2: each process in `holders` (PID > 0): its state, lost locks and SQLite build. */
  processes: ProcessFacts[];
  /** Since @2: whether lost locks can be seen here (WAL mode only), with why not. */
  lostLockCheck: LostLockCheck;
}
