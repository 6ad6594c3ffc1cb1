// The live doctor with real processes: python3 clients (their own SQLite, in processes of their own)
// that are stopped with SIGSTOP, that lose their locks by opening and closing the database file with
// plain os.open/os.close, that take an open-file-description lock, whose SQLite version python itself
// reports; and a watcher whose held-for times grow from reading to reading. Read through the built
// CLI and the lock watcher process, as a user would; neither holds a connection.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { describe, test, type TestContext } from 'node:test';
import type { LockReport } from '../src/engine/locks/lockReport';
import type { FromLockWatcher } from '../src/engine/process/lockWatcherProtocol';
import { startLockWatcher } from '../src/engine/process/startLockWatcher';
import { holdLockWithPython } from './support/lockHolder';
import { findHolder, locksUntil, slow } from './support/lockReports';
import { startClient } from './support/readyClient';
import { runCli } from './support/runCli';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';
import { until } from './support/until';

const factsOf = (report: LockReport, pid: number) => report.processes.find((facts) => facts.pid === pid);

/** Polls /proc/PID/stat (the kernel stops a process asynchronously) until its state is `code`. */
async function untilState(pid: number, code: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (stat.slice(stat.lastIndexOf(')') + 2)[0] === code || Date.now() > deadline) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A python3 WAL connection that has read the database, then prints "ready" and waits. */
async function pythonConnection(t: TestContext, file: string, thenCloseAFileDescriptor: boolean) {
  const script = `
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("SELECT count(*) FROM items").fetchall()
if sys.argv[2] == "close":
    os.close(os.open(sys.argv[1], os.O_RDONLY))  # outside SQLite: drops this process's POSIX locks
print("ready", flush=True)
sys.stdin.readline()
`;
  const child = await startClient(t, 'python3', [
    '-c',
    script,
    file,
    thenCloseAFileDescriptor ? 'close' : 'keep',
  ]);
  return child;
}

describe('the live doctor with real python3 clients', () => {
  test('a writer stopped with SIGSTOP is reported as stopped, with the PID to resume', slow, async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t), 'wal');
    const writer = await holdLockWithPython(file, [
      'BEGIN IMMEDIATE',
      "INSERT INTO items (name) VALUES ('w')",
    ]);
    process.kill(writer.pid, 'SIGSTOP');
    t.after(async () => {
      process.kill(writer.pid, 'SIGCONT');
      await writer.release();
    });
    await untilState(writer.pid, 'T');
    const report = await locksUntil(file, (reading) => factsOf(reading, writer.pid)?.state?.code === 'T');
    findHolder(report, writer.pid, { file: 'shm', lock: 'WAL_WRITE' });
    assert.deepEqual(factsOf(report, writer.pid)?.warnings, [
      `python3 ${writer.pid} is stopped (SIGSTOP or job control): it keeps its write lock until resumed: kill -CONT ${writer.pid}, or end it`,
    ]);
    const text = await runCli(['locks', file]);
    assert.match(
      text.stdout,
      new RegExp(`WARNING: python3 ${writer.pid} is stopped .*kill -CONT ${writer.pid}`),
    );

    process.kill(writer.pid, 'SIGCONT');
    await untilState(writer.pid, 'S');
    const resumed = await locksUntil(file, (reading) => factsOf(reading, writer.pid)?.state?.stuck === false);
    assert.deepEqual(factsOf(resumed, writer.pid)?.warnings, [], 'running again: nothing to say');
  });

  test(
    'a WAL connection whose process opened and closed the database file has lost its locks',
    slow,
    async (t) => {
      const file = makeItemsDatabase(tempFolderFor(t), 'wal');
      const careless = await pythonConnection(t, file, true);
      const careful = await pythonConnection(t, file, false);
      const report = await locksUntil(
        file,
        (reading) => (factsOf(reading, careless.pid ?? -1)?.lostLocks.length ?? 0) > 0,
      );
      const lost = factsOf(report, careless.pid ?? -1)?.lostLocks ?? [];
      assert.deepEqual(
        lost.map((entry) => entry.file),
        ['db'],
      );
      assert.match(lost[0].reason, /opened and closed the database file outside SQLite/);
      assert.equal(lost[0].reference, 'https://www.sqlite.org/howtocorrupt.html');
      findHolder(report, careless.pid ?? -1, { file: 'shm', lock: 'OPEN' });
      assert.deepEqual(
        factsOf(report, careful.pid ?? -1)?.lostLocks,
        [],
        'the connection left alone keeps its locks',
      );
      findHolder(report, careful.pid ?? -1, { file: 'db', lock: 'SHARED' });
    },
  );

  test('an open-file-description lock (F_OFD_SETLK) is decoded and marked, under PID -1', slow, async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t), 'wal');
    // The database's shared range, read-locked the way a connection does, but as an OFD lock.
    const script = `
import fcntl, os, struct, sys
fd = os.open(sys.argv[1], os.O_RDWR)
fcntl.fcntl(fd, fcntl.F_OFD_SETLK, struct.pack("hhqqi4x", fcntl.F_RDLCK, 0, 1073741826, 510, 0))
print("ready", flush=True)
sys.stdin.readline()
`;
    const holder = await startClient(t, 'python3', ['-c', script, file]);
    const report = await locksUntil(file, (reading) =>
      reading.holders.some((entry) => entry.openFileDescription),
    );
    const ofd = report.holders.filter((entry) => entry.openFileDescription);
    // Linux shows an OFD lock with PID -1 (it belongs to an open file, not a process); accept the
    // holder's own PID too, should a kernel tie it to the process that took it.
    assert.deepEqual(
      ofd.map((entry) => `${entry.pid === holder.pid ? 'holder' : entry.pid} ${entry.file} ${entry.lock}`),
      [`${ofd[0]?.pid === holder.pid ? 'holder' : -1} db SHARED`],
    );
    if (ofd[0].pid === -1) {
      // The process itself has the file open: found by /proc/PID/fd, with no POSIX lock of its own.
      findHolder(report, holder.pid ?? -1, { file: 'db', lock: 'OPEN' });
    }
    const text = await runCli(['locks', file]);
    assert.match(text.stdout, /\s+db\s+SHARED \[OFD\]/);
  });

  test(
    'the SQLite that python3 loads is reported with the version python itself reports',
    slow,
    async (t) => {
      const file = makeItemsDatabase(tempFolderFor(t), 'wal');
      const client = await pythonConnection(t, file, false);
      const report = await locksUntil(
        file,
        (reading) => (factsOf(reading, client.pid ?? -1)?.sqlite?.length ?? 0) > 0,
      );
      // Ask python3 which SQLite it runs (the same interpreter and library as the client).
      const asked = spawn('python3', ['-c', 'import sqlite3; print(sqlite3.sqlite_version)']);
      let answer = '';
      asked.stdout.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      await new Promise((resolve) => asked.on('close', resolve));
      const libraries = factsOf(report, client.pid ?? -1)?.sqlite ?? [];
      assert.equal(libraries.length, 1, JSON.stringify(libraries));
      assert.equal(libraries[0].state, 'found');
      assert.equal(libraries[0].version, answer.trim());
      assert.match(libraries[0].sourceId ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [0-9a-f]{40}/);
      assert.ok(fs.existsSync(libraries[0].file), libraries[0].file);
    },
  );

  test(
    'held-for grows across the watcher\u2019s readings; a lock taken later counts from its own reading',
    slow,
    async (t) => {
      const file = makeItemsDatabase(tempFolderFor(t), 'wal');
      const reader = await holdLockWithPython(file, ['BEGIN', 'SELECT count(*) FROM items']);
      t.after(() => reader.release());
      let listener: ((message: FromLockWatcher) => void) | undefined;
      const watcher = startLockWatcher(
        (message) => listener?.(message),
        () => undefined,
      );
      t.after(() => watcher.stop());
      const readerHold = (message: FromLockWatcher) =>
        message.type === 'reading'
          ? message.report.holders.find((holder) => holder.pid === reader.pid && holder.lock === 'WAL_READ')
          : undefined;
      const next = (done: (message: FromLockWatcher) => boolean) =>
        until<FromLockWatcher>((subscribe) => (listener = subscribe), done);
      watcher.send({ type: 'watch', file, intervalMs: 100 });
      const first = readerHold(await next((message) => readerHold(message) !== undefined));
      assert.equal(first?.heldForAtLeast, true, 'held before the watch began: "at least"');
      const firstMs = first?.heldForMs ?? Number.NaN;
      const grown = readerHold(
        await next((message) => (readerHold(message)?.heldForMs ?? 0) >= firstMs + 500),
      );
      assert.equal(grown?.heldSince, first?.heldSince, 'the same hold, first seen at the same reading');

      const writer = await holdLockWithPython(file, [
        'BEGIN IMMEDIATE',
        "INSERT INTO items (name) VALUES ('w')",
      ]);
      t.after(() => writer.release());
      const writerHold = (message: FromLockWatcher) =>
        message.type === 'reading'
          ? message.report.holders.find((holder) => holder.pid === writer.pid && holder.lock === 'WAL_WRITE')
          : undefined;
      const seen = await next((message) => (writerHold(message)?.heldForMs ?? -1) >= 300);
      const writerEntry = writerHold(seen);
      assert.equal(
        writerEntry?.heldForAtLeast,
        false,
        'taken while watched: counted from the reading that saw it',
      );
      assert.ok(
        (writerEntry?.heldForMs ?? 0) < (readerHold(seen)?.heldForMs ?? 0),
        'the reader has held its snapshot longer than the writer its lock',
      );
    },
  );
});
