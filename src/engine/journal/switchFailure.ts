// Turns SQLite's refusal of `PRAGMA journal_mode=...` into one sentence a user understands.
import type { JournalTarget } from '../options/journalModes';
import { isBusyCode } from '../probe/sqliteCodes';
import { isSqliteError } from '../sqliteModule';
import { OperationError } from '../userInputError';

export interface SwitchFailureContext {
  /** The database as the user named it. */
  file: string;
  target: JournalTarget;
  /** The mode the file records after the failed attempt. */
  modeNow: string;
  /** How long the PRAGMA ran before failing. */
  waitedMs: number;
  busyTimeoutMs: number;
}

export function describeSwitchFailure(error: unknown, context: SwitchFailureContext): OperationError {
  const still = `the journal mode is still ${context.modeNow}`;
  const code = isSqliteError(error) ? error.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (code !== undefined && isBusyCode(code)) {
    const seconds = (context.waitedMs / 1000).toFixed(1);
    // Leaving WAL takes its EXCLUSIVE lock without calling the busy handler, so SQLite fails at once.
    const gaveUpEarly = context.waitedMs < context.busyTimeoutMs / 2;
    const timeout = gaveUpEarly
      ? `busy timeout ${context.busyTimeoutMs} ms, which SQLite does not apply to this lock`
      : `busy timeout ${context.busyTimeoutMs} ms`;
    return new OperationError(
      `another connection holds a lock on ${context.file}; waited ${seconds} s for it (${timeout}); ${still}`,
    );
  }
  if (/within a transaction/i.test(message)) {
    return new OperationError(
      `cannot switch ${context.file} to ${context.target}: the connection is inside a transaction ` +
        `(SQLite: "${message}"); ${still}`,
    );
  }
  if (code !== undefined && (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN'))) {
    return new OperationError(
      `cannot switch ${context.file} to ${context.target}: SQLite cannot write it or create files beside it ` +
        `(${code}: ${message}); ${still}`,
    );
  }
  return new OperationError(`cannot switch ${context.file} to ${context.target}: ${message}; ${still}`);
}
