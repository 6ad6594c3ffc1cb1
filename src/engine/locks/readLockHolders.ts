// `locks`: who holds which SQLite lock on a database right now. On Linux from /proc/locks (the POSIX
// byte-range locks SQLite takes, matched to the database and its -shm file by device and inode) and
// /proc/PID/fd (processes with the file open and no lock). Opens no SQLite connection and takes no
// lock: the database is read only for its 100-byte header (validation and journal mode), the -wal
// only for its 32-byte header, the -shm only stat'ed.
//
// Call it from a process that holds no SQLite connection to the file: closing the descriptor used to
// read the header drops every POSIX lock this process holds on it (sqlite.org/howtocorrupt.html).
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { readDatabaseHeader } from '../header/readDatabaseHeader';
import { compareHolders, decodeLockHolders } from './decodeLockHolders';
import { lockMeaning } from './lockMeanings';
import type { LockHolderEntry, LockReport } from './lockReport';
import { processesWithFileOpen } from './openDescriptors';
import { procLocksUnreadableNote, unsupportedPlatformNote } from './platformLimits';
import { type ProcLockEntry, posixLocksOnFile, readProcLocks } from './procLocks';
import { processNamer } from './processNames';
import { readWalHealth } from './walHealth';

export interface ReadLockHoldersOptions {
  /** Defaults to process.platform; a parameter so that every branch can be tested anywhere. */
  platform?: string;
  /** Defaults to /proc; tests point it at a prepared folder. */
  procRoot?: string;
}

/** Throws UserInputError naming `file` when it is missing, unreadable or not an SQLite database. */
export function readLockHolders(file: string, options: ReadLockHoldersOptions = {}): LockReport {
  const platform = options.platform ?? process.platform;
  const procRoot = options.procRoot ?? '/proc';
  const database = readDatabaseHeader(file);
  const journalMode = database.header?.readVersion === 2 ? 'wal' : 'delete';
  const started = performance.now();
  const base = {
    schema: 'sqlite-lock-doctor/lock-report@1' as const,
    file: database.path,
    realPath: database.realPath,
    journalMode,
    platform,
    takenAt: new Date().toISOString(),
  } satisfies Partial<LockReport>;
  const walOrNull = (readerPids: number[]) => {
    const wal = readWalHealth(database.realPath, readerPids);
    return journalMode === 'delete' && !wal.exists ? null : wal;
  };

  const procLocks = platform === 'linux' ? readProcLocks('linux', procRoot) : null;
  if (procLocks === null) {
    return {
      ...base,
      supported: false,
      note: platform === 'linux' ? procLocksUnreadableNote : unsupportedPlatformNote(platform, database.path),
      holders: [],
      wal: walOrNull([]),
      readMs: elapsedMs(started),
    };
  }
  const databaseLocks = posixLocksOnFile(procLocks, database.device, database.inode);
  const shmLocks = locksOnSidecar(procLocks, `${database.realPath}-shm`);
  const decoded = decodeLockHolders(databaseLocks, shmLocks, journalMode);

  const withLocks = new Set(decoded.map((holder) => holder.pid));
  const openOnly = processesWithFileOpen(database.realPath, procRoot).filter((pid) => !withLocks.has(pid));
  for (const pid of openOnly) {
    const entry = {
      pid,
      file: 'db' as const,
      lock: 'OPEN' as const,
      access: null,
      waiting: false,
      openWithoutLock: true,
    };
    decoded.push({ ...entry, meaning: lockMeaning(entry, journalMode) });
  }

  const nameOf = processNamer(procRoot);
  const holders: LockHolderEntry[] = decoded.sort(compareHolders).map(({ pid, ...rest }) => ({
    pid,
    ...nameOf(pid),
    ...rest,
  }));
  const readerPids = holders
    .filter((holder) => holder.lock === 'WAL_READ' && holder.access === 'read' && !holder.waiting)
    .map((holder) => holder.pid);
  return {
    ...base,
    supported: true,
    holders,
    wal: walOrNull(readerPids),
    readMs: elapsedMs(started),
  };
}

function elapsedMs(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}

function locksOnSidecar(procLocks: ProcLockEntry[], sidecarPath: string): ProcLockEntry[] {
  try {
    // stat only: the -shm file is never opened (its WAL locks belong to other connections).
    const stats = fs.statSync(sidecarPath, { bigint: true });
    return posixLocksOnFile(procLocks, stats.dev, stats.ino);
  } catch {
    // Missing (rollback mode, or no connection open): no locks on it.
    return [];
  }
}
