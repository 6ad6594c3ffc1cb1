// Journal switching against real files, with real independent clients holding locks (the sqlite3 shell,
// python3) and a real unprivileged user for permission checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeSwitchFailure } from '../src/engine/journal/switchFailure';
import { switchJournalMode } from '../src/engine/journal/switchJournalMode';
import type { JournalTarget } from '../src/engine/options/journalModes';
import { openDatabase } from '../src/engine/sqliteModule';
import { OperationError, UserInputError } from '../src/engine/userInputError';
import { type ChildOutcome, runAsNobody, serveChildMode } from './support/asNobody';
import { snapshotFolder } from './support/folderSnapshot';
import { crashAfter } from './support/crashedWriter';
import { holdLockWithPython } from './support/lockHolder';
import { startClient, stopClient } from './support/readyClient';
import { sqliteShell } from './support/sqliteShell';
import { sha256, tempFolderFor } from './support/tempDatabase';

// Child mode: this same file, started as user nobody, runs one switch and prints the outcome.
serveChildMode('LOCK_DOCTOR_SWITCH_CHILD', (request) => {
  const { file, target } = JSON.parse(request) as { file: string; target: JournalTarget };
  switchJournalMode(file, target);
});

function makeDatabase(folder: string, wal = false): string {
  const file = path.join(folder, 'app.db');
  sqliteShell(
    file,
    `${wal ? 'PRAGMA journal_mode=WAL;' : ''}
     CREATE TABLE t (x);
     WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 500)
     INSERT INTO t SELECT randomblob(200) FROM c;`,
  );
  return file;
}

function headerVersions(file: string): [number, number] {
  const bytes = fs.readFileSync(file).subarray(18, 20);
  return [bytes[0], bytes[1]];
}

function assertOperationError(run: () => unknown, expected: RegExp): OperationError {
  let caught: unknown;
  assert.throws(run, (error: unknown) => {
    caught = error;
    assert.ok(error instanceof OperationError, `expected an OperationError, got ${String(error)}`);
    assert.match(error.message, expected);
    return true;
  });
  return caught as OperationError;
}

test('switch to WAL and back: read back, header bytes 18/19 go 1 -> 2 -> 1, data intact', (t) => {
  const folder = tempFolderFor(t);
  const file = makeDatabase(folder);
  assert.deepEqual(headerVersions(file), [1, 1]);

  const toWal = switchJournalMode(file, 'wal');
  assert.deepEqual(
    { ...toWal, waitedMs: 0 },
    { file, from: 'delete', to: 'wal', changed: true, waitedMs: 0, warnings: [] },
  );
  assert.deepEqual(headerVersions(file), [2, 2]);
  assert.deepEqual(fs.readdirSync(folder), ['app.db'], 'the connection is closed: -wal and -shm are gone');
  assert.equal(sqliteShell(file, 'PRAGMA journal_mode;'), 'wal', 'an independent client sees WAL');

  const back = switchJournalMode(file, 'delete');
  assert.equal(back.from, 'wal');
  assert.equal(back.to, 'delete');
  assert.equal(back.changed, true);
  assert.deepEqual(headerVersions(file), [1, 1]);
  assert.equal(
    sqliteShell(file, 'PRAGMA journal_mode; SELECT count(*) FROM t; PRAGMA integrity_check;'),
    'delete\n500\nok',
  );
  t.diagnostic(`switch times: to WAL ${toWal.waitedMs} ms, back ${back.waitedMs} ms`);
});

test('switching to the mode it already has is a no-op that opens nothing', (t) => {
  for (const wal of [false, true]) {
    const folder = tempFolderFor(t);
    const file = makeDatabase(folder, wal);
    const before = snapshotFolder(folder);
    const result = switchJournalMode(file, wal ? 'wal' : 'delete');
    assert.deepEqual(result, {
      file,
      from: wal ? 'wal' : 'delete',
      to: wal ? 'wal' : 'delete',
      changed: false,
      waitedMs: 0,
      warnings: [],
    });
    assert.deepEqual(snapshotFolder(folder), before);
  }
});

