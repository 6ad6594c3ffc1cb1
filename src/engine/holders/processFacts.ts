// What `locks` says about each process that holds a lock or has the file open, beside its locks: its
// scheduling state, signs that it lost its locks, and the SQLite it runs. Part of the LockReport
// (`locks --json`, schema lock-report@2), documented in docs/locks.md.
import type { LockedFile } from '../locks/lockedFile';
import type { ProcessState } from './processState';

export type { ProcessState } from './processState';

export interface LostLocks {
  /** Which file's locks are gone: 'db' (the database's, -shm kept) or 'shm' (the -shm's). */
  file: LockedFile;
  /** One sentence: what was seen and what it means. */
  reason: string;
  /** SQLite's page that explains it (section 2.2 of "How To Corrupt An SQLite Database File"). */
  reference: string;
}

export interface SqliteBugWarning {
  id: string;
  title: string;
  conditions: string;
  fixedIn: string;
  backports: readonly string[];
  references: readonly string[];
}

export interface SqliteLibrary {
  /** The mapped file the build was found in (a libsqlite3, a native module, the program). */
  file: string;
  /** 'scanning': not read yet (a large file is read between readings); 'unreadable': see `reason`. */
  state: 'found' | 'scanning' | 'unreadable';
  sourceId?: string;
  version?: string | null;
  /** The compile options that change locking ("THREADSAFE=1", "ENABLE_SETLK_TIMEOUT", ...). */
  compileOptions?: string[];
  /** Known locking or WAL bugs of this version (src/engine/holders/sqliteBuild/knownSqliteBugs.ts). */
  knownBugs?: SqliteBugWarning[];
  /** The known bugs in words, one sentence each (what `locks` prints). */
  warnings?: string[];
  reason?: string;
}

export interface ProcessFacts {
  pid: number;
  command: string | null;
  /** From /proc/PID/stat; null when it could not be read (the process ended). */
  state: ProcessState | null;
  /** Signs that its POSIX locks were silently dropped (WAL mode only); empty when none. */
  lostLocks: LostLocks[];
  /** The SQLite builds in its mapped files; [] when none was found, null when /proc/PID/maps is unreadable. */
  sqlite: SqliteLibrary[] | null;
  /** In words, one sentence each: stopped, traced or a zombie while holding a lock; lost locks. */
  warnings: string[];
}

/** Whether lost locks can be seen on this file at all, and why not. */
export interface LostLockCheck {
  possible: boolean;
  note: string | null;
}
