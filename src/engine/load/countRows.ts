// Counts rows for the load test, before and after: one short read-only query on a connection opened
// for it and closed before returning. Runs in a short-lived engine child (callEngine 'countRows'),
// never in a process that holds the user's file otherwise. The query is checked to be read-only by
// SQLite itself (the prepared statement's readonly flag), and the connection is opened read-only too.
import { readDatabaseHeader } from '../header/readDatabaseHeader';
import { isSqliteError, openDatabase, type SqliteDatabase } from '../sqliteModule';
import { OperationError, UserInputError } from '../userInputError';

export type RowCountRequest = { file: string } & ({ sql: string } | { table: string } | { allTables: true });

export type RowCount =
  | { kind: 'sql'; sql: string; rows: number }
  | { kind: 'table'; table: string; rows: number }
  /** Every table (not SQLite's own), by name. */
  | { kind: 'allTables'; tables: Record<string, number> };

/** A busy writer of the app's could hold the lock a moment; the count waits this long for it. */
const countBusyTimeoutMs = 5000;

export function countRows(request: RowCountRequest): RowCount {
  // Validates the file with plain reads (UserInputError), before the connection opens.
  const database = readDatabaseHeader(request.file);
  let connection: SqliteDatabase;
  try {
    connection = openDatabase(database.path, {
      readonly: true,
      fileMustExist: true,
      timeout: countBusyTimeoutMs,
    });
  } catch (error) {
    throw countFailure(request.file, error);
  }
  try {
    if ('sql' in request) {
      return { kind: 'sql', sql: request.sql, rows: countWithSql(connection, request.sql) };
    }
    const tables = tableNames(connection);
    if ('table' in request) {
      if (!tables.includes(request.table)) {
        throw new UserInputError(
          request.file,
          `has no table "${request.table}" (its tables: ${tables.join(', ') || 'none'})`,
        );
      }
      return { kind: 'table', table: request.table, rows: countTable(connection, request.table) };
    }
    return {
      kind: 'allTables',
      tables: Object.fromEntries(tables.map((table) => [table, countTable(connection, table)])),
    };
  } catch (error) {
    throw error instanceof UserInputError ? error : countFailure(request.file, error);
  } finally {
    connection.close();
  }
}

function countWithSql(connection: SqliteDatabase, sql: string): number {
  let statement;
  try {
    statement = connection.prepare(sql);
  } catch (error) {
    throw new UserInputError(
      undefined,
      `--count-sql: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!statement.readonly || !statement.reader) {
    throw new UserInputError(
      undefined,
      `--count-sql must be one read-only query that returns a count, not "${sql}"`,
    );
  }
  const value = (statement.raw().get() as unknown[] | undefined)?.[0];
  const rows = typeof value === 'bigint' ? Number(value) : value;
  if (typeof rows !== 'number' || !Number.isFinite(rows)) {
    throw new UserInputError(
      undefined,
      `--count-sql must return a number in its first column, not ${String(value)}`,
    );
  }
  return rows;
}

function tableNames(connection: SqliteDatabase): string[] {
  return connection
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .pluck()
    .all()
    .map(String);
}

function countTable(connection: SqliteDatabase, table: string): number {
  const quoted = `"${table.replace(/"/g, '""')}"`;
  return Number(connection.prepare(`SELECT count(*) FROM ${quoted}`).pluck().get());
}

function countFailure(file: string, error: unknown): OperationError {
  const code = isSqliteError(error) ? ` (${error.code})` : '';
  return new OperationError(
    `could not count rows in ${file}${code}: ${error instanceof Error ? error.message : String(error)}`,
  );
}
