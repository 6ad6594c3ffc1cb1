// The lock errors an app reports in its output, each defined once: the kind's name (as the recording's
// counts and the reports show it), the patterns that recognise it, and what it means. Pure: no Node.
//
// Order matters: a line gets the first kind that matches, so a checkpoint's failure (whatever code it
// names) comes first, then SQLite's result-code names (the most precise), then the message texts, then
// Prisma's timeouts (which name no code). `explain` (../explain/explainLockError.ts) reads the same list.

export const lockErrorKinds = [
  {
    kind: 'checkpoint blocked',
    // Litestream's "checkpoint: mode=PASSIVE err=database is locked" (benbjohnson/litestream#1536), or
    // any line where a checkpoint reports a lock error.
    patterns: [/\bcheckpoint\b.*(?:database is locked|SQLITE_BUSY)/i],
    meaning:
      'A checkpoint could not copy the WAL back: a reader (or another checkpoint or writer) held the lock it needed; the WAL keeps growing.',
  },
  {
    kind: 'SQLITE_BUSY_SNAPSHOT',
    // The name, or the extended code (517) where a driver prints numbers: "database is locked (517)".
    patterns: [
      /\bSQLITE_BUSY_SNAPSHOT\b/,
      /database is locked\W{0,3}\(517\)/i,
      /\b(?:error )?code[:= ]+517\b/i,
    ],
    meaning:
      'a WAL read transaction could not upgrade to a write: its snapshot is older than the last commit',
  },
  {
    kind: 'SQLITE_LOCKED',
    patterns: [/\bSQLITE_LOCKED\w*/],
    meaning:
      'A conflict inside one connection, or between connections sharing a cache (cache=shared); the busy timeout does not apply.',
  },
  {
    kind: 'SQLITE_BUSY_RECOVERY',
    patterns: [/\bSQLITE_BUSY_RECOVERY\b/, /database is locked\W{0,3}\(261\)/i],
    meaning:
      'Another connection was recovering the WAL (its last writer had crashed or been killed); the lock is held until recovery ends.',
  },
  {
    kind: 'SQLITE_BUSY',
    // SQLITE_BUSY and its other extended code (_TIMEOUT), e.g. "Error: SQLITE_BUSY: database is
    // locked" (node-sqlite3) or "database is locked (5) (SQLITE_BUSY)" (Go, modernc).
    patterns: [/\bSQLITE_BUSY(?:_\w+)?\b/],
    meaning:
      'Another connection held a lock this one needed past the busy timeout (at once when it is 0, or when a deferred transaction that had read wants to write).',
  },
  {
    kind: 'database table is locked',
    // rusqlite describes SQLITE_LOCKED as "A table in the database is locked".
    patterns: [/database (?:table|schema) is locked/i, /\bA table in the database is locked\b/],
    meaning:
      "SQLITE_LOCKED's message: a conflict inside one connection, or in a shared cache; the busy timeout does not apply.",
  },
  {
    kind: 'database is locked',
    // rusqlite describes SQLITE_BUSY as "The database file is locked"; Elixir's Exqlite says "Database busy".
    patterns: [
      /database is locked/i,
      /\bThe database file is locked\b/,
      /\bExqlite\.Error\b\W{0,3}Database busy\b/,
    ],
    meaning:
      "SQLITE_BUSY's message: another connection held a lock this one needed past the busy timeout (at once when it is 0, or when a deferred transaction that had read wants to write).",
  },
  {
    kind: 'prisma timeout',
    // Prisma reports SQLite's BUSY as a timeout (prisma/orm#10403): "Timed out during query execution"
    // (Prisma 2-4), "Socket timeout (the database failed to respond ...)" and, since 5.16, "Operations
    // timed out after `N/A`. Context: The database failed to respond to a query ...".
    patterns: [
      /Timed out during query execution/,
      /\bSocket timeout\b/,
      /database failed to respond to a query within the configured timeout/i,
    ],
    meaning: "Prisma's report of SQLITE_BUSY: another connection held the lock past Prisma's timeout.",
  },
] as const;

export type LockErrorKind = (typeof lockErrorKinds)[number]['kind'];

/** Prisma's timeouts name the connector: a MySQL or PostgreSQL one is not SQLite's lock. */
const otherConnector = /pris\.ly\/d\/(?!sqlite)[a-z]+-connector/i;

/** A line that configures the busy timeout ("PRAGMA busy_timeout = 5000", "busyTimeout: 5000") and
 * reports no failure is a setting, not an error, even when it names the error it guards against. */
const busyTimeoutSetting = /\bbusy[_ ]?timeout\b/i;
const failureWord = /error|exception|fail|traceback|panic|fatal|exceeded|retry|retrying|abort/i;

/** The kind of lock error `line` reports, or undefined when it reports none. */
export function classifyLockError(line: string): LockErrorKind | undefined {
  const found = lockErrorKinds.find((entry) => entry.patterns.some((pattern) => pattern.test(line)));
  if (found === undefined) {
    return undefined;
  }
  if (found.kind === 'prisma timeout' && otherConnector.test(line)) {
    return undefined;
  }
  if (busyTimeoutSetting.test(line) && !failureWord.test(line)) {
    return undefined;
  }
  return found.kind;
}
