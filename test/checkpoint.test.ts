// `checkpoint` (checkpointNow, the CLI and the engine call the extension uses) against real python3
// clients holding WAL snapshots, and its refusal of a rollback-mode file.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { checkpointNow } from '../src/engine/locks/checkpointNow';
import { callEngine } from '../src/engine/process/callEngine';
import { UserInputError } from '../src/engine/userInputError';
import { locksJson, slow } from './support/lockReports';
import { holdLockWithPython } from './support/lockHolder';
import { runCli } from './support/runCli';
import { sqliteShell } from './support/sqliteShell';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

describe('checkpoint in WAL mode', () => {
  test('checkpointNow with nobody reading checkpoints every frame', slow, async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t), 'wal');
    // An idle python3 connection that wrote: the frames stay in the WAL (no checkpoint on its close yet).
    const idle = await holdLockWithPython(file, [
      "INSERT INTO items (name) VALUES ('a')",
      "INSERT INTO items (name) VALUES ('b')",
    ]);
    t.after(() => idle.release());
    assert.ok(fs.statSync(`${file}-wal`).size > 32);
    const result = checkpointNow(file);
    assert.equal(result.mode, 'PASSIVE');
    assert.equal(result.busy, false);
    assert.ok(result.log > 0, `log ${result.log}`);
    assert.equal(result.checkpointed, result.log);
    assert.equal(result.complete, true);
    t.diagnostic(`PASSIVE, nobody reading: ${result.checkpointed} of ${result.log} frames`);
    const truncate = checkpointNow(file, 'TRUNCATE');
    assert.equal(truncate.complete, true);
    assert.ok(truncate.walBytesBefore > 0);
    assert.equal(truncate.walBytesAfter, 0, 'TRUNCATE empties the -wal');
    assert.ok(fs.existsSync(`${file}-wal`), 'the idle connection keeps its (empty) -wal');
    assert.match(result.message, /Checkpointed all \d+ frames?/);
  });

  test(
    'a python3 reader on an old snapshot: partial PASSIVE, busy FULL, starvation past 1000 frames',
    slow,
    async (t) => {
      const file = makeItemsDatabase(tempFolderFor(t), 'wal');
      const idle = await holdLockWithPython(file, ["INSERT INTO items (name) VALUES ('before')"]);
      t.after(() => idle.release());
      const reader = await holdLockWithPython(file, ['BEGIN', 'SELECT count(*) FROM items']);
      t.after(() => reader.release());
      // Commits after the reader's snapshot: more than 1000 frames, which no checkpoint may pass.
      sqliteShell(
        file,
        'PRAGMA cache_size=-200; CREATE TABLE blobs (b); ' +
          'WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1200) ' +
          'INSERT INTO blobs SELECT randomblob(3000) FROM c;',
      );

      const passive = await runCli(['checkpoint', file, '--json']);
      assert.equal(passive.code, 0, passive.stderr);
      const partial = JSON.parse(passive.stdout) as ReturnType<typeof checkpointNow>;
      assert.equal(partial.busy, false);
      assert.ok(partial.checkpointed < partial.log, `${partial.checkpointed} of ${partial.log}`);
      assert.equal(partial.complete, false);
      t.diagnostic(`PASSIVE with a reader: ${partial.checkpointed} of ${partial.log} frames`);

      const full = await runCli(['checkpoint', file, '--mode', 'full', '--busy-timeout', '200', '--json']);
      assert.equal(full.code, 1, 'a FULL checkpoint the reader keeps from finishing is a lock not granted');
      const busy = JSON.parse(full.stdout) as ReturnType<typeof checkpointNow>;
      assert.equal(busy.busy, true);
      assert.equal(busy.mode, 'FULL');

      const report = await locksJson(file);
      assert.ok(report.wal !== null);
      assert.ok(report.wal.frames > 1000, `frames ${report.wal.frames}`);
      assert.equal(report.wal.pastAutoCheckpoint, true);
      assert.ok(report.wal.readerPids.includes(reader.pid));
      assert.match((await runCli(['locks', file])).stdout, /the WAL is past it/);
    },
  );
});

describe('the engine call the extension uses, in a child process of its own', () => {
  test('checkpoint through callEngine; bad input stays a UserInputError', slow, async (t) => {
    const folder = tempFolderFor(t);
    const file = makeItemsDatabase(folder, 'wal');
    const reader = await holdLockWithPython(file, [
      "INSERT INTO items (name) VALUES ('r')",
      'BEGIN',
      'SELECT count(*) FROM items',
    ]);
    t.after(() => reader.release());
    const result = await callEngine({ type: 'checkpoint', file, mode: 'PASSIVE' });
    assert.equal(result.mode, 'PASSIVE');
    assert.ok(result.log >= 1);
    await assert.rejects(
      callEngine({ type: 'checkpoint', file: path.join(folder, 'missing.db'), mode: 'PASSIVE' }),
      (error: unknown) =>
        error instanceof UserInputError && /missing\.db: does not exist/.test(error.message),
    );
    await assert.rejects(
      callEngine({
        type: 'checkpoint',
        file: makeItemsDatabase(folder, 'delete', 'rollback.db'),
        mode: 'FULL',
      }),
      (error: unknown) => error instanceof UserInputError && /is not in WAL mode/.test(error.message),
    );
  });
});
