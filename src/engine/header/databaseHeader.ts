// The fields of the 100-byte SQLite database header (https://sqlite.org/fileformat2.html#the_database_header),
// decoded. Part of the `inspect --json` shape: keep the names stable (docs/inspect.md).

export type TextEncodingName = 'UTF-8' | 'UTF-16le' | 'UTF-16be' | 'unset';
export type AutoVacuumMode = 'none' | 'full' | 'incremental';

export interface DatabaseHeader {
  /** Bytes per page; the stored value 1 means 65536. */
  pageSize: number;
  /** Offset 18: 1 rollback journal, 2 WAL; above 2 SQLite opens the file read-only. */
  writeVersion: number;
  /** Offset 19: 1 rollback journal, 2 WAL; above 2 SQLite refuses to read the file. */
  readVersion: number;
  /** Offset 20: unused bytes at the end of each page (extensions such as checksums or encryption use them). */
  reservedBytesPerPage: number;
  /** Offsets 21..23, always 64, 32, 32. */
  maxPayloadFraction: number;
  minPayloadFraction: number;
  leafPayloadFraction: number;
  /** Offset 24: bumped by every rollback-mode transaction that changes the file. */
  fileChangeCounter: number;
  /** Offset 28 as stored; trusted only when pageCountValid. */
  headerPageCount: number;
  /** The stored page count is current: offset 92 equals offset 24 and the count is not 0. */
  pageCountValid: boolean;
  /** Offset 32. */
  firstFreelistTrunkPage: number;
  /** Offset 36. */
  freelistPageCount: number;
  /** Offset 40: bumped on every schema change; prepared statements recompile when it moves. */
  schemaCookie: number;
  /** Offset 44: 1..4, or 0 while the database has no schema yet. */
  schemaFormat: number;
  /** Offset 48. */
  defaultPageCacheSize: number;
  /** Offset 52: non-zero in auto-vacuum and incremental-vacuum databases. */
  largestRootPage: number;
  /** Offset 56 as stored: 1, 2, 3, or 0 while the database has no schema yet. */
  textEncodingCode: number;
  textEncoding: TextEncodingName;
  /** Offset 60 (PRAGMA user_version, signed). */
  userVersion: number;
  /** Offset 64 non-zero. */
  incrementalVacuum: boolean;
  autoVacuum: AutoVacuumMode;
  /** Offset 68 (PRAGMA application_id, signed). */
  applicationId: number;
  /** Offset 92: the change counter value when offset 96 was stored. */
  versionValidFor: number;
  /** Offset 96: SQLITE_VERSION_NUMBER of the library that last wrote the file, e.g. 3040001. */
  sqliteVersionNumber: number;
  /** The same, rendered like "3.40.1"; null when the field is 0. */
  lastWriterSqliteVersion: string | null;
}

export const headerLength = 100;
export const headerMagic = Buffer.from('SQLite format 3\0', 'latin1');