test('an empty file switches to WAL (SQLite writes its first header)', (t) => {
  const folder = tempFolderFor(t);
  const file = path.join(folder, 'empty.db');
  fs.writeFileSync(file, '');
  const result = switchJournalMode(file, 'wal');
  assert.equal(result.to, 'wal');
  assert.deepEqual(headerVersions(file), [2, 2]);
});

test('refused while the sqlite3 shell holds a read transaction; nothing changes', async (t) => {
  const folder = tempFolderFor(t);
  const file = makeDatabase(folder);
  const reader = await startClient(
    t,
    'sqlite3',
    [file],
    "BEGIN;\nSELECT count(*) FROM t;\nSELECT 'ready';\n",
  );
  const before = snapshotFolder(folder);
  const error = assertOperationError(
    () => switchJournalMode(file, 'wal', { busyTimeoutMs: 1000 }),
    /^another connection holds a lock on .*app\.db; waited (\d+\.\d) s for it \(busy timeout 1000 ms\); the journal mode is still delete$/,
  );
  const waited = Number(/waited (\d+\.\d) s/.exec(error.message)?.[1]);
  t.diagnostic(`waited ${waited} s with busy timeout 1000 ms: ${error.message}`);
  assert.ok(waited >= 0.9 && waited < 10, `waited ${waited} s`);
  assert.deepEqual(snapshotFolder(folder), before, 'database unchanged and no file created');
  assert.deepEqual(headerVersions(file), [1, 1]);

  // Once the other connection is gone the same switch goes through: the lock was the reason.
  await stopClient(reader);
  assert.equal(switchJournalMode(file, 'wal', { busyTimeoutMs: 1000 }).to, 'wal');
});

test('leaving WAL is refused while python3 has the database open; the file stays in WAL', async (t) => {
  const folder = tempFolderFor(t);
  const file = makeDatabase(folder, true);
  const holder = await holdLockWithPython(file, ['SELECT count(*) FROM t']);
  t.after(() => holder.release());
  const databaseBefore = sha256(file);
  const error = assertOperationError(
    () => switchJournalMode(file, 'delete', { busyTimeoutMs: 500 }),
    /^another connection holds a lock on .*; waited \d+\.\d s for it \(busy timeout 500 ms, which SQLite does not apply to this lock\); the journal mode is still wal$/,
  );
  t.diagnostic(error.message);
  assert.equal(sha256(file), databaseBefore);
  assert.deepEqual(headerVersions(file), [2, 2]);
  assert.ok(fs.existsSync(`${file}-wal`), "the other connection's WAL is left alone");
});

test('"within a transaction" from SQLite becomes a sentence about the transaction', (t) => {
  const folder = tempFolderFor(t);
  const file = makeDatabase(folder);
  const db = openDatabase(file);
  let sqliteError: unknown;
  try {
    db.exec('BEGIN');
    db.pragma('journal_mode = WAL');
  } catch (error) {
    sqliteError = error;
  } finally {
    db.close();
  }
  assert.match(String(sqliteError), /cannot change into wal mode from within a transaction/);
  const described = describeSwitchFailure(sqliteError, {
    file: 'app.db',
    target: 'wal',
    modeNow: 'delete',
    waitedMs: 1,
    busyTimeoutMs: 2000,
  });
  assert.ok(described instanceof OperationError);
  assert.match(
    described.message,
    /^cannot switch app\.db to wal: the connection is inside a transaction .*; the journal mode is still delete$/,
  );
});

/** Runs one switch in a child process as user nobody (root ignores permission bits). */
function switchAsNobody(file: string, target: JournalTarget): ChildOutcome {
  return runAsNobody(__filename, 'LOCK_DOCTOR_SWITCH_CHILD', JSON.stringify({ file, target }), 'the switch');
}

