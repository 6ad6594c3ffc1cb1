// `locks` and `checkpoint` against real, independent SQLite clients in processes of their own (python3's
// sqlite3 and Debian's sqlite3 shell), each holding one lock state: the built CLI must name the right
// PID and state, and never list itself or this test process. Plus the decoding of synthetic /proc
// tables, the WAL growth check on synthetic readings, and the branch for systems without /proc/locks.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { checkpointNow } from '../src/engine/locks/checkpointNow';
import { decodeLockHolders } from '../src/engine/locks/decodeLockHolders';
import type { LockHolderEntry, LockReport } from '../src/engine/locks/lockReport';
import { parseProcLocks, splitLinuxDevice } from '../src/engine/locks/procLocks';
import { readableCommandLine } from '../src/engine/locks/processNames';
import { readLockHolders } from '../src/engine/locks/readLockHolders';
import { callEngine } from '../src/engine/process/callEngine';
import { type WalGrowthSample, assessWalGrowth } from '../src/engine/locks/walGrowth';
import { UserInputError } from '../src/engine/userInputError';
import { snapshotFolder } from './support/folderSnapshot';
import { holdLockWithPython } from './support/lockHolder';
import { startClient } from './support/readyClient';
import { cliPath, runCli } from './support/runCli';
import { sqliteShell } from './support/sqliteShell';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

const onLinux = process.platform === 'linux';
const linuxOnly = { skip: onLinux ? false : 'lock holders are read from /proc/locks, on Linux only' };
// Generous: the CI machine has 2 cores and runs other suites at the same time.
const slow = { ...linuxOnly, timeout: 120_000 };

