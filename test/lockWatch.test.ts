// The long-lived lock watcher: the reading loop (LockWatch, LockReader) on a prepared /proc with a
// clock of the test's own, then the watcher process against real python3 clients: one process across
// readings, an interval changed without a restart, nothing of SQLite loaded, gone with its parent.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { LockReader } from '../src/engine/locks/lockReader';
import { type LockReading, LockWatch } from '../src/engine/locks/lockWatch';
import type { FromLockWatcher } from '../src/engine/process/lockWatcherProtocol';
import { startLockWatcher } from '../src/engine/process/startLockWatcher';
import { addProcess, procLockId, removeProcess, writeProcLocks } from './support/fakeProc';
import { holdLockWithPython } from './support/lockHolder';
import { linuxOnly, slow } from './support/lockReports';
import { sqliteShell } from './support/sqliteShell';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';
import { isRunning } from './support/processAlive';
import { until } from './support/until';

async function gone(pid: number, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return !isRunning(pid);
}

describe('the reading loop on a prepared /proc', () => {
  function preparedProc(t: Parameters<typeof tempFolderFor>[0]) {
    const folder = tempFolderFor(t);
    const file = makeItemsDatabase(folder);
    const root = path.join(folder, 'proc');
    const db = procLockId(file);
    const reader = `1: POSIX  ADVISORY  READ  5001 ${db} 1073741826 1073742335`;
    const writer = `2: POSIX  ADVISORY  WRITE 5002 ${db} 1073741825 1073741825`;
    writeProcLocks(root, [reader]);
    addProcess(root, 5001, { comm: 'reader' }, [file]);
    addProcess(root, 5003, { comm: 'idle' }, [file]);
    return { file, root, reader, writer };
  }

  test('/proc/*/fd is scanned when the lock PIDs change (at most once a second), else every 10 s', (t) => {
    const { file, root, reader, writer } = preparedProc(t);
    let now = 0;
    const lockReader = new LockReader(file, { platform: 'linux', procRoot: root, now: () => now });
    const openPids = () =>
      lockReader
        .read()
        .holders.filter((holder) => holder.openWithoutLock)
        .map((holder) => holder.pid);

    assert.deepEqual(openPids(), [5003], 'the first reading scans');
    assert.equal(lockReader.openFileScans, 1);
    now = 500;
    openPids();
    assert.equal(lockReader.openFileScans, 1, 'same lock PIDs: no scan');

    addProcess(root, 5004, { comm: 'late' }, [file]);
    writeProcLocks(root, [reader, writer]);
    now = 900;
    assert.deepEqual(openPids(), [5003], 'the PIDs changed, but less than a second after the last scan');
    now = 1000;
    assert.deepEqual(openPids(), [5003, 5004], 'a second later the change is scanned');
    assert.equal(lockReader.openFileScans, 2);

    removeProcess(root, 5004);
    now = 5000;
    assert.deepEqual(openPids(), [5003], 'a process that ended leaves without a scan');
    assert.equal(lockReader.openFileScans, 2);
    now = 11_000;
    openPids();
    assert.equal(lockReader.openFileScans, 3, 'ten seconds with the same PIDs: scanned again');
    assert.equal(lockReader.readings, 6);
  });

  test('while the lock lines stay the same, the decoded holders are reused; a change decodes anew', (t) => {
    const { file, root, reader, writer } = preparedProc(t);
    const lockReader = new LockReader(file, { platform: 'linux', procRoot: root });
    const first = lockReader.readStamped().holders;
    assert.equal(lockReader.readStamped().holders, first, 'the same array: nothing changed');
    // Another file's lock comes and renumbers the table: the lines on this database are the same.
    const elsewhere = `1: POSIX  ADVISORY  WRITE 6001 08:01:999999 0 EOF`;
    writeProcLocks(root, [elsewhere, reader.replace(/^1:/, '2:')]);
    assert.equal(lockReader.readStamped().holders, first, 'the same array: only other files changed');
    writeProcLocks(root, [reader, writer]);
    const second = lockReader.readStamped().holders;
    assert.notEqual(second, first);
    assert.deepEqual(
      second.map((holder) => `${holder.pid} ${holder.lock}`),
      ['5001 SHARED', '5002 RESERVED', '5003 OPEN'],
    );
    // The header is re-read when the file changes: another program switches it to WAL.
    assert.equal(lockReader.read().journalMode, 'delete');
    sqliteShell(file, 'PRAGMA journal_mode=WAL;');
    const switched = lockReader.read();
    assert.equal(switched.journalMode, 'wal');
    assert.match(switched.holders[0].meaning, /every connection read-locks the database/);
  });

  test('readings keep coming at the interval, which changes without a new reader', async (t) => {
    const { file, root } = preparedProc(t);
    const readings: LockReading[] = [];
    let listener: ((reading: LockReading) => void) | undefined;
    const watch = new LockWatch(
      (reading) => {
        readings.push(reading);
        listener?.(reading);
      },
      { platform: 'linux', procRoot: root },
    );
    t.after(() => watch.dispose());
    watch.watch(file, 20);
    await until<LockReading>(
      (next) => (listener = next),
      () => readings.length >= 3,
    );
    assert.ok(readings.every((reading) => 'report' in reading && reading.report.holders.length === 2));
    const scansBefore = watch.counts().openFileScans;
    watch.watch(file, 40);
    const count = readings.length;
    await until<LockReading>(
      (next) => (listener = next),
      () => readings.length >= count + 3,
    );
    assert.equal(watch.counts().openFileScans, scansBefore, 'the same reader, its scan kept');
    assert.deepEqual(watch.files(), [file]);
    watch.unwatch(file);
    const afterUnwatch = readings.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(readings.length, afterUnwatch, 'no reading after unwatch');
  });

  test('a file that goes away is reported as an error naming it; the watch goes on', async (t) => {
    const { file, root } = preparedProc(t);
    let listener: ((reading: LockReading) => void) | undefined;
    const watch = new LockWatch((reading) => listener?.(reading), { platform: 'linux', procRoot: root });
    t.after(() => watch.dispose());
    watch.watch(file, 20);
    await until<LockReading>(
      (next) => (listener = next),
      (reading) => 'report' in reading,
    );
    fs.rmSync(file);
    const failed = await until<LockReading>(
      (next) => (listener = next),
      (reading) => 'error' in reading,
    );
    assert.ok('error' in failed);
    assert.match(String(failed.error), /app\.db: does not exist/);
  });
});

