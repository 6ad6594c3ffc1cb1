// Switches a database between WAL and rollback (DELETE) mode with one `PRAGMA journal_mode`, which
// SQLite performs atomically under an EXCLUSIVE lock: either the header changes from 1/1 to 2/2 (or
// back) or nothing does. The header is read and validated with plain fs reads before any connection
// opens (closing a file descriptor after opening a connection would drop that connection's locks), and
// the one connection is closed before returning, whatever happens.
import { performance } from 'node:perf_hooks';
import { checkedWholeNumber } from '../checkedWholeNumber';
import { journalModeOf } from '../header/journalModeOf';
import { readDatabaseHeader } from '../header/readDatabaseHeader';
import { inspectDatabase } from '../inspect/inspectDatabase';
import type { JournalTarget } from '../options/journalModes';
import { journalSwitchBusyTimeout } from '../options/timeLimits';
import { openDatabase, type SqliteDatabase } from '../sqliteModule';
import { OperationError, UserInputError } from '../userInputError';
import { describeSwitchFailure } from './switchFailure';
import { checkWalFilesystem } from './walFilesystemPolicy';
import { requireWritableDatabase } from './writeAccess';

export interface JournalSwitchOptions {
  /** Switch to WAL even on a network filesystem (a warning is added to the result). */
  force?: boolean;
  /** How long to wait for other connections' locks; default and range in `journalSwitchBusyTimeout`. */
  busyTimeoutMs?: number;
}

export interface JournalSwitchResult {
  /** Absolute path of the database. */
  file: string;
  /** The mode the file recorded before. */
  from: JournalTarget;
  /** The mode read back with `PRAGMA journal_mode` after the switch (lower case). */
  to: string;
  changed: boolean;
  /** How long the switch statement took, including any wait for locks. */
  waitedMs: number;
  warnings: string[];
}

export function switchJournalMode(
  file: string,
  target: JournalTarget,
  options: JournalSwitchOptions = {},
): JournalSwitchResult {
  if (target !== 'wal' && target !== 'delete') {
    throw new UserInputError(undefined, `journal mode must be wal or delete, not ${String(target)}`);
  }
  const busyTimeoutMs = checkedWholeNumber(
    journalSwitchBusyTimeout,
    options.busyTimeoutMs ?? journalSwitchBusyTimeout.default,
  );
  // Validates the file (UserInputError) with plain reads, before this process opens any connection.
  const state = inspectDatabase(file);
  const from = state.journalMode;
  const still = `the journal mode is still ${from}`;
  if (state.header !== null && state.header.writeVersion > 2) {
    throw new OperationError(
      `cannot switch ${file} to ${target}: it was written in a newer SQLite file format (write version ` +
        `${state.header.writeVersion}), which SQLite opens read-only; ${still}`,
    );
  }
  // Opening the file would make SQLite recover it first (roll back the journal or replay the stray WAL),
  // a change beyond the journal mode that the user should make knowingly.
  if (state.journal.hot) {
    throw new OperationError(
      `cannot switch ${file} to ${target}: it has a hot journal left by a writer that stopped mid-transaction; ` +
        `open it once with your application or the sqlite3 shell to roll that back, then switch; ${still}`,
    );
  }
  if (from === 'delete' && state.wal.exists) {
    throw new OperationError(
      `cannot switch ${file} to ${target}: a -wal file lies beside it although its header records rollback mode, ` +
        `and SQLite would replay it on opening; open it once with your application or the sqlite3 shell first; ${still}`,
    );
  }
  if (from === target) {
    return { file: state.path, from, to: target, changed: false, waitedMs: 0, warnings: [] };
  }
  const warnings: string[] = [];
  if (target === 'wal') {
    const warning = checkWalFilesystem(file, state.filesystem, options.force === true, from);
    if (warning !== undefined) {
      warnings.push(warning);
    }
  }
  requireWritableDatabase(file, state.realPath, target, from);
  return runSwitch({ file, path: state.path }, target, from, busyTimeoutMs, warnings);
}

function runSwitch(
  database: { file: string; path: string },
  target: JournalTarget,
  from: JournalTarget,
  busyTimeoutMs: number,
  warnings: string[],
): JournalSwitchResult {
  let connection: SqliteDatabase;
  try {
    // The absolute path: a relative name starting with "file:" would otherwise be read as a URI.
    connection = openDatabase(database.path, { fileMustExist: true, timeout: busyTimeoutMs });
  } catch (error) {
    throw describeSwitchFailure(error, {
      file: database.file,
      target,
      modeNow: from,
      waitedMs: 0,
      busyTimeoutMs,
    });
  }
  let attempt: SwitchAttempt;
  try {
    attempt = attemptSwitch(connection, target);
  } finally {
    connection.close();
  }
  const { to, failure, waitedMs } = attempt;
  if (to === undefined) {
    throw describeSwitchFailure(failure, {
      file: database.file,
      target,
      modeNow: modeAfterFailure(database.file, from),
      waitedMs,
      busyTimeoutMs,
    });
  }
  if (to !== target) {
    throw new OperationError(
      `SQLite kept ${database.file} in ${to} mode (PRAGMA journal_mode returned ${to}, not ${target})`,
    );
  }
  return { file: database.path, from, to, changed: to !== from, waitedMs: Math.round(waitedMs), warnings };
}

/** The mode the file records now, re-read after the connection closed; `from` if it cannot be read. */
function modeAfterFailure(file: string, from: JournalTarget): JournalTarget {
  try {
    return journalModeOf(readDatabaseHeader(file).header);
  } catch {
    return from;
  }
}

interface SwitchAttempt {
  /** The mode read back; undefined when the switch failed. */
  to?: string;
  failure?: unknown;
  /** How long the switch statement ran, waiting for locks included. */
  waitedMs: number;
}

function attemptSwitch(connection: SqliteDatabase, target: JournalTarget): SwitchAttempt {
  const started = performance.now();
  try {
    connection.pragma(`journal_mode = ${target}`);
  } catch (failure) {
    return { failure, waitedMs: performance.now() - started };
  }
  const waitedMs = performance.now() - started;
  try {
    return { to: String(connection.pragma('journal_mode', { simple: true })).toLowerCase(), waitedMs };
  } catch (failure) {
    return { failure, waitedMs };
  }
}
