// What each preset shows, on real files with real sessions: the lock errors SQLite really returns.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runProbe, type ProbeOptions } from '../src/engine/probe/runProbe';
import type { ProbeResult, SessionResult } from '../src/engine/probe/probeTypes';
import { outcomeAtMs } from '../src/report/resultTables';
import { execFile } from 'node:child_process';
import { holdLockWithPython } from './support/lockHolder';
import { startClient } from './support/readyClient';
import { writeWithPython } from './support/pythonWriter';
import { poolWithPython } from './support/pythonPool';
import { poolRequests } from '../src/engine/probe/presetSchedules';
import { makeItemsDatabase, makeTempFolder, type TempFolder } from './support/tempDatabase';

let folder: TempFolder;
let database: string;
before(() => {
  folder = makeTempFolder();
  database = makeItemsDatabase(folder.path);
});
after(() => folder.remove());

function probe(options: Partial<ProbeOptions>): Promise<ProbeResult> {
  return runProbe({
    database,
    preset: 'seed',
    model: 'processes',
    journal: 'keep',
    busyTimeoutMs: 5000,
    inPlace: false,
    ...options,
  });
}

function byName(result: ProbeResult, name: string): SessionResult {
  const found = result.sessions.find((session) => session.name === name);
  assert.ok(found, `session ${name}`);
  return found;
}

describe('upgrade: a deferred read-then-write against a writer', () => {
  test('WAL: SQLITE_BUSY at once while the writer holds its lock, SQLITE_BUSY_SNAPSHOT after it committed', async () => {
    const result = await probe({ preset: 'upgrade', journal: 'wal', busyTimeoutMs: 5000 });
    const early = byName(result, 'early');
    const late = byName(result, 'late');
    assert.equal(early.error?.code, 'SQLITE_BUSY');
    assert.ok(
      (early.error?.elapsedMs ?? Infinity) < 1000,
      `early failed after ${early.error?.elapsedMs} ms, not the timeout`,
    );
    assert.equal(late.error?.code, 'SQLITE_BUSY_SNAPSHOT');
    assert.equal(late.error?.errno, 517);
    assert.ok((late.error?.elapsedMs ?? Infinity) < 1000);
    assert.equal(byName(result, 'writer').outcome, 'committed');
    assert.deepEqual(result.errorCounts, { SQLITE_BUSY: 1, SQLITE_BUSY_SNAPSHOT: 1 });
    assert.equal(result.verdict.fixes[0]?.kind, 'begin-immediate');
  });

  test('rollback mode: both upgrades fail at once with SQLITE_BUSY, whatever the timeout', async () => {
    const result = await probe({ preset: 'upgrade', journal: 'delete', busyTimeoutMs: 5000 });
    for (const name of ['early', 'late']) {
      const session = byName(result, name);
      assert.equal(session.error?.code, 'SQLITE_BUSY', name);
      assert.ok(
        (session.error?.elapsedMs ?? Infinity) < 1000,
        `${name} after ${session.error?.elapsedMs} ms`,
      );
    }
    assert.equal(byName(result, 'writer').outcome, 'committed');
    assert.ok(result.verdict.fixes.some((fix) => fix.kind === 'begin-immediate'));
  });

  test('BEGIN IMMEDIATE: every session commits', async () => {
    const result = await probe({ preset: 'upgrade', journal: 'wal', begin: 'immediate' });
    assert.deepEqual(
      result.sessions.map((session) => session.outcome),
      ['committed', 'committed', 'committed'],
    );
    assert.deepEqual(result.errorCounts, {});
    assert.equal(result.rows.found, 3);
  });
});

