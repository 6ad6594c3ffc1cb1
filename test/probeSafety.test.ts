// The probe never changes user data: a copy leaves the user's file byte-for-byte as it was, --in-place
// touches only the probe's own table and removes it, also when a session is killed mid-transaction.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { after, before, describe, test } from 'node:test';
import { runProbe } from '../src/engine/probe/runProbe';
import { OperationError, UserInputError } from '../src/engine/userInputError';
import { holdLockWithPython } from './support/lockHolder';
import {
  listFolder,
  makeItemsDatabase,
  makeTempFolder,
  readBack,
  sha256,
  type TempFolder,
} from './support/tempDatabase';

let folder: TempFolder;
let scratchRoot: TempFolder;
const originalTmpdir = process.env.TMPDIR;
before(() => {
  folder = makeTempFolder();
  // The probe makes its scratch copies under os.tmpdir(): give it a folder of its own to watch.
  scratchRoot = makeTempFolder('lock-doctor-scratch-');
  process.env.TMPDIR = scratchRoot.path;
});
after(() => {
  process.env.TMPDIR = originalTmpdir;
  folder.remove();
  scratchRoot.remove();
});

function scratchFolders(): string[] {
  assert.equal(tmpdir(), scratchRoot.path);
  return readdirSync(scratchRoot.path);
}

describe('on a copy (the default)', () => {
  for (const journal of ['delete', 'wal'] as const) {
    for (const model of ['processes', 'threads', 'blocking'] as const) {
      test(`${journal} database, ${model}: the user's folder is byte-for-byte unchanged`, async () => {
        const file = makeItemsDatabase(folder.path, journal, `copy-${journal}-${model}.db`);
        const listing = listFolder(folder.path);
        const hash = sha256(file);
        const result = await runProbe({
          database: file,
          preset: 'seed',
          model,
          journal: journal === 'wal' ? 'delete' : 'wal',
          busyTimeoutMs: 300,
          inPlace: false,
        });
        // The sessions wrote to the copy: every committed row is found there, none in the user's file.
        assert.equal(result.rows.attempted, 2);
        assert.equal(result.rows.found, result.rows.committed);
        assert.notEqual(result.config.target, file);
        assert.equal(sha256(file), hash);
        assert.deepEqual(listFolder(folder.path), listing, 'no -wal, -shm or -journal appeared');
        assert.deepEqual(scratchFolders(), [], 'the scratch copy is gone');
      });
    }
  }

  for (const model of ['processes', 'threads'] as const) {
    test(`cancelled before the sessions started (${model}): "the probe was cancelled", the copy gone`, async () => {
      const file = makeItemsDatabase(folder.path, 'wal', `cancel-early-${model}.db`);
      const hash = sha256(file);
      const cancel = new AbortController();
      await assert.rejects(
        runProbe({
          database: file,
          preset: 'seed',
          model,
          journal: 'keep',
          busyTimeoutMs: 5000,
          inPlace: false,
          signal: cancel.signal,
          onPrepared: () => cancel.abort(),
        }),
        (error: unknown) => error instanceof OperationError && error.message === 'the probe was cancelled',
      );
      assert.equal(sha256(file), hash);
      assert.deepEqual(scratchFolders(), [], 'the scratch copy is gone');
    });
  }

  test('a lock held by another SQLite client (python3, BEGIN EXCLUSIVE): exit with a reason, nothing written', async () => {
    const file = makeItemsDatabase(folder.path, 'delete', 'held.db');
    const hash = sha256(file);
    const holder = await holdLockWithPython(file, ['BEGIN EXCLUSIVE']);
    try {
      const listing = listFolder(folder.path);
      await assert.rejects(
        runProbe({
          database: file,
          preset: 'seed',
          model: 'threads',
          journal: 'keep',
          busyTimeoutMs: 100,
          inPlace: false,
        }),
        (error: unknown) =>
          error instanceof OperationError &&
          /could not copy .*held\.db.*another connection held a lock/.test(error.message),
      );
      assert.deepEqual(listFolder(folder.path), listing);
      assert.deepEqual(scratchFolders(), []);
    } finally {
      await holder.release();
    }
    assert.equal(sha256(file), hash);
  });
});

describe('--in-place', () => {
  test('writes only its own table and removes it; user rows unchanged', async () => {
    const file = makeItemsDatabase(folder.path, 'wal', 'inplace.db');
    const before = readBack(file);
    const result = await runProbe({
      database: file,
      preset: 'seed',
      model: 'threads',
      journal: 'keep',
      busyTimeoutMs: 5000,
      inPlace: true,
    });
    assert.equal(result.config.target, result.config.database);
    assert.equal(result.rows.found, 2);
    const afterProbe = readBack(file);
    assert.deepEqual(afterProbe.items, before.items);
    assert.deepEqual(afterProbe.tables, ['items']);
    assert.equal(afterProbe.integrity, 'ok');
  });

  test('refuses to change the journal mode of the user file', async () => {
    const file = makeItemsDatabase(folder.path, 'delete', 'inplace-mode.db');
    const hash = sha256(file);
    await assert.rejects(
      runProbe({
        database: file,
        preset: 'seed',
        model: 'threads',
        journal: 'wal',
        busyTimeoutMs: 100,
        inPlace: true,
      }),
      (error: unknown) =>
        error instanceof UserInputError && /inplace-mode\.db: --in-place keeps/.test(error.message),
    );
    assert.equal(sha256(file), hash);
  });

  test('a session killed with SIGKILL mid-transaction: the file passes integrity_check, no probe table, user rows unchanged', async () => {
    const file = makeItemsDatabase(folder.path, 'delete', 'killed.db');
    const before = readBack(file);
    const pids = new Map<string, number>();
    let killed = false;
    const result = await runProbe({
      database: file,
      preset: 'seed',
      model: 'processes',
      journal: 'keep',
      busyTimeoutMs: 5000,
      inPlace: true,
      onEvent: (session, event) => {
        // B has written inside its transaction and holds the write lock: kill its process there.
        if (session === 'B' && event.kind === 'returned' && event.op === 'write' && !killed) {
          const pid = pids.get('B');
          if (pid !== undefined) {
            killed = true;
            process.kill(pid, 'SIGKILL');
          }
        }
        if (event.kind === 'start' && event.pid !== undefined) {
          pids.set(session, event.pid);
        }
      },
    });
    assert.ok(killed, 'B was killed');
    const b = result.sessions.find((session) => session.name === 'B');
    assert.equal(b?.outcome, 'failed');
    assert.equal(b?.error?.code, 'SIGKILL');
    assert.equal(result.sessions.find((session) => session.name === 'A')?.outcome, 'committed');
    const afterProbe = readBack(file);
    assert.equal(afterProbe.integrity, 'ok');
    assert.deepEqual(afterProbe.tables, ['items']);
    assert.deepEqual(afterProbe.items, before.items);
  });
});
