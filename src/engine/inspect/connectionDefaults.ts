// What an application gets by default from common SQLite clients, for the settings that decide whether
// a lock conflict waits or fails at once with "database is locked". Static facts (the clients' docs
// and sources, summarised in docs/sqlite-locking.md); the timeouts are the driver profiles' own
// (../options/clientProfiles.ts, where each has its source).
import { clientProfileFacts } from '../options/clientProfiles';

export interface ConnectionDefault {
  client: string;
  /** How long a statement waits for a lock before SQLITE_BUSY; 0 fails at once. */
  busyTimeoutMs: number;
  /** How the client's usual transaction helper begins a transaction. */
  transactionBegin: string;
  /** How to change the timeout. */
  setting: string;
}

export const connectionDefaults: readonly ConnectionDefault[] = [
  {
    client: 'SQLite C API',
    busyTimeoutMs: clientProfileFacts['c-api'].busyTimeoutMs.value,
    transactionBegin: 'autocommit; BEGIN is DEFERRED unless IMMEDIATE is asked for',
    setting: 'sqlite3_busy_timeout(db, ms) or PRAGMA busy_timeout = ms',
  },
  {
    client: 'node:sqlite',
    busyTimeoutMs: clientProfileFacts['node-sqlite'].busyTimeoutMs.value,
    transactionBegin: 'autocommit; no transaction helper',
    setting: "new DatabaseSync(path, { timeout: ms }) or exec('PRAGMA busy_timeout = ms')",
  },
  {
    client: 'Python sqlite3',
    busyTimeoutMs: clientProfileFacts['python-sqlite3'].busyTimeoutMs.value,
    transactionBegin:
      'implicit BEGIN (DEFERRED) before INSERT/UPDATE/DELETE with the default isolation_level',
    setting: 'sqlite3.connect(path, timeout=seconds)',
  },
  {
    client: 'better-sqlite3',
    busyTimeoutMs: clientProfileFacts['better-sqlite3'].busyTimeoutMs.value,
    transactionBegin: 'db.transaction(fn) issues BEGIN (DEFERRED); .immediate() issues BEGIN IMMEDIATE',
    setting: 'new Database(path, { timeout: ms })',
  },
  {
    client: 'Go mattn/go-sqlite3',
    busyTimeoutMs: clientProfileFacts['go-mattn'].busyTimeoutMs.value,
    transactionBegin: 'BEGIN (DEFERRED) unless the DSN has _txlock=immediate',
    setting: 'DSN parameter _busy_timeout=ms (alias _timeout)',
  },
];
