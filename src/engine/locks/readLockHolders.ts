// `locks`: who holds which SQLite lock on a database right now, and the state of its -wal. Opens no
// SQLite connection and takes no lock: the database is read only for its 100-byte header (validation
// and journal mode), the -wal only for its 32-byte header, the -shm only stat'ed.
//
// Call it from a process that holds no SQLite connection to the file: closing the descriptor used to
// read the header drops every POSIX lock this process holds on it (sqlite.org/howtocorrupt.html).
import { performance } from 'node:perf_hooks';
import { journalModeOf } from '../header/journalModeOf';
import { type DatabaseFileHeader, readDatabaseHeader } from '../header/readDatabaseHeader';
import { type ProcessFactsMemo, ProcessLibraries, describeProcesses } from '../holders/describeProcesses';
import type { ProcessState } from '../holders/processState';
import { SqliteBuildCatalog } from '../holders/sqliteBuild/sqliteBuildCatalog';
import type { LockReport } from './lockReport';
import { processesWithFilesOpen } from './openDescriptors';
import { type HolderTableOptions, readHolderTable } from './readHolderTable';
import { readWalHealth } from './walHealth';

export interface ReadLockHoldersOptions extends HolderTableOptions {
  /** Default: readDatabaseHeader. A reader that lives across readings re-reads it only when the file changed. */
  readHeader?: (file: string) => DatabaseFileHeader;
  /** With `openPids`: the processes with the -shm open, from the same scan. */
  shmOpenPids?: () => readonly number[];
  /**
   * Where holders' SQLite builds are found. Default: a new one that scans each file before answering;
   * a reader that lives across readings passes one that keeps them and scans in the background.
   */
  libraries?: ProcessLibraries;
  /** Default: /proc/PID/stat read now, for every process. */
  stateOf?: (pid: number, busy: boolean) => ProcessState | null;
  /** For a reader across readings: the same `processes` array while nothing in it changed. */
  factsMemo?: ProcessFactsMemo;
}

/** Throws UserInputError naming `file` when it is missing, unreadable or not an SQLite database. */
export function readLockHolders(file: string, options: ReadLockHoldersOptions = {}): LockReport {
  const database = (options.readHeader ?? readDatabaseHeader)(file);
  const journalMode = journalModeOf(database.header);
  const takenAt = new Date().toISOString();
  const started = performance.now();
  const procRoot = options.procRoot ?? '/proc';
  // One pass over /proc/*/fd finds the processes with the database open and those with its -shm open.
  let shmOpen: readonly number[] = [];
  const openPids =
    options.openPids ??
    ((realPath: string) => {
      const [open, shm] = processesWithFilesOpen([realPath, `${realPath}-shm`], procRoot);
      shmOpen = shm;
      return open;
    });
  const table = readHolderTable(database, journalMode, { ...options, openPids });
  const readerPids = table.holders
    .filter((holder) => holder.lock === 'WAL_READ' && holder.access === 'read' && !holder.waiting)
    .map((holder) => holder.pid);
  const wal = readWalHealth(database.realPath, readerPids);
  const facts = describeProcesses(table.holders, journalMode, {
    procRoot,
    shmOpenPids: options.shmOpenPids?.() ?? shmOpen,
    libraries: options.libraries ?? new ProcessLibraries(new SqliteBuildCatalog('now'), procRoot),
    ...(options.stateOf ? { stateOf: options.stateOf } : {}),
    ...(options.factsMemo ? { memo: options.factsMemo } : {}),
  });
  return {
    schema: 'sqlite-lock-doctor/lock-report@2',
    file: database.path,
    realPath: database.realPath,
    journalMode,
    platform: options.platform ?? process.platform,
    ...table,
    wal: journalMode === 'delete' && !wal.exists ? null : wal,
    takenAt,
    readMs: Math.round((performance.now() - started) * 10) / 10,
    ...facts,
  };
}
