// A probe session's connection: better-sqlite3, or for a shared-cache session node:sqlite (better-sqlite3
// is built with SQLITE_OMIT_SHARED_CACHE; Node's own SQLite keeps it). The session runner uses only this.
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../sqliteModule';
import { OperationError } from '../userInputError';
import type { SessionPlan } from './probeTypes';

// Parameters as rest lists, so better-sqlite3's Database (whose prepare is generic) is one as it is.
export interface SessionStatement {
  get(...params: (string | number)[]): unknown;
  run(...params: (string | number)[]): unknown;
  /** Whether it returns rows (better-sqlite3's); unknown counts as no: run() then runs it whole. */
  readonly reader?: boolean;
  /** Steps the statement row by row; return() resets it. */
  iterate(...params: (string | number)[]): Iterator<unknown>;
}

export interface SessionDatabase {
  pragma(source: string): unknown;
  prepare(sql: string): SessionStatement;
  exec(sql: string): unknown;
  readonly inTransaction: boolean;
  close(): unknown;
}

export function openSessionDatabase(
  target: string,
  busyTimeoutMs: number,
  plan: SessionPlan,
): SessionDatabase {
  return plan.sharedCache
    ? openSharedCache(target, busyTimeoutMs)
    : openDatabase(target, { timeout: busyTimeoutMs, fileMustExist: true });
}

interface NodeSqliteError {
  errcode?: number;
  errstr?: string;
  message: string;
}

/** SQLite's extended code numbers that a shared cache produces, by better-sqlite3's names. */
const codeNames: Record<number, string> = {
  5: 'SQLITE_BUSY',
  6: 'SQLITE_LOCKED',
  262: 'SQLITE_LOCKED_SHAREDCACHE',
  517: 'SQLITE_BUSY_SNAPSHOT',
};

/** node:sqlite's errors carry errcode (a number); the runner reads better-sqlite3's `code` (a name). */
function named<T>(call: () => T): T {
  try {
    return call();
  } catch (error) {
    const { errcode, message } = error as NodeSqliteError;
    const named = new Error(message) as Error & { code: string };
    named.code =
      errcode === undefined
        ? 'ERROR'
        : (codeNames[errcode] ?? codeNames[errcode & 0xff] ?? `SQLITE_${errcode}`);
    throw named;
  }
}

function openSharedCache(target: string, busyTimeoutMs: number): SessionDatabase {
  // Loaded only here: an older runtime without node:sqlite can still run every other preset.
  let nodeSqlite: typeof import('node:sqlite');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    nodeSqlite = require('node:sqlite') as typeof import('node:sqlite');
  } catch {
    throw new OperationError(
      `a shared-cache session needs node:sqlite (Node 22.13 or later), which this runtime (Node ${process.versions.node}) lacks`,
    );
  }
  const { DatabaseSync } = nodeSqlite;
  const db = new DatabaseSync(`${pathToFileURL(target).href}?cache=shared`, { timeout: busyTimeoutMs });
  return {
    pragma: (source) => named(() => db.exec(`PRAGMA ${source}`)),
    prepare(sql) {
      const statement = db.prepare(sql);
      return {
        get: () => named(() => statement.get()),
        run: (...params) => named(() => statement.run(...params)),
        iterate() {
          const rows = statement.iterate();
          return {
            next: () => named(() => rows.next()),
            return: () => named(() => rows.return?.() ?? { done: true, value: undefined }),
          };
        },
      };
    },
    exec: (sql) => named(() => db.exec(sql)),
    get inTransaction() {
      return db.isTransaction;
    },
    close: () => db.close(),
  };
}