describe('the lock watcher process', () => {
  test(
    'one process streams readings of real clients, changes pace without a restart, loads no SQLite',
    slow,
    async (t) => {
      const file = makeItemsDatabase(tempFolderFor(t), 'wal');
      const reader = await holdLockWithPython(file, ['BEGIN', 'SELECT count(*) FROM items']);
      t.after(() => reader.release());
      const messages: FromLockWatcher[] = [];
      let listener: ((message: FromLockWatcher) => void) | undefined;
      const watcher = startLockWatcher(
        (message) => {
          messages.push(message);
          listener?.(message);
        },
        () => undefined,
      );
      t.after(() => watcher.stop());
      const next = (done: (message: FromLockWatcher) => boolean) =>
        until<FromLockWatcher>((subscribe) => (listener = subscribe), done);

      watcher.send({ type: 'watch', file, intervalMs: 100 });
      await next(() => messages.length >= 3);
      const readerSeen = (message: FromLockWatcher) =>
        message.type === 'reading' &&
        message.report.holders.some((holder) => holder.pid === reader.pid && holder.lock === 'WAL_READ');
      assert.ok(messages.every(readerSeen), JSON.stringify(messages[0]));

      // A writer arrives: the stream shows it without being asked.
      const writer = await holdLockWithPython(file, [
        'BEGIN IMMEDIATE',
        "INSERT INTO items (name) VALUES ('w')",
      ]);
      t.after(() => writer.release());
      await next(
        (message) =>
          message.type === 'reading' &&
          message.report.holders.some((holder) => holder.pid === writer.pid && holder.lock === 'WAL_WRITE'),
      );
      watcher.send({ type: 'watch', file, intervalMs: 30 });
      const count = messages.length;
      await next(() => messages.length >= count + 5);

      const pids = new Set(messages.map((message) => message.stats.pid));
      assert.deepEqual([...pids], [watcher.pid], 'every reading from the one watcher process');
      const last = messages.at(-1);
      assert.equal(last?.stats.readings, messages.length);
      assert.ok(
        (last?.stats.openFileScans ?? 0) < messages.length,
        `scans ${last?.stats.openFileScans} of ${messages.length} readings`,
      );
      assert.ok(
        messages.every(
          (message) =>
            message.type === 'reading' &&
            !message.report.holders.some((holder) => [process.pid, watcher.pid].includes(holder.pid)),
        ),
        'neither this process nor the watcher holds or opens the file',
      );
      const maps = fs.readFileSync(`/proc/${watcher.pid}/maps`, 'utf8');
      assert.doesNotMatch(maps, /better_sqlite3|better-sqlite3/, 'SQLite is never loaded in the watcher');

      watcher.stop();
      assert.ok(await gone(watcher.pid ?? -1), 'stop ends the process');
    },
  );

  test('it ends by itself when its parent dies', linuxOnly, async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t), 'wal');
    // A parent of its own that starts the watcher, reports its PID and is then SIGKILLed.
    const parentScript = `
      const { fork } = require('node:child_process');
      const watcher = fork(${JSON.stringify(path.join(__dirname, 'lock-watcher.js'))}, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      watcher.on('message', (message) => console.log(message.stats.pid));
      watcher.send({ type: 'watch', file: ${JSON.stringify(file)}, intervalMs: 100 });
    `;
    const parent = spawn(process.execPath, ['-e', parentScript], { stdio: ['ignore', 'pipe', 'inherit'] });
    t.after(() => parent.kill('SIGKILL'));
    const watcherPid = await until<number>(
      (next) => parent.stdout.on('data', (chunk: Buffer) => next(Number(chunk.toString().split('\n')[0]))),
      (pid) => pid > 0,
    );
    assert.ok(isRunning(watcherPid));
    parent.kill('SIGKILL');
    assert.ok(await gone(watcherPid), `the watcher ${watcherPid} ended with its parent`);
  });
});
