// `inspect`: what a database file records about locking, from its header and the files beside it.
// Strictly read-only: plain reads of the first 100 bytes of the database (and of the -wal and -journal
// headers), stat of the rest, /proc for locks and mounts. No SQLite connection to the file is opened:
// that could create -wal/-shm, roll back a hot journal, or take locks. Reads no table data, so the
// time does not depend on the file's size.
//
// Call it from a process that holds no SQLite connection to the file: closing the descriptor used to
// read the header drops every POSIX lock this process holds on it (sqlite.org/howtocorrupt.html).
import { journalModeOf } from '../header/journalModeOf';
import { readDatabaseHeader } from '../header/readDatabaseHeader';
import { filesystemOf } from '../journal/filesystemKind';
import { databaseWriterPids } from '../locks/decodeLockHolders';
import { readHolderTable } from '../locks/readHolderTable';
import { sqliteLibraryVersion } from '../sqliteModule';
import { connectionDefaults } from './connectionDefaults';
import { collectFindings } from './inspectFindings';
import type { InspectReport, WalFile } from './inspectReport';
import { describeJournal } from './rollbackJournal';
import { readSidecarStart, statSidecar } from './sidecarFiles';
import { parseWalHeader, walHeaderLength } from './walHeader';

export const journalModeNote =
  'The file records only WAL versus rollback mode. DELETE, TRUNCATE and PERSIST are rollback modes chosen ' +
  'by each connection (PRAGMA journal_mode) and are not stored, so a rollback-mode file is reported as delete.';

/** Throws UserInputError naming `file` when it is missing, unreadable or not an SQLite database. */
export function inspectDatabase(file: string): InspectReport {
  const database = readDatabaseHeader(file);
  const { header, realPath } = database;
  const journalMode = journalModeOf(header);
  const pageSize = header?.pageSize ?? null;
  const pageCountFromHeader = header?.pageCountValid === true;
  let pageCount = 0;
  if (header !== null) {
    pageCount = pageCountFromHeader
      ? header.headerPageCount
      : Math.floor(database.sizeBytes / header.pageSize);
  }

  const locks = readHolderTable(database, journalMode);
  const shm = statSidecar(`${realPath}-shm`);
  const report: Omit<InspectReport, 'findings'> = {
    schema: 'sqlite-lock-doctor/inspect-report@2',
    path: database.path,
    realPath,
    sizeBytes: database.sizeBytes,
    empty: header === null,
    journalMode,
    journalModeNote,
    pageSize,
    pageCount,
    pageCountSource: pageCountFromHeader ? 'header' : 'file-size',
    freelistPages: header?.freelistPageCount ?? 0,
    header,
    lastWriterSqliteVersion: header?.lastWriterSqliteVersion ?? null,
    engineSqliteVersion: sqliteLibraryVersion(),
    wal: describeWal(`${realPath}-wal`),
    shm,
    journal: describeJournal(statSidecar(`${realPath}-journal`), {
      rollbackMode: journalMode === 'delete',
      databaseEmpty: database.sizeBytes === 0,
      reservedLockHolders: locks.supported ? databaseWriterPids(locks.holders) : null,
    }),
    filesystem: filesystemOf(realPath) ?? null,
    locks,
    connectionDefaults: [...connectionDefaults],
  };
  return { ...report, findings: collectFindings(report) };
}

function describeWal(walPath: string): WalFile {
  const sidecar = statSidecar(walPath);
  if (!sidecar.exists || sidecar.sizeBytes < walHeaderLength) {
    return { ...sidecar, header: null };
  }
  const start = readSidecarStart(walPath, walHeaderLength);
  const header =
    start !== null && start.length === walHeaderLength ? parseWalHeader(start, sidecar.sizeBytes) : null;
  return { ...sidecar, header };
}
