// One line per error code the probe reports, for the errors table.
const meanings: Record<string, string> = {
  SQLITE_BUSY: 'A lock was not granted: the busy timeout ran out, or waiting could deadlock.',
  SQLITE_BUSY_SNAPSHOT: 'The read snapshot went stale (WAL): another session committed after this one read.',
  SQLITE_BUSY_RECOVERY: 'Another connection is recovering the WAL.',
  SQLITE_BUSY_TIMEOUT: 'A blocking lock wait timed out.',
  SQLITE_LOCKED: 'A conflict inside one connection or shared cache.',
  SQLITE_LOCKED_SHAREDCACHE: 'A conflict with another connection of the same shared cache.',
  SQLITE_PROTOCOL: "SQLite's WAL locking protocol failed after retries.",
  SQLITE_IOERR_LOCK: 'The operating system refused a file lock.',
  EXITED: "The session's process or thread ended before its schedule did.",
  SIGKILL: "The session's process was killed.",
  SIGTERM: "The session's process was terminated.",
};

export function errorCodeMeaning(code: string): string {
  return meanings[code] ?? (code.startsWith('SIG') ? "The session's process was ended by a signal." : '');
}
