// `locks` against real, independent SQLite clients in processes of their own (python3's sqlite3 and
// Debian's sqlite3 shell), each holding one lock state: the built CLI must name the right PID and
// state, and never list itself or this test process.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { findHolder, holdersOf, locksJson, locksUntil, slow } from './support/lockReports';
import { holdLockWithPython } from './support/lockHolder';
import { startClient } from './support/readyClient';
import { runCli } from './support/runCli';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

describe('rollback mode: one client per state', () => {
  test('a read transaction (python3) holds SHARED', slow, async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t));
    const reader = await holdLockWithPython(file, ['BEGIN', 'SELECT count(*) FROM items']);
    t.after(() => reader.release());
    const report = await locksJson(file);
    assert.equal(report.supported, true);
    assert.equal(report.journalMode, 'delete');
    assert.equal(report.wal, null);
    const holder = findHolder(report, reader.pid, { file: 'db', lock: 'SHARED' });
    assert.equal(holder.waiting, false);
    assert.equal(holder.access, 'read');
    assert.match(holder.command ?? '', /python/);
    assert.match(holder.commandLine ?? '', /python3?.* -c /);
    assert.equal(holdersOf(report, reader.pid).length, 1, 'one entry per process, file and lock');
  });

  test('BEGIN IMMEDIATE with a write (sqlite3 shell) holds RESERVED', slow, async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t));
    const writer = await startClient(
      t,
      'sqlite3',
      [file],
      "BEGIN IMMEDIATE;\nINSERT INTO items (name) VALUES ('w');\nSELECT 'ready';\n",
    );
    const report = await locksJson(file);
    const holder = findHolder(report, writer.pid ?? -1, { file: 'db', lock: 'RESERVED' });
    assert.equal(holder.waiting, false);
    assert.equal(holder.command, 'sqlite3');
    // RESERVED implies SHARED: the process is listed with its strongest state only.
    assert.deepEqual(
      holdersOf(report, writer.pid ?? -1).map((entry) => entry.lock),
      ['RESERVED'],
    );
  });

  test('BEGIN EXCLUSIVE (python3) holds EXCLUSIVE', slow, async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t));
    const holder = await holdLockWithPython(file, ['BEGIN EXCLUSIVE']);
    t.after(() => holder.release());
    const report = await locksJson(file);
    assert.deepEqual(
      holdersOf(report, holder.pid).map((entry) => [entry.file, entry.lock, entry.access, entry.waiting]),
      [['db', 'EXCLUSIVE', 'write', false]],
    );
  });

  test('a writer stuck in PENDING behind a python3 reader (sqlite3 shell, busy timeout)', slow, async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t));
    const reader = await holdLockWithPython(file, ['BEGIN', 'SELECT count(*) FROM items']);
    t.after(() => reader.release());
    // "ready" once the INSERT holds RESERVED; the COMMIT after it then waits in PENDING for the reader
    // (the shell retries for up to 60 s), so the test re-reads until it sees PENDING.
    const writer = await startClient(
      t,
      'sqlite3',
      [file],
      ".timeout 60000\nBEGIN;\nINSERT INTO items (name) VALUES ('w');\nSELECT 'ready';\nCOMMIT;\n",
    );
    const writerPid = writer.pid ?? -1;
    const report = await locksUntil(file, (seen) =>
      holdersOf(seen, writerPid).some((holder) => holder.lock === 'PENDING'),
    );
    const pending = findHolder(report, writerPid, { file: 'db', lock: 'PENDING' });
    // SQLite polls with F_SETLK (never blocking in the kernel), so it is not a `->` waiter.
    assert.equal(pending.waiting, false);
    assert.match(pending.meaning, /waits for readers/);
    findHolder(report, reader.pid, { file: 'db', lock: 'SHARED', waiting: false });
    const text = await runCli(['locks', file]);
    assert.equal(text.code, 0);
    assert.match(text.stdout, new RegExp(`^${writerPid}\\s+sqlite3\\s+db\\s+PENDING\\s+no\\s`, 'm'));
    assert.match(text.stdout, new RegExp(`^${reader.pid}\\s+python3\\S*\\s+db\\s+SHARED\\s+no\\s`, 'm'));
  });

  test(
    'an idle connection (python3, no transaction) holds no lock and is listed as OPEN',
    slow,
    async (t) => {
      const file = makeItemsDatabase(tempFolderFor(t));
      const idle = await holdLockWithPython(file, ['SELECT count(*) FROM items']);
      t.after(() => idle.release());
      const report = await locksJson(file);
      const holder = findHolder(report, idle.pid, { file: 'db', lock: 'OPEN' });
      assert.equal(holder.openWithoutLock, true);
      assert.equal(holder.access, null);
      assert.equal(holder.waiting, false);
      assert.equal(holdersOf(report, idle.pid).length, 1);
    },
  );
});

describe('WAL mode', () => {
  test(
    'an idle connection, a reader and a writer at once: OPEN, WAL_READ(slot), WAL_WRITE',
    slow,
    async (t) => {
      const folder = tempFolderFor(t);
      const file = makeItemsDatabase(folder, 'wal');
      const idle = await holdLockWithPython(file, ['SELECT count(*) FROM items']);
      t.after(() => idle.release());
      const reader = await startClient(
        t,
        'sqlite3',
        [file],
        "BEGIN;\nSELECT count(*) FROM items;\nSELECT 'ready';\n",
      );
      const writer = await holdLockWithPython(file, [
        'BEGIN IMMEDIATE',
        "INSERT INTO items (name) VALUES ('w')",
      ]);
      t.after(() => writer.release());
      const report = await locksJson(file);
      assert.equal(report.journalMode, 'wal');

      // Every WAL connection read-locks the database and the DMS byte while it is open.
      for (const pid of [idle.pid, reader.pid ?? -1, writer.pid]) {
        findHolder(report, pid, { file: 'db', lock: 'SHARED', waiting: false });
        assert.equal(findHolder(report, pid, { file: 'shm', lock: 'OPEN' }).access, 'read');
      }
      assert.deepEqual(
        holdersOf(report, idle.pid).map((holder) => `${holder.file} ${holder.lock}`),
        ['db SHARED', 'shm OPEN'],
        'the idle connection holds nothing more',
      );
      const read = findHolder(report, reader.pid ?? -1, { file: 'shm', lock: 'WAL_READ' });
      assert.equal(read.access, 'read');
      assert.ok(
        read.readSlot !== undefined && read.readSlot >= 0 && read.readSlot <= 4,
        `slot ${read.readSlot}`,
      );
      t.diagnostic(
        `the sqlite3 shell reads on slot ${read.readSlot}; locks read /proc in ${report.readMs.toFixed(1)} ms`,
      );
      assert.equal(findHolder(report, reader.pid ?? -1, { file: 'db', lock: 'SHARED' }).command, 'sqlite3');
      const write = findHolder(report, writer.pid, { file: 'shm', lock: 'WAL_WRITE' });
      assert.equal(write.access, 'write');
      assert.equal(write.waiting, false);
      assert.ok(!holdersOf(report, idle.pid).some((holder) => holder.lock === 'WAL_WRITE'));

      assert.ok(report.wal !== null && report.wal.exists);
      assert.ok(report.wal.readerPids.includes(reader.pid ?? -1));
      assert.equal(report.wal.autoCheckpointPages, 1000);
      assert.match(report.wal.autoCheckpointNote, /per connection|Each connection/);
    },
  );
});
