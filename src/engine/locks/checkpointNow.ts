// `checkpoint`: copies WAL frames into the database now, with `PRAGMA wal_checkpoint(MODE)` on one
// connection opened for the purpose and closed before returning, whatever happens. The file is
// validated with plain reads first, before the connection opens (closing a descriptor after opening a
// connection would drop that connection's locks).
//
// PASSIVE copies what it can without waiting; FULL waits (busy timeout) for writers and then readers of
// older snapshots; RESTART also waits until the next writer can start the WAL from its beginning;
// TRUNCATE also truncates the -wal to 0 bytes (https://sqlite.org/c3ref/wal_checkpoint_v2.html).
import { isBusyCode } from '../probe/sqliteCodes';
import { checkedWholeNumber } from '../checkedWholeNumber';
import { isChoice } from '../options/choiceList';
import { type CheckpointMode, checkpointModes } from '../options/checkpointModes';
import { checkpointBusyTimeout } from '../options/timeLimits';
import { performance } from 'node:perf_hooks';
import { journalModeOf } from '../header/journalModeOf';
import { readDatabaseHeader } from '../header/readDatabaseHeader';
import { statSidecar } from '../inspect/sidecarFiles';
import { isSqliteError, openDatabase, type SqliteDatabase } from '../sqliteModule';
import { OperationError, UserInputError } from '../userInputError';

export interface CheckpointOptions {
  /** How long FULL, RESTART and TRUNCATE wait for other connections; PASSIVE never waits. */
  busyTimeoutMs?: number;
}

export interface CheckpointResult {
  /** Absolute path of the database. */
  file: string;
  mode: CheckpointMode;
  /** SQLite's first column: the checkpoint could not finish (FULL, RESTART, TRUNCATE) within the timeout. */
  busy: boolean;
  /** Frames in the WAL (the second column). */
  log: number;
  /** Frames now copied into the database, this and earlier checkpoints (the third column). */
  checkpointed: number;
  /** Not busy and every frame checkpointed. */
  complete: boolean;
  /** The -wal file's size before the checkpoint and after the connection closed (0 when missing). */
  walBytesBefore: number;
  walBytesAfter: number;
  busyTimeoutMs: number;
  /** How long the checkpoint statement ran, waiting included. */
  tookMs: number;
  /** One sentence saying what happened. */
  message: string;
}

interface CheckpointRow {
  busy: number;
  log: number;
  checkpointed: number;
}

export function checkpointNow(
  file: string,
  mode: CheckpointMode = 'PASSIVE',
  options: CheckpointOptions = {},
): CheckpointResult {
  if (!isChoice(checkpointModes, mode)) {
    throw new UserInputError(
      undefined,
      `checkpoint mode must be one of ${checkpointModes.values.join(', ')}, not ${String(mode)}`,
    );
  }
  const busyTimeoutMs = checkedWholeNumber(
    checkpointBusyTimeout,
    options.busyTimeoutMs ?? checkpointBusyTimeout.default,
  );
  // Validates the file with plain reads (UserInputError), before this process opens a connection.
  const database = readDatabaseHeader(file);
  if (journalModeOf(database.header) !== 'wal') {
    throw new UserInputError(
      file,
      'is not in WAL mode (its header records a rollback journal), so there is no WAL to checkpoint',
    );
  }
  const walPath = `${database.realPath}-wal`;
  const walBytesBefore = statSidecar(walPath).sizeBytes;
  let connection: SqliteDatabase;
  try {
    // The absolute path: a relative name starting with "file:" would otherwise be read as a URI.
    connection = openDatabase(database.path, { fileMustExist: true, timeout: busyTimeoutMs });
  } catch (error) {
    throw checkpointFailure(file, error);
  }
  let row: CheckpointRow;
  const started = performance.now();
  try {
    row = (connection.pragma(`wal_checkpoint(${mode})`) as CheckpointRow[])[0];
  } catch (error) {
    throw checkpointFailure(file, error);
  } finally {
    connection.close();
  }
  const tookMs = Math.round(performance.now() - started);
  if (row.log < 0) {
    throw new OperationError(
      `SQLite did not checkpoint ${file}: it reported no WAL (another connection may hold it in exclusive locking mode)`,
    );
  }
  const busy = row.busy !== 0;
  const complete = !busy && row.checkpointed === row.log;
  return {
    file: database.path,
    mode,
    busy,
    log: row.log,
    checkpointed: row.checkpointed,
    complete,
    walBytesBefore,
    walBytesAfter: statSidecar(walPath).sizeBytes,
    busyTimeoutMs,
    tookMs,
    message: describeOutcome(mode, busy, row, busyTimeoutMs),
  };
}

function describeOutcome(mode: CheckpointMode, busy: boolean, row: CheckpointRow, timeoutMs: number): string {
  if (busy) {
    return (
      `${mode} checkpoint did not finish: another connection (a writer, or a reader of an older snapshot) ` +
      `was still busy after the ${timeoutMs} ms busy timeout; ${row.checkpointed} of ${row.log} frames are in the database.`
    );
  }
  if (row.checkpointed === row.log) {
    if (mode === 'TRUNCATE') {
      // After a truncate SQLite reports the emptied WAL: log and checkpointed are 0.
      return 'Checkpointed every frame and truncated the -wal file to 0 bytes.';
    }
    const restarted = mode === 'RESTART' ? '; the next writer starts the WAL from its beginning' : '';
    return row.log === 0
      ? `The WAL was empty: nothing to checkpoint${restarted}.`
      : `Checkpointed all ${frames(row.log)} into the database${restarted}.`;
  }
  const advice =
    mode === 'PASSIVE'
      ? ' PASSIVE does not wait; end the long read transaction, or use FULL or RESTART, which wait up to the busy timeout.'
      : '';
  return (
    `Checkpointed ${row.checkpointed} of ${frames(row.log)}: the rest are newer than a reader's snapshot ` +
    `(or being written) and stay in the WAL.${advice}`
  );
}

function frames(count: number): string {
  return count === 1 ? '1 frame' : `${count} frames`;
}

function checkpointFailure(file: string, error: unknown): OperationError {
  const message = error instanceof Error ? error.message : String(error);
  const code = isSqliteError(error) ? error.code : undefined;
  if (code !== undefined && isBusyCode(code)) {
    return new OperationError(`could not checkpoint ${file}: another connection holds a lock (${code})`);
  }
  if (code?.startsWith('SQLITE_READONLY') || code?.startsWith('SQLITE_CANTOPEN')) {
    return new OperationError(
      `could not checkpoint ${file}: SQLite cannot write it or the -wal/-shm files beside it (${code}: ${message})`,
    );
  }
  return new OperationError(`could not checkpoint ${file}: ${message}`);
}
