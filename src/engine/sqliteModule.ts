// The one place that loads better-sqlite3. Everything else in the engine opens databases through here,
// so the URI setting below is in force before the native addon first starts.
import * as path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { runtimeProblem } from './runtimeSupport';
import { OperationError } from './userInputError';

// The addon reads SQLITE_USE_URI once, when it is first loaded, so `file:...?immutable=1` URIs work only
// if this is set before that. Plain file names are unaffected. In a worker thread process.env is a private
// copy that native code never sees: the first load in a process must happen on the main thread (or in
// workers created with `env: SHARE_ENV`).
let loaded: typeof BetterSqlite3 | undefined;

/**
 * better-sqlite3 13 is an N-API 10 addon: on an older Node (20 has N-API 9) it crashes the process
 * instead of throwing, so the runtime is checked first and a plain sentence replaces the crash.
 */
function databaseClass(): typeof BetterSqlite3 {
  if (loaded === undefined) {
    const problem = runtimeProblem(process.versions);
    if (problem !== undefined) {
      throw new OperationError(problem);
    }
    process.env.SQLITE_USE_URI = '1';
    // Loaded on first use, after the check and the assignment above.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = require('better-sqlite3') as typeof BetterSqlite3;
  }
  return loaded;
}

export type SqliteDatabase = BetterSqlite3.Database;
export type OpenDatabaseOptions = BetterSqlite3.Options;

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): SqliteDatabase {
  const Database = databaseClass();
  return new Database(file, options);
}

/** better-sqlite3's error: `code` is SQLite's extended result code name ('SQLITE_BUSY', ...). */
export function isSqliteError(error: unknown): error is InstanceType<typeof BetterSqlite3.SqliteError> {
  return error instanceof databaseClass().SqliteError;
}

let cachedVersion: string | undefined;

/** The version of the SQLite library linked into better-sqlite3, e.g. "3.54.1". */
export function sqliteLibraryVersion(): string {
  if (cachedVersion === undefined) {
    // An in-memory database: it touches no file, so it takes no lock on anyone's database.
    const memory = openDatabase(':memory:');
    try {
      const row = memory.prepare('select sqlite_version() as version').get() as { version: string };
      cachedVersion = row.version;
    } finally {
      memory.close();
    }
  }
  return cachedVersion;
}

// RFC 3986 unreserved characters plus the path separator and the drive colon; everything else
// (notably %, ?, # and spaces, which SQLite would read as URI syntax) is percent-encoded as UTF-8.
const literalUriCharacter = /^[A-Za-z0-9\-._~/:]$/;

/**
 * A `file:` URI for `file` with `?immutable=1`: SQLite then reads the file without any locking and
 * without looking for a -wal or hot journal. The path is made absolute first.
 */
export function immutableUri(file: string): string {
  let absolute = path.resolve(file);
  if (path.sep === '\\') {
    // Windows: SQLite wants file:///C:/dir/name.db
    absolute = '/' + absolute.replace(/\\/g, '/');
  }
  let encoded = '';
  for (const byte of Buffer.from(absolute, 'utf8')) {
    const character = String.fromCharCode(byte);
    encoded +=
      byte < 0x80 && literalUriCharacter.test(character)
        ? character
        : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return `file://${encoded}?immutable=1`;
}
