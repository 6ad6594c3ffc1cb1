// The driver profiles (src/engine/options/clientProfiles.ts) against the real clients installed here:
// each measured default (busy timeout, where and how BEGIN goes) must be the table's. Then the probe
// with a profile against the same client doing the same thing.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { DatabaseSync } from 'node:sqlite';
import {
  clientProfileFacts,
  clientProfiles,
  settingsForClient,
  type ClientProfile,
  type ClientProfileName,
} from '../src/engine/options/clientProfiles';
import { beginBeforeFirstWrite } from '../src/engine/probe/beginBeforeFirstWrite';
import { runProbe } from '../src/engine/probe/runProbe';
import { holdLockWithPython } from './support/lockHolder';
import { makeItemsDatabase, makeTempFolder, type TempFolder } from './support/tempDatabase';

let folder: TempFolder;
let file: string;
before(() => {
  folder = makeTempFolder();
  file = makeItemsDatabase(folder.path, 'wal');
});
after(() => folder.remove());

function python(script: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile('python3', ['-c', script, ...args], (error, stdout) =>
      error ? reject(new Error(`python3: ${error.message}`)) : resolve(stdout),
    ),
  );
}

/** The busy timeout a fresh connection of the real client has, read back with PRAGMA busy_timeout. */
const measureBusyTimeout: Record<NonNullable<ClientProfile['measuredWith']>, () => Promise<number>> = {
  'python3 sqlite3': async () =>
    Number(
      await python(
        'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA busy_timeout").fetchone()[0])',
        file,
      ),
    ),
  'better-sqlite3': () => {
    const db = new Database(file);
    try {
      return Promise.resolve(Number(db.pragma('busy_timeout', { simple: true })));
    } finally {
      db.close();
    }
  },
  'node:sqlite': () => {
    const db = new DatabaseSync(file);
    try {
      const row = db.prepare('PRAGMA busy_timeout').get() as Record<string, number>;
      return Promise.resolve(Number(Object.values(row)[0]));
    } finally {
      db.close();
    }
  },
  'sqlite3 shell': () =>
    Promise.resolve(Number(execFileSync('sqlite3', [file, 'PRAGMA busy_timeout;'], { encoding: 'utf8' }))),
};

const measured = (Object.keys(clientProfileFacts) as ClientProfileName[]).filter(
  (name) => clientProfileFacts[name].measuredWith !== undefined,
);

