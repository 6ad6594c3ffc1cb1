// What `inspect` finds out about a database file without opening it with SQLite. Printed as
// `inspect --json`: the field names are a public shape, documented in docs/inspect.md.
import type { DatabaseHeader } from '../header/databaseHeader';
import type { PersistedJournalMode } from '../header/journalModeOf';
import type { FilesystemKind } from '../journal/filesystemKind';
import type { ConnectionDefault } from './connectionDefaults';
import type { LockHolderTable } from '../locks/lockReport';
import type { JournalFile } from './rollbackJournal';
import type { SidecarFile } from './sidecarFiles';
import type { WalHeader } from './walHeader';

export type { PersistedJournalMode } from '../header/journalModeOf';

export interface WalFile extends SidecarFile {
  /** Parsed when the file has at least 32 bytes. */
  header: WalHeader | null;
}

export type FindingSeverity = 'info' | 'warning' | 'problem';

export interface Finding {
  /** Stable identifier, e.g. 'hot-journal'. */
  code: string;
  severity: FindingSeverity;
  message: string;
}

export interface InspectReport {
  schema: 'sqlite-lock-doctor/inspect-report@2';
  /** Absolute path as given. */
  path: string;
  /** Symlinks resolved; SQLite's sidecar files sit beside this one. */
  realPath: string;
  sizeBytes: number;
  /** A 0-byte file: a valid, empty database. */
  empty: boolean;
  /** The mode the file itself records: 'wal' when the read version is 2, else 'delete'. */
  journalMode: PersistedJournalMode;
  journalModeNote: string;
  /** Null for an empty file. */
  pageSize: number | null;
  pageCount: number;
  /** Where pageCount comes from: the header (when current) or file size / page size. */
  pageCountSource: 'header' | 'file-size';
  freelistPages: number;
  /** Null for an empty file. */
  header: DatabaseHeader | null;
  /** Like "3.40.1"; null for an empty file. */
  lastWriterSqliteVersion: string | null;
  /** The SQLite linked into this tool (better-sqlite3). */
  engineSqliteVersion: string;
  /** `<realPath>-wal`: present while WAL connections are open (or after a crash). */
  wal: WalFile;
  /** `<realPath>-shm`: the WAL index; only stat'ed, never opened. */
  shm: SidecarFile;
  /** `<realPath>-journal`: the rollback journal. */
  journal: JournalFile;
  /** The filesystem holding the file (Linux); null when unknown. */
  filesystem: FilesystemKind | null;
  /** Who holds which lock (or has the file open): the same entries `locks` reports. */
  locks: LockHolderTable;
  connectionDefaults: ConnectionDefault[];
  /** Odd or noteworthy states, most serious first. */
  findings: Finding[];
}