describe('reader: a long reader against a writer', () => {
  test('rollback mode: the writer waits for the reader before it can commit', async () => {
    const result = await probe({ preset: 'reader', journal: 'delete', model: 'threads' });
    const writer = byName(result, 'writer');
    assert.equal(writer.outcome, 'committed');
    const committedAt = outcomeAtMs(writer) ?? 0;
    assert.ok(committedAt >= 950, `writer committed at ${committedAt} ms, after the reader's 1 s`);
    assert.ok(writer.waitedMs >= 700, `writer waited ${writer.waitedMs} ms`);
    assert.ok(writer.spans.some((span) => span.waitingFor === 'EXCLUSIVE' && span.lock === 'PENDING'));
    assert.ok(result.verdict.fixes.some((fix) => fix.kind === 'wal'));
  });

  test('WAL: the writer commits at once beside the reader', async () => {
    const result = await probe({ preset: 'reader', journal: 'wal', model: 'threads' });
    const writer = byName(result, 'writer');
    assert.equal(writer.outcome, 'committed');
    assert.ok((outcomeAtMs(writer) ?? Infinity) < 600, `writer committed at ${outcomeAtMs(writer)} ms`);
    assert.ok(writer.waitedMs < 50);
  });
});

describe('busy timeout 0 (the C API default)', () => {
  test('seed with threads: A fails at once with SQLITE_BUSY and the fix is a busy timeout', async () => {
    const result = await probe({ model: 'threads', busyTimeoutMs: 0 });
    const a = byName(result, 'A');
    assert.equal(a.error?.code, 'SQLITE_BUSY');
    assert.ok((a.error?.elapsedMs ?? Infinity) < 100);
    assert.equal(result.verdict.fixes[0]?.kind, 'busy-timeout');
    assert.doesNotMatch(result.verdict.explanation.join(' '), /waited the whole busy timeout/);
    assert.equal(result.rows.found, 1);
  });
});