describe('each installed client has the busy timeout its profile says', () => {
  test('the profiles measured here are python-sqlite3, better-sqlite3, node-sqlite and c-api', () => {
    assert.deepEqual(measured.sort(), ['better-sqlite3', 'c-api', 'node-sqlite', 'python-sqlite3']);
    // Every profile but "none" has facts, and every fact names a URL.
    for (const name of clientProfiles.values.filter((value) => value !== 'none')) {
      const facts = clientProfileFacts[name];
      for (const fact of [facts.busyTimeoutMs, facts.begin, facts.beginsBeforeFirstWrite]) {
        assert.match(fact.source, /^https:\/\//, name);
      }
    }
  });

  for (const name of measured) {
    const facts = clientProfileFacts[name];
    test(`${name}: ${facts.measuredWith} opens with busy_timeout ${facts.busyTimeoutMs.value}`, async () => {
      const measure = measureBusyTimeout[facts.measuredWith ?? 'sqlite3 shell'];
      assert.equal(await measure(), facts.busyTimeoutMs.value);
    });
  }
});

describe('each installed client begins transactions as its profile says', () => {
  test('python-sqlite3: BEGIN (DEFERRED) is issued just before the first write, not before a read', async () => {
    const traced = await python(
      `
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
statements = []
db.set_trace_callback(statements.append)
db.execute("SELECT count(*) FROM items").fetchall()
after_read = db.in_transaction
db.execute("INSERT INTO items (name) VALUES ('traced')")
after_write = db.in_transaction
db.rollback()
print(json.dumps({"statements": statements, "afterRead": after_read, "afterWrite": after_write}))
`,
      file,
    );
    const { statements, afterRead, afterWrite } = JSON.parse(traced) as {
      statements: string[];
      afterRead: boolean;
      afterWrite: boolean;
    };
    const facts = clientProfileFacts['python-sqlite3'];
    assert.equal(afterRead, !facts.beginsBeforeFirstWrite.value);
    assert.equal(afterWrite, true);
    const beginAt = statements.findIndex((statement) => /^BEGIN/i.test(statement.trim()));
    assert.equal(statements[beginAt + 1]?.startsWith('INSERT'), facts.beginsBeforeFirstWrite.value);
    // A plain BEGIN is SQLite's DEFERRED.
    assert.equal(statements[beginAt].trim(), 'BEGIN');
    assert.equal(facts.begin.value, 'deferred');
  });

  test('better-sqlite3: db.transaction() takes no lock at BEGIN (DEFERRED); .immediate() does', () => {
    const db = new Database(file);
    const other = new Database(file, { timeout: 0 });
    try {
      const otherCanBeginWriting = () => {
        try {
          other.exec('BEGIN IMMEDIATE');
          other.exec('ROLLBACK');
          return true;
        } catch {
          return false;
        }
      };
      const plain = db.transaction(otherCanBeginWriting);
      assert.equal(plain(), clientProfileFacts['better-sqlite3'].begin.value === 'deferred');
      assert.equal(plain.immediate(), false, 'the check can fail: IMMEDIATE holds the write lock');
    } finally {
      other.close();
      db.close();
    }
  });

  test('node:sqlite: no implicit transaction around a write; BEGIN takes no lock (DEFERRED)', () => {
    const db = new DatabaseSync(file);
    const other = new DatabaseSync(file, { timeout: 0 });
    try {
      db.exec("INSERT INTO items (name) VALUES ('autocommit')");
      assert.equal(db.isTransaction, false);
      db.exec('BEGIN');
      other.exec('BEGIN IMMEDIATE');
      other.exec('ROLLBACK');
      db.exec('ROLLBACK');
      assert.equal(clientProfileFacts['node-sqlite'].begin.value, 'deferred');
      assert.equal(clientProfileFacts['node-sqlite'].beginsBeforeFirstWrite.value, false);
    } finally {
      other.close();
      db.close();
    }
  });
});

describe('the probe with a profile does what the real client does', () => {
  test('python-sqlite3 read-then-write against a writer: it waits for the lock, as python3 does', async (t) => {
    // The probe: the upgrade preset, whose read-then-write sessions fail at once with explicit BEGIN.
    const { begin } = settingsForClient('python-sqlite3', {});
    const result = await runProbe({
      database: file,
      preset: 'upgrade',
      model: 'processes',
      journal: 'wal',
      inPlace: false,
      clientProfile: 'python-sqlite3',
      busyTimeoutMs: 1000,
      ...(begin ? { begin } : {}),
    });
    assert.equal(result.config.clientProfile, 'python-sqlite3');
    const early = result.sessions.find((session) => session.name === 'early');
    assert.equal(early?.outcome, 'committed');
    assert.ok((early?.waitedMs ?? 0) >= 100, `early waited ${early?.waitedMs} ms for the writer`);
    assert.deepEqual(result.errorCounts, {});

    // python3 itself: a SELECT, then an INSERT while another process holds the write lock. With
    // Python's own BEGIN placement the INSERT waits the whole timeout; with an explicit BEGIN before
    // the SELECT it fails at once (the deferred upgrade).
    const holder = await holdLockWithPython(file, [
      'BEGIN IMMEDIATE',
      "INSERT INTO items (name) VALUES ('h')",
    ]);
    t.after(() => holder.release());
    const readThenWrite = `
import json, sqlite3, sys, time
explicit = sys.argv[2] == "explicit"
db = sqlite3.connect(sys.argv[1], timeout=1.0, isolation_level=None if explicit else "")
if explicit:
    db.execute("BEGIN")
db.execute("SELECT count(*) FROM items").fetchall()
started = time.monotonic()
try:
    db.execute("INSERT INTO items (name) VALUES ('python')")
    error = None
except sqlite3.OperationalError as failure:
    error = str(failure)
print(json.dumps({"error": error, "elapsedMs": (time.monotonic() - started) * 1000}))
`;
    const implicit = JSON.parse(await python(readThenWrite, file, 'implicit')) as {
      error: string;
      elapsedMs: number;
    };
    const explicit = JSON.parse(await python(readThenWrite, file, 'explicit')) as {
      error: string;
      elapsedMs: number;
    };
    assert.equal(implicit.error, 'database is locked');
    assert.ok(implicit.elapsedMs >= 900, `Python's own BEGIN waited ${implicit.elapsedMs} ms`);
    assert.equal(explicit.error, 'database is locked');
    assert.ok(explicit.elapsedMs < 500, `the explicit BEGIN failed after ${explicit.elapsedMs} ms`);
  });
});

describe('profiles as settings', () => {
  test('explicit values win over the profile; none keeps the probe settings', () => {
    assert.deepEqual(settingsForClient('node-sqlite', {}), {
      busyTimeoutMs: 0,
      begin: 'deferred',
      beginsBeforeFirstWrite: false,
    });
    assert.deepEqual(settingsForClient('rails', { busyTimeoutMs: 200 }), {
      busyTimeoutMs: 200,
      begin: 'immediate',
      beginsBeforeFirstWrite: false,
    });
    assert.deepEqual(settingsForClient('django-immediate', { begin: 'deferred' }).begin, 'deferred');
    assert.deepEqual(settingsForClient('none', {}), { beginsBeforeFirstWrite: false });
  });

  test('BEGIN before the first write: reads before it autocommit, a transaction without a write never begins', () => {
    const readThenWrite = beginBeforeFirstWrite({
      name: 'early',
      steps: [{ op: 'begin', at: 0 }, { op: 'read' }, { op: 'write', at: 300 }, { op: 'commit' }],
    });
    assert.deepEqual(readThenWrite.steps, [
      { op: 'read', at: 0 },
      { op: 'begin', at: 300 },
      { op: 'write' },
      { op: 'commit' },
    ]);
    const reader = beginBeforeFirstWrite({
      name: 'reader',
      steps: [{ op: 'begin', at: 0 }, { op: 'read' }, { op: 'hold', ms: 1000 }, { op: 'commit' }],
    });
    assert.deepEqual(reader.steps, [
      { op: 'read', at: 0 },
      { op: 'hold', ms: 1000 },
    ]);
    const writeFirst = beginBeforeFirstWrite({
      name: 'B',
      steps: [{ op: 'begin', at: 100 }, { op: 'write' }, { op: 'hold', ms: 1000 }, { op: 'commit' }],
    });
    assert.deepEqual(writeFirst.steps, [
      { op: 'begin', at: 100 },
      { op: 'write' },
      { op: 'hold', ms: 1000 },
      { op: 'commit' },
    ]);
  });
});

test('docs/clients.md has a row per profile with its defaults and their sources', () => {
  const docs = readFileSync(join(__dirname, '..', '..', 'docs', 'clients.md'), 'utf8');
  for (const name of Object.keys(clientProfileFacts) as ClientProfileName[]) {
    const facts = clientProfileFacts[name];
    const row = docs.split('\n').find((line) => line.startsWith(`| \`${name}\``));
    assert.ok(row, `a row for ${name}`);
    assert.ok(row.includes(`${facts.busyTimeoutMs.value} ms`), `${name}: busy timeout`);
    assert.ok(row.includes(facts.begin.value.toUpperCase()), `${name}: BEGIN`);
    for (const fact of [facts.busyTimeoutMs, facts.begin, facts.beginsBeforeFirstWrite]) {
      assert.ok(row.includes(fact.source), `${name}: ${fact.source}`);
    }
  }
});