/** `locks <file> --json` through the built CLI; neither the CLI nor this test process may be a holder. */
async function locksJson(file: string): Promise<LockReport> {
  const run = await runCli(['locks', file, '--json']);
  assert.equal(run.code, 0, `locks failed: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as LockReport;
  const holderPids = report.holders.map((holder) => holder.pid);
  assert.ok(!holderPids.includes(process.pid), 'the test process holds nothing');
  assert.ok(!holderPids.includes(run.pid), 'the CLI never lists itself: it takes no lock');
  return report;
}

function holdersOf(report: LockReport, pid: number): LockHolderEntry[] {
  return report.holders.filter((holder) => holder.pid === pid);
}

function findHolder(
  report: LockReport,
  pid: number,
  match: Partial<Pick<LockHolderEntry, 'file' | 'lock' | 'waiting'>>,
): LockHolderEntry {
  const found = holdersOf(report, pid).find((holder) =>
    Object.entries(match).every(([key, value]) => holder[key as keyof LockHolderEntry] === value),
  );
  assert.ok(found, `PID ${pid} with ${JSON.stringify(match)} in ${JSON.stringify(report.holders, null, 1)}`);
  return found;
}

/** Re-reads until `done` holds (a state reached by a client that cannot say "ready" from inside it). */
async function locksUntil(
  file: string,
  done: (report: LockReport) => boolean,
  timeoutMs = 30_000,
): Promise<LockReport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await locksJson(file);
    if (done(report) || Date.now() > deadline) {
      return report;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

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

describe('engine calls (what the extension uses), each in a child process of its own', () => {
  test('locks and checkpoint through callEngine; bad input stays a UserInputError', slow, async (t) => {
    const folder = tempFolderFor(t);
    const file = makeItemsDatabase(folder, 'wal');
    const reader = await holdLockWithPython(file, [
      "INSERT INTO items (name) VALUES ('r')",
      'BEGIN',
      'SELECT count(*) FROM items',
    ]);
    t.after(() => reader.release());
    const report = await callEngine({ type: 'locks', file });
    assert.equal(report.supported, true);
    findHolder(report, reader.pid, { file: 'shm', lock: 'WAL_READ' });
    assert.ok(!report.holders.some((holder) => holder.pid === process.pid));
    const result = await callEngine({ type: 'checkpoint', file, mode: 'PASSIVE' });
    assert.equal(result.mode, 'PASSIVE');
    assert.ok(result.log >= 1);
    await assert.rejects(
      callEngine({ type: 'locks', file: path.join(folder, 'missing.db') }),
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

describe('without /proc/locks', () => {
  for (const [platform, tool] of [
    ['darwin', /lsof/],
    ['win32', /Resource Monitor.*handle\.exe.*Restart Manager/],
    ['freebsd', /lsof|fuser/],
  ] as const) {
    test(`${platform}: supported false, a note naming ${tool.source}, nothing written`, (t) => {
      const folder = tempFolderFor(t);
      const file = makeItemsDatabase(folder);
      const before = snapshotFolder(folder);
      const report = readLockHolders(file, { platform });
      assert.equal(report.supported, false);
      assert.equal(report.platform, platform);
      assert.deepEqual(report.holders, []);
      assert.match(report.note ?? '', tool);
      assert.match(report.note ?? '', /lock state|without taking locks/);
      assert.equal(report.wal, null);
      assert.deepEqual(snapshotFolder(folder), before);
    });
  }

  test('Linux with no readable /proc/locks: supported false, plain note', (t) => {
    const file = makeItemsDatabase(tempFolderFor(t));
    const report = readLockHolders(file, {
      platform: 'linux',
      procRoot: path.join(tempFolderFor(t), 'none'),
    });
    assert.equal(report.supported, false);
    assert.match(report.note ?? '', /\/proc\/locks could not be read/);
  });

  test('bad input is still a UserInputError off Linux', (t) => {
    assert.throws(
      () => readLockHolders(path.join(tempFolderFor(t), 'missing.db'), { platform: 'darwin' }),
      UserInputError,
    );
  });
});

describe('decoding /proc tables', () => {
  function fakeProc(folder: string, file: string): string {
    const root = path.join(folder, 'proc');
    // The kernel shows descriptors' targets with symlinks resolved.
    const realFile = fs.realpathSync(file);
    const db = fs.statSync(file, { bigint: true });
    const shm = fs.statSync(`${file}-shm`, { bigint: true });
    const id = (stats: fs.BigIntStats) => {
      const { major, minor } = splitLinuxDevice(stats.dev);
      return `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}:${stats.ino}`;
    };
    fs.mkdirSync(root);
    fs.writeFileSync(
      path.join(root, 'locks'),
      [
        `1: POSIX  ADVISORY  READ  4001 ${id(db)} 1073741826 1073742335`,
        `2: POSIX  ADVISORY  WRITE 4002 ${id(db)} 1073741824 1073741825`,
        `3: POSIX  ADVISORY  READ  4002 ${id(db)} 1073741826 1073742335`,
        `3: -> POSIX  ADVISORY  WRITE 4002 ${id(db)} 1073741826 1073742335`,
        `3: -> POSIX  ADVISORY  READ  4003 ${id(db)} 1073741824 1073741824`,
        `4: POSIX  ADVISORY  WRITE 4004 ${id(shm)} 120 121`,
        `5: POSIX  ADVISORY  READ  4004 ${id(shm)} 125 125`,
        `6: POSIX  ADVISORY  READ  4004 ${id(shm)} 128 128`,
        `7: POSIX  ADVISORY  WRITE 4006 00:01:1 1073741824 1073742335`,
        `8: FLOCK  ADVISORY  WRITE 4007 ${id(db)} 0 EOF`,
      ].join('\n'),
    );
    const processFolder = (pid: number, comm?: string, cmdline?: string, openFiles: string[] = []) => {
      fs.mkdirSync(path.join(root, String(pid), 'fd'), { recursive: true });
      if (comm !== undefined) {
        fs.writeFileSync(path.join(root, String(pid), 'comm'), `${comm}\n`);
      }
      if (cmdline !== undefined) {
        fs.writeFileSync(path.join(root, String(pid), 'cmdline'), cmdline);
      }
      openFiles.forEach((target, index) =>
        fs.symlinkSync(target, path.join(root, String(pid), 'fd', String(index + 3))),
      );
    };
    processFolder(4001, 'python3', `python3\0-c\0${'x = 1\n'.repeat(100)}\0`, [realFile]);
    processFolder(4005, 'idle-app', 'node\0server.js\0', ['/dev/null', realFile]);
    processFolder(4008, 'other', 'other\0', [`${realFile}-journal`]);
    return root;
  }

  test('states, waiters, names and open descriptors from a prepared /proc', (t) => {
    const folder = tempFolderFor(t);
    const file = makeItemsDatabase(folder);
    fs.writeFileSync(`${file}-shm`, '');
    const report = readLockHolders(file, { platform: 'linux', procRoot: fakeProc(folder, file) });
    assert.equal(report.supported, true);
    const rows = report.holders.map((holder) =>
      [
        holder.pid,
        holder.file,
        holder.lock,
        holder.readSlot ?? '-',
        holder.access ?? 'none',
        holder.waiting,
      ].join(' '),
    );
    assert.deepEqual(rows, [
      '4001 db SHARED - read false',
      '4002 db PENDING - write false',
      '4002 db EXCLUSIVE - write true',
      '4003 db SHARED - read true',
      '4004 shm OPEN - read false',
      '4004 shm WAL_READ 2 read false',
      '4004 shm WAL_WRITE - write false',
      '4004 shm WAL_CKPT - write false',
      '4005 db OPEN - none false',
    ]);
    const [reader, , waiter] = report.holders;
    assert.equal(reader.command, 'python3');
    assert.ok(reader.commandLine !== null && reader.commandLine.length === 200, reader.commandLine ?? '');
    assert.match(reader.commandLine, /^python3 -c x = 1 x = 1 .*…$/);
    assert.match(waiter.meaning, /^waits in the kernel for this lock/);
    assert.equal(report.holders[1].command, null, 'no /proc entry: the process ended');
    const open = report.holders.at(-1);
    assert.equal(open?.openWithoutLock, true);
    assert.equal(open?.commandLine, 'node server.js');
    assert.match(open?.meaning ?? '', /idle rollback-mode connection/);
  });

  test('merged ranges are classified by every SQLite range they overlap', () => {
    const entries = parseProcLocks(
      [
        '1: POSIX  ADVISORY  WRITE 10 08:01:5 1073741824 1073742335',
        '2: POSIX  ADVISORY  WRITE 11 08:01:5 1073741825 1073741825',
        '3: POSIX  ADVISORY  READ  11 08:01:5 1073741826 1073742335',
        '4: POSIX  ADVISORY  WRITE 12 08:01:6 120 128',
      ].join('\n'),
    );
    const decoded = decodeLockHolders(
      entries.filter((entry) => entry.inode === 5n),
      entries.filter((entry) => entry.inode === 6n),
      'wal',
    );
    assert.deepEqual(
      decoded.map((holder) => `${holder.pid} ${holder.file} ${holder.lock}${holder.readSlot ?? ''}`),
      [
        '10 db EXCLUSIVE',
        '11 db RESERVED',
        '12 shm OPEN',
        '12 shm WAL_READ0',
        '12 shm WAL_READ1',
        '12 shm WAL_READ2',
        '12 shm WAL_READ3',
        '12 shm WAL_READ4',
        '12 shm WAL_WRITE',
        '12 shm WAL_CKPT',
        '12 shm WAL_RECOVER',
      ],
    );
    assert.match(
      decoded.find((holder) => holder.lock === 'OPEN')?.meaning ?? '',
      /initialising the WAL index/,
    );
  });

  test('command lines: NULs and newlines become single spaces, long ones are cut', () => {
    assert.equal(readableCommandLine('python3\0-c\0print(1)\n\0'), 'python3 -c print(1)');
    assert.equal(readableCommandLine('a'.repeat(300), 10), 'aaaaaaaaa…');
  });
});

describe('WAL growth over successive readings', () => {
  const readings = (frames: number[], readers: number[][]): WalGrowthSample[] =>
    frames.map((count, index) => ({
      atMs: index * 1000,
      frames: count,
      sizeBytes: 32 + count * (24 + 4096),
      readerPids: readers[index] ?? [],
    }));

  test('too few readings', () => {
    assert.equal(assessWalGrowth(readings([1500, 1600], [[7], [7]])).verdict, 'too-few-samples');
  });

  test('growing past the threshold while a reader holds WAL_READ throughout: checkpoint starvation', () => {
    const assessment = assessWalGrowth(readings([800, 1100, 1400, 1800], [[7], [7, 8], [7], [7]]));
    assert.equal(assessment.verdict, 'checkpoint-starved');
    assert.equal(assessment.warning, true);
    assert.deepEqual(assessment.persistentReaderPids, [7]);
    assert.equal(assessment.framesGained, 1000);
    assert.match(assessment.message, /from 800 to 1800 frames in 3\.0 s.*PID 7 held a WAL_READ lock/);
  });

  test('overlapping readers starve it too, without one PID throughout', () => {
    const assessment = assessWalGrowth(readings([1000, 1200, 1500], [[7], [7, 8], [8]]));
    assert.equal(assessment.verdict, 'checkpoint-starved');
    assert.deepEqual(assessment.persistentReaderPids, []);
    assert.match(assessment.message, /overlapping readers/);
  });

  test('growing past the threshold with no reader: checkpoints off or one huge transaction', () => {
    const assessment = assessWalGrowth(readings([900, 1200, 1500], [[7], [], []]));
    assert.equal(assessment.verdict, 'growing');
    assert.equal(assessment.warning, true);
    assert.match(assessment.message, /wal_autocheckpoint=0/);
  });

  test('below the threshold, not growing, or reset by a checkpoint: steady', () => {
    assert.equal(assessWalGrowth(readings([100, 400, 900], [[7], [7], [7]])).verdict, 'steady');
    assert.equal(assessWalGrowth(readings([1500, 1500, 1500], [[7], [7], [7]])).verdict, 'steady');
    // Shrunk by a TRUNCATE checkpoint: only the readings since count, and one step is not "keeps growing".
    const reset = assessWalGrowth(readings([1500, 2000, 0, 1200], [[7], [7], [7], [7]]));
    assert.equal(reset.verdict, 'steady');
    assert.equal(reset.framesGained, 1200);
    assert.equal(reset.warning, false);
  });
});
