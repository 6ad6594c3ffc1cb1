// `locks`: who holds which SQLite lock on a database right now, and the state of its -wal. Opens no
// SQLite connection and takes no lock: the database is read only for its 100-byte header (validation
// and journal mode), the -wal only for its 32-byte header, the -shm only stat'ed.
//
// Call it from a process that holds no SQLite connection to the file: closing the descriptor used to
// read the header drops every POSIX lock this process holds on it (sqlite.org/howtocorrupt.html).
import { performance } from 'node:perf_hooks';
import { journalModeOf } from '../header/journalModeOf';
import { type DatabaseFileHeader, readDatabaseHeader } from '../header/readDatabaseHeader';
import type { LockReport } from './lockReport';
import { type HolderTableOptions, readHolderTable } from './readHolderTable';
import { readWalHealth } from './walHealth';

export interface ReadLockHoldersOptions extends HolderTableOptions {
  /** Default: readDatabaseHeader. A reader that lives across readings re-reads it only when the file changed. */
  readHeader?: (file: string) => DatabaseFileHeader;
}

/** Throws UserInputError naming `file` when it is missing, unreadable or not an SQLite database. */
export function readLockHolders(file: string, options: ReadLockHoldersOptions = {}): LockReport {
  const database = (options.readHeader ?? readDatabaseHeader)(file);
  const journalMode = journalModeOf(database.header);
  const takenAt = new Date().toISOString();
  const started = performance.now();
  const table = readHolderTable(database, journalMode, options);
  const readerPids = table.holders
    .filter((holder) => holder.lock === 'WAL_READ' && holder.access === 'read' && !holder.waiting)
    .map((holder) => holder.pid);
  const wal = readWalHealth(database.realPath, readerPids);
  return {
    schema: 'sqlite-lock-doctor/lock-report@1',
    file: database.path,
    realPath: database.realPath,
    journalMode,
    platform: options.platform ?? process.platform,
    ...table,
    wal: journalMode === 'delete' && !wal.exists ? null : wal,
    takenAt,
    readMs: Math.round((performance.now() - started) * 10) / 10,
  };
}
