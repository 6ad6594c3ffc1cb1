// What `explain` can say a lock error is: the public causes (docs/sqlite-locking.md, "How database is
// locked happens in real apps"), each with what happened, the fix, and the probe run that shows it.
// Pure data: the CLI, the editor command and docs/explain.md read the same list.
import type { HintScenario } from '../hints/hintTypes';

export interface ExplainScenario {
  readonly id: string;
  /** One line: what happened. */
  readonly title: string;
  readonly cause: string;
  readonly fix: string;
  /** undefined: no preset reproduces it yet (said so, never a stand-in). */
  readonly reproduce?: HintScenario;
}

export const explainScenarios = [
  {
    id: 'deferred-upgrade',
    title: 'A deferred transaction that had read could not upgrade to a write',
    cause:
      'The transaction began DEFERRED (the default of most drivers), read, then wrote while another connection held or had just committed a write. SQLite cannot wait there (waiting could deadlock, and in WAL the snapshot it read is stale: SQLITE_BUSY_SNAPSHOT), so it fails at once, whatever the busy timeout.',
    fix: 'Begin transactions that may write with BEGIN IMMEDIATE: the write lock is then taken at BEGIN, where the busy timeout applies.',
    reproduce: {
      preset: 'upgrade',
      model: 'processes',
      shows: 'the session that reads then writes fails at once, long before its busy timeout',
    },
  },
  {
    id: 'failed-before-timeout',
    title: 'The error came well before the busy timeout ran out',
    cause:
      'SQLite did not wait: either a deferred transaction that had read tried to write (SQLite returns BUSY at once there), or the timeout was not set on the connection that failed (a PRAGMA run on one pooled connection, an option the framework ignores).',
    fix: 'Begin transactions that may write with BEGIN IMMEDIATE, and set the busy timeout where every connection gets it (the driver option or the DSN, not one PRAGMA).',
    reproduce: {
      preset: 'upgrade',
      model: 'processes',
      shows: 'the read-then-write session fails at once, long before its busy timeout',
    },
  },
  {
    id: 'no-timeout',
    title: 'No busy timeout: the first contact with a lock failed',
    cause:
      'The connection waits 0 ms for a lock (the C API, node:sqlite before its `timeout` option, a PRAGMA busy_timeout run on one pooled connection only), so any overlap with a writer fails at once.',
    fix: 'Set the busy timeout on every connection: in the driver option or the DSN (e.g. 5000 ms).',
    reproduce: {
      preset: 'seed',
      model: 'processes',
      busyTimeoutMs: 0,
      shows: 'A fails at once while B holds its write lock',
    },
  },
  {
    id: 'busy-timeout-exceeded',
    title: 'Another connection held the lock longer than this one waited',
    cause:
      'SQLITE_BUSY after the busy timeout: a write transaction (or, in rollback mode, a reader) kept its lock longer than the waiting connection was willing to wait. Usual holders: a long or idle-in-transaction write, a request blocked on an event loop that the holder needs (a sync driver in async code), another program (a DB browser, a backup, a sync client), a stopped process.',
    fix: 'Find the holder (`sqlite-lock-doctor locks` or `record` while it happens) and keep write transactions short; in async code use an async driver or run the sync call in a thread; use WAL so readers and the writer do not block each other.',
    reproduce: {
      preset: 'seed',
      model: 'processes',
      busyTimeoutMs: 250,
      shows: 'B holds its write lock 1 s; A gives up after its 250 ms busy timeout',
    },
  },
  {
    id: 'prisma-timeout',
    title: "Prisma reported SQLite's BUSY as a timeout",
    cause:
      "Prisma maps SQLite's SQLITE_BUSY to a socket or query timeout (prisma/orm#10403): concurrent writes from its pool of connections collided, and the one that could not get the lock failed.",
    fix: 'With one process, limit the pool to one connection (`?connection_limit=1` in the URL), or use the better-sqlite3 driver adapter with its `timeout`; keep interactive transactions short.',
    reproduce: {
      preset: 'burst',
      model: 'threads',
      busyTimeoutMs: 0,
      shows: 'writers of one process collide; without a busy timeout some fail at once',
    },
  },
  {
    id: 'shared-cache-locked',
    title: 'SQLITE_LOCKED: a conflict inside one connection or a shared cache',
    cause:
      'SQLITE_LOCKED ("database table is locked") is not BUSY: connections sharing a cache (cache=shared, a shared in-memory database) lock tables against each other, or one connection changed a table that one of its own statements was still reading. The busy timeout never applies.',
    fix: 'Drop `cache=shared` (use WAL instead); finish or reset statements before changing the tables they read; for a shared in-memory database, use one connection or a temporary file.',
  },
  {
    id: 'wal-recovery',
    title: 'Another connection was recovering the WAL',
    cause:
      'SQLITE_BUSY_RECOVERY: the last connection to write the WAL crashed or was killed, and the first one to open the database afterwards rebuilds the WAL index under an exclusive lock; others get BUSY until it is done.',
    fix: 'Retry after a short wait; find why a writer died (killed while writing, out of memory); with a Go database/sql pool, opening many connections at once makes them race for the recovery.',
  },
  {
    id: 'checkpoint-blocked',
    title: 'A checkpoint could not finish: the WAL keeps growing',
    cause:
      "A checkpoint (Litestream's, the app's auto-checkpoint, or a manual one) needs the oldest reader to move past the frames it copies; a long read transaction (or a replicator's held read lock) pins them, so the WAL grows past wal_autocheckpoint and the checkpoint reports database is locked.",
    fix: 'Bound read transactions (close cursors, do not hold a read open across requests); run TRUNCATE or RESTART checkpoints only when readers are gone; set a busy timeout in the app so its writes wait out the checkpoint.',
  },
] as const satisfies readonly ExplainScenario[];

export type ExplainScenarioId = (typeof explainScenarios)[number]['id'];

export function explainScenario(id: ExplainScenarioId): ExplainScenario {
  return explainScenarios.find((scenario) => scenario.id === id) as ExplainScenario;
}
