// The `locks` command line: --watch (the lock watcher's reading loop, in the CLI's own process), and
// bad input and usage (exit 2, one line naming the file, nothing written).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import type { LockReport } from '../src/engine/locks/lockReport';
import type { assessWalGrowth } from '../src/engine/locks/walGrowth';
import { checkpointNow } from '../src/engine/locks/checkpointNow';
import { UserInputError } from '../src/engine/userInputError';
import { snapshotFolder } from './support/folderSnapshot';
import { findHolder, slow } from './support/lockReports';
import { holdLockWithPython } from './support/lockHolder';
import { cliPath, runCli } from './support/runCli';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

describe('locks --watch', () => {
  test('locks --watch: a reading every 100 ms until SIGINT, each with the growth check', slow, async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t), 'wal');
    const reader = await holdLockWithPython(file, ['BEGIN', 'SELECT count(*) FROM items']);
    t.after(() => reader.release());
    const child = spawn(process.execPath, [cliPath, 'locks', file, '--watch', '100', '--json'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    t.after(() => child.kill('SIGKILL'));
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no 3 readings in 60 s: ${stderr}`)), 60_000);
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.split('\n').length > 3) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGINT');
    assert.equal(await closed, 0, `Ctrl-C ends the watch as done: ${stderr}`);
    const readings = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as LockReport & { walGrowth: ReturnType<typeof assessWalGrowth> });
    assert.ok(readings.length >= 3);
    readings.forEach((reading, index) => assert.equal(reading.walGrowth.samples, index + 1));
    assert.equal(readings[2].walGrowth.verdict, 'steady');
    for (const reading of readings) {
      findHolder(reading, reader.pid, { file: 'shm', lock: 'WAL_READ' });
      assert.ok(!reading.holders.some((holder) => holder.pid === child.pid));
    }
    const gaps = readings
      .slice(1)
      .map((reading, index) => Date.parse(reading.takenAt) - Date.parse(readings[index].takenAt));
    assert.ok(
      gaps.every((gap) => gap >= 95),
      `readings at least 100 ms apart: ${gaps.join(', ')}`,
    );
  });
});

describe('bad input and usage: exit 2, one line naming the file', () => {
  test('missing file, not a database, --watch too short, checkpoint of a rollback-mode file', async (t) => {
    const folder = tempFolderFor(t);
    const database = makeItemsDatabase(folder);
    const text = path.join(folder, 'notes.txt');
    fs.writeFileSync(
      text,
      'not a database at all, just some words to fill a header of a hundred bytes or so....',
    );
    const before = snapshotFolder(folder);
    const cases: [string[], RegExp][] = [
      [['locks', path.join(folder, 'missing.db')], /missing\.db: does not exist/],
      [['locks', text], /notes\.txt: /],
      [['locks', database, '--watch', '50'], /--watch must be at least 100 ms/],
      [['locks', database, '--watch', 'often'], /--watch must be a whole number/],
      [['locks'], /locks takes exactly one database file/],
      [['checkpoint', database], /app\.db: is not in WAL mode/],
      [
        ['checkpoint', database, '--mode', 'sometimes'],
        /--mode must be one of passive, full, restart, truncate/,
      ],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, message);
      assert.doesNotMatch(run.stderr, /^\s+at /m);
    }
    assert.deepEqual(snapshotFolder(folder), before, 'nothing written, no -wal/-shm created');
  });

  test('checkpointNow refuses a rollback-mode database with a UserInputError', (t) => {
    const file = makeItemsDatabase(tempFolderFor(t));
    assert.throws(
      () => checkpointNow(file),
      (error: unknown) => error instanceof UserInputError && /is not in WAL mode/.test(error.message),
    );
  });
});
