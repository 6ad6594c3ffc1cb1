// The command-line twin as a user runs it: exit codes, one-line errors without a stack, the JSON shapes.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { holdLockWithPython } from './support/lockHolder';
import { type CliRun, runCli } from './support/runCli';
import {
  listFolder,
  makeItemsDatabase,
  makeTempFolder,
  sha256,
  type TempFolder,
} from './support/tempDatabase';

let folder: TempFolder;
before(() => (folder = makeTempFolder()));
after(() => folder.remove());

function assertOneLineError(stderr: string, mentions: RegExp): void {
  const lines = stderr.trim().split('\n');
  assert.ok(lines.length <= 3, `at most a few lines, got:\n${stderr}`);
  assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
  assert.match(stderr, mentions);
}

describe('usage', () => {
  test('no command: usage on stdout, exit 2', async () => {
    const run = await runCli([]);
    assert.equal(run.code, 2);
    assert.match(run.stdout, /Usage: sqlite-lock-doctor/);
  });

  test('--help: exit 0', async () => {
    const run = await runCli(['--help']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /probe <file>/);
  });

  test('unknown command, unknown flag and bad values: exit 2 with one sentence', async () => {
    const database = makeItemsDatabase(folder.path, 'delete', 'usage.db');
    for (const args of [
      ['frobnicate', database],
      ['probe', database, '--colour'],
      ['probe', database, '--model', 'fibers'],
      ['probe', database, '--busy-timeout', 'soon'],
      ['probe', database, '--preset', 'nope'],
      ['journal', database, '--set', 'memory'],
      ['journal', database],
      ['inspect'],
    ]) {
      const run = await runCli(args);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assertOneLineError(run.stderr, /sqlite-lock-doctor: /);
    }
  });
});

describe('bad input files: exit 2, the file named, nothing written', () => {
  test('missing, a directory, a symlink loop, not SQLite, a corrupt header', async () => {
    const bad = join(folder.path, 'bad');
    mkdirSync(bad);
    mkdirSync(join(bad, 'a-directory.db'));
    symlinkSync(join(bad, 'loop-b.db'), join(bad, 'loop-a.db'));
    symlinkSync(join(bad, 'loop-a.db'), join(bad, 'loop-b.db'));
    writeFileSync(join(bad, 'notes.db'), 'these are not the pages you are looking for\n'.repeat(10));
    const corrupt = Buffer.alloc(4096);
    corrupt.write('SQLite format 3\0', 0, 'latin1');
    corrupt.writeUInt16BE(1000, 16); // not a power of two
    writeFileSync(join(bad, 'corrupt.db'), corrupt);
    const listing = listFolder(bad);
    for (const name of ['missing.db', 'a-directory.db', 'loop-a.db', 'notes.db', 'corrupt.db']) {
      for (const command of [['inspect'], ['probe'], ['journal', '--set', 'wal']]) {
        const [verb, ...rest] = command;
        const run = await runCli([verb, join(bad, name), ...rest]);
        assert.equal(run.code, 2, `${verb} ${name}: ${run.stderr}`);
        assertOneLineError(run.stderr, new RegExp(name.replace('.', '\\.')));
      }
    }
    assert.deepEqual(listFolder(bad), listing);
  });
});

describe('inspect', () => {
  test('--json gives the journal mode in lower case and the header fields; the file is unchanged', async () => {
    const database = makeItemsDatabase(folder.path, 'wal', 'inspect-wal.db');
    const hash = sha256(database);
    const listing = listFolder(folder.path);
    const run = await runCli(['inspect', database, '--json']);
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as {
      journalMode: string;
      pageSize: number;
      header: { pageSize: number };
    };
    assert.equal(report.journalMode, 'wal');
    assert.equal(report.header.pageSize, report.pageSize);
    assert.equal(sha256(database), hash);
    assert.deepEqual(listFolder(folder.path), listing);
  });
});

describe('journal', () => {
  test('--set wal then --set delete, read back', async () => {
    const database = makeItemsDatabase(folder.path, 'delete', 'switch.db');
    const toWal = await runCli(['journal', database, '--set', 'wal', '--json']);
    assert.equal(toWal.code, 0, toWal.stderr);
    assert.equal((JSON.parse(toWal.stdout) as { to: string }).to, 'wal');
    const inspected = await runCli(['inspect', database, '--json']);
    assert.equal((JSON.parse(inspected.stdout) as { journalMode: string }).journalMode, 'wal');
    const back = await runCli(['journal', database, '--set', 'delete']);
    assert.equal(back.code, 0, back.stderr);
    assert.match(back.stdout, /switched from wal to delete/);
  });

  test('a lock held by python3: exit 1, says so, the mode unchanged', async () => {
    const database = makeItemsDatabase(folder.path, 'delete', 'switch-held.db');
    const holder = await holdLockWithPython(database, ['BEGIN', 'SELECT count(*) FROM items']);
    try {
      const run = await runCli(['journal', database, '--set', 'wal', '--busy-timeout', '300']);
      assert.equal(run.code, 1, run.stderr);
      assertOneLineError(run.stderr, /another connection holds a lock/);
    } finally {
      await holder.release();
    }
    const inspected = await runCli(['inspect', database, '--json']);
    assert.equal((JSON.parse(inspected.stdout) as { journalMode: string }).journalMode, 'delete');
  });
});

describe('probe', () => {
  // `probe <database> <flags>` as one call, so each run below fits on one line.
  const probe = (database: string, ...flags: string[]): Promise<CliRun> =>
    runCli(['probe', database, ...flags]);

  test('--json has the documented shape; --html writes the timeline', async () => {
    const database = makeItemsDatabase(folder.path, 'delete', 'probe.db');
    const html = join(folder.path, 'out', 'report.html');
    const run = await probe(database, '--model', 'threads', '--busy-timeout', '0', '--json', '--html', html);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout) as {
      sessions: {
        name: string;
        outcome: string;
        error?: { code: string; message: string; elapsedMs: number };
        waitedMs: number;
        events: { kind: string; tUs: number }[];
      }[];
      errorCounts: Record<string, number>;
      rows: { attempted: number; committed: number; found: number };
      config: { model: string; busyTimeoutMs: number; preset: string };
    };
    assert.deepEqual(
      result.sessions.map((session) => session.name),
      ['A', 'B'],
    );
    const a = result.sessions[0];
    assert.equal(a.outcome, 'failed');
    assert.equal(a.error?.code, 'SQLITE_BUSY');
    assert.equal(a.error?.message, 'database is locked');
    assert.equal(typeof a.error?.elapsedMs, 'number');
    assert.equal(typeof a.waitedMs, 'number');
    assert.ok(a.events.some((event) => event.kind === 'error'));
    assert.equal(result.sessions[1].outcome, 'committed');
    assert.deepEqual(result.errorCounts, { SQLITE_BUSY: 1 });
    assert.deepEqual(result.rows, { attempted: 2, committed: 1, found: 1 });
    assert.equal(result.config.model, 'threads');
    assert.equal(result.config.busyTimeoutMs, 0);
    const page = readFileSync(html, 'utf8');
    assert.match(page, /<svg/);
    assert.match(page, /SQLITE_BUSY/);
  });

  test('text output ends with the verdict and the fix', async () => {
    const database = makeItemsDatabase(folder.path, 'delete', 'probe-text.db');
    const run = await probe(database, '--preset', 'upgrade', '--journal', 'wal', '--model', 'threads');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /SQLITE_BUSY_SNAPSHOT/);
    assert.match(run.stdout, /BEGIN IMMEDIATE/);
  });
});
