// SQLite's primary and extended result codes that matter for locking (rescode), by the name
// better-sqlite3 reports in `err.code`.
const codeNumbers: Record<string, number> = {
  SQLITE_BUSY: 5,
  SQLITE_LOCKED: 6,
  SQLITE_READONLY: 8,
  SQLITE_IOERR: 10,
  SQLITE_CORRUPT: 11,
  SQLITE_CANTOPEN: 14,
  SQLITE_PROTOCOL: 15,
  SQLITE_BUSY_RECOVERY: 261,
  SQLITE_LOCKED_SHAREDCACHE: 262,
  SQLITE_BUSY_SNAPSHOT: 517,
  SQLITE_BUSY_TIMEOUT: 773,
  SQLITE_READONLY_RECOVERY: 264,
  SQLITE_READONLY_CANTLOCK: 520,
  SQLITE_READONLY_ROLLBACK: 776,
  SQLITE_IOERR_LOCK: 3850,
};

export function sqliteCodeNumber(name: string): number | undefined {
  return codeNumbers[name];
}

/** Lock contention, as opposed to I/O or corruption problems. */
export function isBusyCode(name: string): boolean {
  return name.startsWith('SQLITE_BUSY') || name.startsWith('SQLITE_LOCKED');
}