describe('no-timeout: a connection without a busy timeout meets a writer', () => {
  for (const journal of ['delete', 'wal'] as const) {
    test(`${journal}: SQLITE_BUSY at once without the timeout, a wait and a commit with it`, async () => {
      const result = await probe({ preset: 'no-timeout', journal, busyTimeoutMs: 5000 });
      const failed = byName(result, 'no-timeout');
      assert.equal(failed.error?.code, 'SQLITE_BUSY');
      assert.equal(failed.error?.errno, 5);
      assert.ok((failed.error?.elapsedMs ?? Infinity) < 100, `failed after ${failed.error?.elapsedMs} ms`);
      const waits = byName(result, 'waits');
      assert.equal(waits.outcome, 'committed');
      // It met the holder's lock at 300 ms and got it when the holder committed at about 600 ms.
      assert.ok(waits.waitedMs >= 150, `waits waited ${waits.waitedMs} ms`);
      assert.equal(byName(result, 'holder').outcome, 'committed');
      assert.equal(result.rows.found, 2);
      assert.equal(result.verdict.fixes[0]?.kind, 'busy-timeout');
      assert.match(result.verdict.explanation.join(' '), /no-timeout's busy timeout is 0 ms/);
      assert.doesNotMatch(result.verdict.explanation.join(' '), /deferred transaction that has already read/);
    });
  }

  test("python3's sqlite3 behaves the same against a writer in another process", async (t) => {
    // The preset's claim, checked with clients that share nothing with the probe: a python3 process
    // holds a write lock; another python3 process with timeout=0 fails at once.
    const file = makeItemsDatabase(folder.path, 'wal', 'independent.db');
    const holder = await holdLockWithPython(file, [
      'BEGIN IMMEDIATE',
      "INSERT INTO items (name) VALUES ('holder')",
    ]);
    t.after(() => holder.release());
    const withoutTimeout = await writeWithPython(file, 0);
    assert.equal(withoutTimeout.error, 'database is locked');
    assert.ok(withoutTimeout.elapsedMs < 100, `python failed after ${withoutTimeout.elapsedMs} ms`);
    const withTimeout = writeWithPython(file, 5000);
    await holder.release();
    assert.equal((await withTimeout).error, undefined);
  });
});

describe('forgotten-cursor: an unfinished SELECT against a writer', () => {
  test("rollback mode: the writer's COMMIT waits for the cursor's read lock and fails after the timeout", async () => {
    const result = await probe({ preset: 'forgotten-cursor', journal: 'delete', busyTimeoutMs: 500 });
    const writer = byName(result, 'writer');
    assert.equal(writer.error?.code, 'SQLITE_BUSY');
    const elapsed = writer.error?.elapsedMs ?? 0;
    assert.ok(elapsed >= 450 && elapsed < 900, `the COMMIT failed after ${elapsed} ms, the 500 ms timeout`);
    assert.ok((writer.longestWaitMs.EXCLUSIVE ?? 0) >= 400, 'it waited for EXCLUSIVE');
    assert.equal(byName(result, 'cursor').outcome, 'committed');
    assert.equal(result.rows.found, 0);
    assert.equal(result.verdict.fixes[0]?.kind, 'close-cursors');
    assert.match(result.verdict.explanation.join(' '), /cursor stepped a SELECT once and left it unfinished/);
  });

  test('WAL: the writer commits, but the WAL grows past the auto-checkpoint threshold while the cursor is open', async () => {
    const result = await probe({ preset: 'forgotten-cursor', journal: 'wal', busyTimeoutMs: 5000 });
    const writer = byName(result, 'writer');
    assert.equal(writer.outcome, 'committed');
    assert.equal(writer.transactions.committed, 2000);
    const samples = result.walBytes ?? [];
    assert.ok(samples.length >= 2, 'the WAL size was sampled');
    const largest = Math.max(...samples.map((sample) => sample.bytes));
    // 2000 commits that no checkpoint could copy: with no reader, wal_autocheckpoint would restart the
    // WAL at 1000 pages (about 4.1 MB with 4 KiB pages); here it holds well over 1500 pages.
    assert.ok(largest > 1500 * 4120, `the WAL reached ${largest} bytes`);
    assert.equal(result.verdict.fixes[0]?.kind, 'close-cursors');
    assert.match(result.verdict.explanation.join(' '), /the -wal file grew from/);
  });

  // The preset's claims, checked with clients that share nothing with the probe: python3 leaves a
  // cursor unfinished (no BEGIN) in a process of its own; the sqlite3 shell writes and checkpoints.
  const cursorScript = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
cursor = db.execute("SELECT id FROM items")
cursor.fetchone()
print("ready", flush=True)
sys.stdin.readline()
`;
  const shell = (file: string, sql: string) =>
    new Promise<{ stdout: string; error?: string; elapsedMs: number }>((resolve) => {
      const started = performance.now();
      execFile('sqlite3', ['-cmd', '.timeout 500', file, sql], (error, stdout, stderr) =>
        resolve({
          stdout: stdout.trim(),
          ...(error ? { error: stderr.trim() } : {}),
          elapsedMs: performance.now() - started,
        }),
      );
    });

  test("independent clients, rollback mode: the shell's write waits for python's cursor and fails", async (t) => {
    const file = makeItemsDatabase(folder.path, 'delete', 'cursor-delete.db');
    await startClient(t, 'python3', ['-c', cursorScript, file]);
    const write = await shell(file, "INSERT INTO items (name) VALUES ('shell')");
    assert.match(write.error ?? '', /database is locked/);
    assert.ok(write.elapsedMs >= 450, `the shell gave up after ${write.elapsedMs} ms`);
  });

  test("independent clients, WAL: the shell's write commits, its checkpoint cannot pass python's cursor", async (t) => {
    const file = makeItemsDatabase(folder.path, 'wal', 'cursor-wal.db');
    await startClient(t, 'python3', ['-c', cursorScript, file]);
    const write = await shell(
      file,
      "INSERT INTO items (name) VALUES ('shell'); PRAGMA wal_checkpoint(PASSIVE);",
    );
    assert.equal(write.error, undefined);
    // busy|log|checkpointed: frames in the WAL, and none copied past the reader's snapshot.
    const [, log, checkpointed] = write.stdout.split('|').map(Number);
    assert.ok(log > 0 && checkpointed < log, `wal_checkpoint said ${write.stdout}`);
  });
});

describe('shared-cache: two connections of one process share a cache', () => {
  for (const model of ['threads', 'blocking'] as const) {
    test(`${model}: SQLITE_LOCKED at once beside the writer, whatever the busy timeout; a cache of its own reads`, async () => {
      const result = await probe({ preset: 'shared-cache', journal: 'wal', model, busyTimeoutMs: 5000 });
      const shared = byName(result, 'shared');
      assert.match(shared.error?.code ?? '', /^SQLITE_LOCKED/);
      assert.match(shared.error?.message ?? '', /database table is locked/);
      assert.ok((shared.error?.elapsedMs ?? Infinity) < 100, `failed after ${shared.error?.elapsedMs} ms`);
      assert.equal(byName(result, 'own-cache').outcome, 'committed');
      assert.equal(byName(result, 'writer').outcome, 'committed');
      assert.equal(result.rows.found, 1);
      assert.equal(result.verdict.fixes[0]?.kind, 'no-shared-cache');
      assert.doesNotMatch(result.verdict.explanation.join(' '), /deferred transaction/);
    });
  }

  test('processes: connections in separate processes share no cache, so nothing fails', async () => {
    const result = await probe({ preset: 'shared-cache', journal: 'wal', model: 'processes' });
    assert.deepEqual(result.errorCounts, {});
  });

  test("python3's sqlite3 behaves the same: SQLITE_LOCKED at once, a private cache reads", async () => {
    const file = makeItemsDatabase(folder.path, 'wal', 'shared-cache.db');
    const script = `
import json, sqlite3, sys, time
uri = "file:" + sys.argv[1] + "?cache=shared"
writer = sqlite3.connect(uri, uri=True, timeout=5, isolation_level=None)
shared = sqlite3.connect(uri, uri=True, timeout=5, isolation_level=None)
private = sqlite3.connect(sys.argv[1], timeout=5, isolation_level=None)
writer.execute("BEGIN")
writer.execute("INSERT INTO items (name) VALUES ('writer')")
started = time.monotonic()
try:
    shared.execute("SELECT count(*) FROM items").fetchall()
    outcome = {"shared": "read"}
except sqlite3.OperationalError as error:
    outcome = {"shared": str(error), "code": getattr(error, "sqlite_errorcode", None)}
outcome["elapsedMs"] = (time.monotonic() - started) * 1000
outcome["private"] = private.execute("SELECT count(*) FROM items").fetchone()[0]
print(json.dumps(outcome))
`;
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile('python3', ['-c', script, file], (error, out) =>
        error ? reject(new Error(`python3: ${error.message}`)) : resolve(out),
      ),
    );
    const outcome = JSON.parse(stdout) as {
      shared: string;
      code?: number;
      elapsedMs: number;
      private: number;
    };
    assert.match(outcome.shared, /database table is locked/);
    if (outcome.code !== null && outcome.code !== undefined) {
      assert.equal(outcome.code & 0xff, 6, 'a kind of SQLITE_LOCKED');
    }
    assert.ok(outcome.elapsedMs < 100, `python failed after ${outcome.elapsedMs} ms`);
    assert.equal(outcome.private, 20);
  });
});

describe('checkpoint-starvation: a reader keeps its WAL snapshot while writers commit', () => {
  // With no reader, wal_autocheckpoint restarts the WAL at 1000 pages: about 4.1 MB with 4 KiB pages.
  const autoCheckpointBytes = 1000 * 4120;

  test('WAL: every commit succeeds and the WAL grows past the auto-checkpoint size', async () => {
    const result = await probe({ preset: 'checkpoint-starvation', journal: 'wal', model: 'threads' });
    assert.deepEqual(result.errorCounts, {});
    assert.equal(result.rows.found, 2000);
    const samples = result.walBytes ?? [];
    const largest = Math.max(...samples.map((sample) => sample.bytes));
    assert.ok(largest > autoCheckpointBytes * 1.5, `the WAL reached ${largest} bytes`);
    // Sampled over the run: it starts small and the samples rise.
    assert.ok(samples[0].bytes < largest / 2, `the first sample was ${samples[0].bytes} bytes`);
    assert.equal(result.verdict.fixes[0]?.kind, 'bound-reads');
    assert.match(result.verdict.explanation.join(' '), /reader held a read transaction/);
  });

  test('independent clients: 1500 commits by the shell grow the WAL only while python3 holds a read', async (t) => {
    const inserts = "INSERT INTO items (name) VALUES ('shell');\n".repeat(1500);
    const walAfterInserts = async (name: string, withReader: boolean) => {
      const file = makeItemsDatabase(folder.path, 'wal', name);
      if (withReader) {
        await startClient(t, 'python3', [
          '-c',
          'import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1], isolation_level=None)\ndb.execute("BEGIN")\ndb.execute("SELECT count(*) FROM items").fetchall()\nprint("ready", flush=True)\nsys.stdin.readline()\n',
          file,
        ]);
      }
      // The shell reads the -wal size itself after its autocommit INSERTs, before its own close
      // checkpoints and removes the file.
      const stdout = await new Promise<string>((resolve, reject) => {
        const shell = execFile('sqlite3', [file], (error, out) =>
          error ? reject(new Error(error.message)) : resolve(out),
        );
        shell.stdin?.end(`${inserts}.shell stat -c %s '${file}-wal'\n`);
      });
      return Number(stdout.trim().split('\n').pop());
    };
    const free = await walAfterInserts('free.db', false);
    assert.ok(free <= autoCheckpointBytes * 1.1, `with no reader the WAL stayed at ${free} bytes`);
    const pinned = await walAfterInserts('starved.db', true);
    assert.ok(pinned > autoCheckpointBytes * 1.3, `with the reader the WAL reached ${pinned} bytes`);
  });
});

describe('pool: a pool of connections in one process against a writer', () => {
  // A busy timeout of 2 s: requests hold the lock 1 s each, so a third in line would wait 2.5 s; the
  // margins (500 ms either side of the timeout) leave room for a loaded machine.
  const busyTimeoutMs = 2000;
  const pooledFailures = (result: ProbeResult) =>
    result.sessions
      .filter((session) => session.name.startsWith('pool'))
      .reduce((sum, session) => sum + session.transactions.failed, 0);

  for (const journal of ['wal', 'delete'] as const) {
    test(`${journal}: three connections queue at the lock and the last gives up after the busy timeout`, async () => {
      const result = await probe({
        preset: 'pool',
        journal,
        model: 'threads',
        busyTimeoutMs,
        presetOptions: { poolSize: 4 },
      });
      assert.equal(result.config.poolSize, 4);
      assert.equal(result.sessions.filter((session) => session.name.startsWith('pool')).length, 3);
      assert.equal(pooledFailures(result), 1);
      const failed = result.sessions.find((session) => session.outcome === 'failed');
      assert.equal(failed?.error?.code, 'SQLITE_BUSY');
      const elapsed = failed?.error?.elapsedMs ?? 0;
      assert.ok(
        elapsed >= busyTimeoutMs * 0.9,
        `the failing request gave up after ${elapsed} ms, before the timeout`,
      );
      assert.equal(byName(result, 'writer').outcome, 'committed');
      assert.equal(result.rows.found, 1 + poolRequests - 1);
      assert.equal(result.verdict.fixes[0]?.kind, 'single-connection-pool');
      assert.ok(result.verdict.fixes.some((fix) => fix.kind === 'busy-timeout-every-connection'));
      assert.match(result.verdict.explanation.join(' '), /queued at the lock/);
    });
  }

  test('--pool-size 1: the requests queue in the pool and none fails', async () => {
    const result = await probe({
      preset: 'pool',
      journal: 'wal',
      model: 'threads',
      busyTimeoutMs,
      presetOptions: { poolSize: 1 },
    });
    const only = byName(result, 'pool1');
    assert.equal(result.sessions.length, 2);
    assert.deepEqual(only.transactions, { attempted: poolRequests, committed: poolRequests, failed: 0 });
    assert.deepEqual(result.errorCounts, {});
    assert.equal(result.rows.found, 1 + poolRequests);
    // Only the first request met the writer at the lock; the others waited for the connection.
    const longestAtLock = Math.max(...Object.values(only.longestWaitMs).filter((ms) => ms !== undefined));
    assert.ok(longestAtLock < busyTimeoutMs, `waited ${longestAtLock} ms at the lock`);
    assert.match(result.verdict.explanation.join(' '), /queued in the pool/);
  });

  test("python3's sqlite3 with a queue of connections: the same failures at each pool size", async () => {
    // The preset's claim, checked with a client that shares nothing with the probe: python3 threads
    // taking connections from a queue, an outside writer holding its lock, the same times.
    const file = makeItemsDatabase(folder.path, 'wal', 'pool.db');
    const unitMs = busyTimeoutMs / 4;
    const several = await poolWithPython(file, { size: 3, busyTimeoutMs, unitMs, requests: poolRequests });
    assert.deepEqual(
      several.outcomes.filter((outcome) => outcome !== 'committed'),
      ['database is locked'],
    );
    const one = await poolWithPython(file, { size: 1, busyTimeoutMs, unitMs, requests: poolRequests });
    assert.deepEqual(one.outcomes, Array<string>(poolRequests).fill('committed'));
    assert.ok(Math.max(...one.poolWaitsMs) >= unitMs * 2, 'the last request waited in the pool');
  });
});

describe('burst: N writers, K read-then-write transactions each', () => {
  test('deferred: every write is counted as attempted, committed or failed, and the rows found match', async () => {
    const result = await probe({
      preset: 'burst',
      presetOptions: { writers: 4, transactions: 30 },
      journal: 'wal',
    });
    // A deferred BEGIN and a WAL read never wait, so every transaction reaches its INSERT.
    assert.equal(result.rows.attempted, 120);
    const committed = result.sessions.reduce((sum, session) => sum + session.transactions.committed, 0);
    const failed = result.sessions.reduce((sum, session) => sum + session.transactions.failed, 0);
    assert.equal(committed + failed, 120);
    assert.equal(result.rows.committed, committed);
    assert.equal(result.rows.found, committed);
    const errors = Object.values(result.errorCounts).reduce((sum, count) => sum + count, 0);
    assert.equal(errors, failed);
    // What can go wrong here is the deferred upgrade, and the verdict says so.
    assert.deepEqual(
      Object.keys(result.errorCounts).filter(
        (code) => !['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT'].includes(code),
      ),
      [],
    );
    if (failed > 0) {
      assert.equal(result.verdict.fixes[0]?.kind, 'begin-immediate');
    }
  });

  for (const model of ['processes', 'threads'] as const) {
    test(`${model}: sessions that finish fast are not mistaken for sessions that died`, async () => {
      const result = await probe({
        preset: 'burst',
        presetOptions: { writers: 32, transactions: 20 },
        journal: 'wal',
        busyTimeoutMs: 200,
        model,
      });
      const codes = Object.keys(result.errorCounts);
      assert.deepEqual(
        codes.filter((code) => !code.startsWith('SQLITE_')),
        [],
        `only SQLite's codes: ${codes.join(', ')}`,
      );
      assert.equal(result.rows.found, result.rows.committed);
    });
  }

  test('BEGIN IMMEDIATE: all 120 transactions commit', async () => {
    const result = await probe({
      preset: 'burst',
      presetOptions: { writers: 4, transactions: 30 },
      journal: 'wal',
      begin: 'immediate',
    });
    assert.deepEqual(result.rows, { attempted: 120, committed: 120, found: 120 });
    assert.deepEqual(result.errorCounts, {});
  });
});