test('read-only directory and read-only file are refused before opening (checked as user nobody)', (t) => {
  // access(2) for the real user decides, so this runs as nobody: root may write anywhere.
  const folder = tempFolderFor(t);
  fs.chmodSync(folder, 0o755);
  const make = (name: string, directoryMode: number, fileMode: number): string => {
    const directory = path.join(folder, name);
    fs.mkdirSync(directory);
    const file = makeDatabase(directory);
    fs.chmodSync(file, fileMode);
    fs.chmodSync(directory, directoryMode);
    return file;
  };
  const writable = make('writable', 0o777, 0o666);
  const readOnlyDirectory = make('read-only-dir', 0o555, 0o666);
  const readOnlyFile = make('read-only-file', 0o777, 0o444);
  const before = [readOnlyDirectory, readOnlyFile].map((file) => snapshotFolder(path.dirname(file)));

  assert.deepEqual(switchAsNobody(writable, 'wal'), { ok: true }, 'the harness itself can switch as nobody');
  assert.deepEqual(headerVersions(writable), [2, 2]);

  const directoryOutcome = switchAsNobody(readOnlyDirectory, 'wal');
  assert.equal(directoryOutcome.name, 'OperationError');
  assert.match(
    directoryOutcome.message ?? '',
    /^cannot switch .*app\.db to wal: its directory .*read-only-dir is not writable \(EACCES\); WAL needs to create app\.db-wal and -shm beside it; the journal mode is still delete$/,
  );
  const fileOutcome = switchAsNobody(readOnlyFile, 'wal');
  assert.equal(fileOutcome.name, 'OperationError');
  assert.match(
    fileOutcome.message ?? '',
    /the file is read-only \(EACCES\).*the journal mode is still delete$/,
  );
  assert.deepEqual(
    [readOnlyDirectory, readOnlyFile].map((file) => snapshotFolder(path.dirname(file))),
    before,
  );
  fs.chmodSync(path.dirname(readOnlyDirectory), 0o755); // so the cleanup can remove it
});

test('a hot journal or a stray -wal is refused: opening would recover the file first', (t) => {
  const folder = tempFolderFor(t);
  const file = makeDatabase(folder);
  crashAfter(file, ['PRAGMA cache_size=5', 'BEGIN', 'UPDATE t SET x = randomblob(200)']);
  const before = snapshotFolder(folder);
  assertOperationError(
    () => switchJournalMode(file, 'wal'),
    /hot journal.*the journal mode is still delete$/,
  );
  assert.deepEqual(snapshotFolder(folder), before);

  const other = tempFolderFor(t);
  const stray = makeDatabase(other);
  fs.writeFileSync(`${stray}-wal`, '');
  assertOperationError(() => switchJournalMode(stray, 'delete'), /-wal file lies beside it/);
});

test('bad input is a UserInputError before anything opens; newer write version is refused', (t) => {
  const folder = tempFolderFor(t);
  const missing = path.join(folder, 'missing.db');
  assert.throws(
    () => switchJournalMode(missing, 'wal'),
    (error: unknown) => error instanceof UserInputError && /does not exist/.test(error.message),
  );
  assert.deepEqual(fs.readdirSync(folder), []);
  const text = path.join(folder, 'notes.txt');
  fs.writeFileSync(text, 'not a database\n'.repeat(20));
  assert.throws(() => switchJournalMode(text, 'wal'), UserInputError);
  assert.throws(() => switchJournalMode(text, 'wal', { busyTimeoutMs: -1 }), UserInputError);

  const file = makeDatabase(folder);
  const bytes = fs.readFileSync(file);
  bytes[18] = 3;
  fs.writeFileSync(file, bytes);
  assertOperationError(
    () => switchJournalMode(file, 'wal'),
    /newer SQLite file format \(write version 3\).*read-only/,
  );
  assert.deepEqual(fs.readFileSync(file), bytes);
});
