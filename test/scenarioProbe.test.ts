// Scenario files run by the probe on real files: the user's own SQL on the scratch copy against an
// independent client (python3's sqlite3) that holds the copy's write lock, statements checked on the
// copy before anything runs, and the shipped examples giving the same outcomes as their presets.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { presets, type PresetName } from '../src/engine/options/presets';
import { runProbe, type ProbeOptions } from '../src/engine/probe/runProbe';
import type { ProbeResult, SessionResult } from '../src/engine/probe/probeTypes';
import { readScenarioFile } from '../src/engine/scenario/readScenarioFile';
import { examplePath } from '../src/engine/scenario/scenarioFiles';
import { UserInputError } from '../src/engine/userInputError';
import { stopClient } from './support/readyClient';
import { runCli } from './support/runCli';
import { sqliteShell } from './support/sqliteShell';
import { makeItemsDatabase, sha256, tempFolderFor } from './support/tempDatabase';

const root = join(__dirname, '..', '..');

function accountsDatabase(folder: string): string {
  const file = join(folder, 'bank.db');
  sqliteShell(
    file,
    'CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL CHECK (balance >= 0));' +
      'INSERT INTO accounts VALUES (1, 100), (2, 50);',
  );
  return file;
}

function writeScenario(folder: string, scenario: object): string {
  const file = join(folder, 'bank.lockprobe.json');
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

function byName(result: ProbeResult, name: string): SessionResult {
  const found = result.sessions.find((session) => session.name === name);
  assert.ok(found, `session ${name}`);
  return found;
}

/** Blocks this thread until `file` exists: the probe's onPrepared hook is synchronous. */
function waitForFile(file: string, timeoutMs = 30_000): void {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    assert.ok(Date.now() < deadline, `${file} did not appear within ${timeoutMs / 1000} s`);
    Atomics.wait(cell, 0, 0, 10);
  }
}

// Takes the write lock with an UPDATE, says so with a marker file, and commits on a line on stdin.
const pythonHolder = `
import sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE accounts SET balance = balance + 5 WHERE id = 2")
open(sys.argv[2], "w").close()
sys.stdin.readline()
db.execute("COMMIT")
`;

test("the user's own SQL runs on the copy, against python3 holding the copy's write lock", async (t) => {
  const folder = tempFolderFor(t);
  const database = accountsDatabase(folder);
  const before = sha256(database);
  const update = 'UPDATE accounts SET balance = balance - 10 WHERE id = 1';
  const file = writeScenario(folder, {
    description: 'transfers while another program writes',
    busyTimeoutMs: 10_000,
    sessions: [
      // IMMEDIATE: a deferred transaction's upgrade would fail at once, without waiting (the upgrade preset).
      {
        name: 'transfer',
        begin: 'immediate',
        steps: [{ op: 'begin', at: 0 }, { op: 'write', sql: update }, { op: 'commit' }],
      },
      {
        name: 'overdraw',
        begin: 'immediate',
        steps: [
          { op: 'begin', at: 0 },
          { op: 'write', sql: 'UPDATE accounts SET balance = balance - 1000 WHERE id = 1' },
          { op: 'commit' },
        ],
      },
      {
        name: 'impatient',
        busyTimeoutMs: 100,
        steps: [
          { op: 'begin', at: 200 },
          { op: 'write', sql: 'UPDATE accounts SET balance = balance + 1 WHERE id = 2' },
          { op: 'commit' },
        ],
      },
      { name: 'reader', steps: [{ op: 'read', at: 0, sql: 'SELECT balance FROM accounts WHERE id = 2' }] },
    ],
  });
  const marker = join(folder, 'held');
  let holder: ChildProcessWithoutNullStreams | undefined;
  t.after(() => (holder ? stopClient(holder) : undefined));
  let released = false;
  const result = await runProbe({
    database,
    preset: 'seed',
    model: 'processes',
    journal: 'keep',
    busyTimeoutMs: 10_000,
    inPlace: false,
    scenario: readScenarioFile(file),
    onPrepared: (target) => {
      holder = spawn('python3', ['-c', pythonHolder, target, marker]);
      waitForFile(marker);
    },
    onEvent: (session, event) => {
      // The independent client lets go only once the impatient session gave up (at about 300 ms; the
      // others asked for the lock at 0 ms and wait: a blocked session sends no events until it returns).
      if (session === 'impatient' && event.kind === 'error' && !released) {
        released = true;
        holder?.stdin.write('\n');
      }
    },
  });
  const impatient = byName(result, 'impatient');
  const transfer = byName(result, 'transfer');
  const overdraw = byName(result, 'overdraw');
  assert.equal(impatient.outcome, 'failed');
  assert.equal(impatient.error?.code, 'SQLITE_BUSY');
  assert.equal(transfer.outcome, 'committed');
  assert.ok(
    (transfer.outcomeAtMs ?? 0) > (impatient.error?.atMs ?? Infinity),
    `the transfer committed at ${transfer.outcomeAtMs} ms, after python3 let go (the impatient one failed at ${impatient.error?.atMs} ms)`,
  );
  // The user's CHECK constraint ran: the statement was theirs, on their schema.
  assert.equal(overdraw.error?.code, 'SQLITE_CONSTRAINT_CHECK');
  assert.equal(byName(result, 'reader').outcome, 'committed');
  assert.equal(
    transfer.events.find((event) => event.kind === 'sent' && event.op === 'write')?.sql,
    update,
    "the timeline shows the user's statement",
  );
  assert.deepEqual(result.rows, { attempted: 3, committed: 1, found: 1 });
  assert.equal(result.config.preset, 'scenario');
  assert.deepEqual(result.config.scenario, { file, description: 'transfers while another program writes' });
  // Never the user's file: the same bytes, the same balances read by another client.
  assert.equal(sha256(database), before);
  assert.equal(sqliteShell(database, 'SELECT id, balance FROM accounts ORDER BY id;'), '1|100\n2|50');
});

test('a statement the copy cannot run is found before the run, and --in-place is refused', async (t) => {
  const folder = tempFolderFor(t);
  const database = accountsDatabase(folder);
  const before = sha256(database);
  const base = (sql: string, op = 'write') => ({
    sessions: [
      { name: 'writer', steps: [{ op: 'begin', at: 0 }, { op: 'write' }, { op: 'commit' }] },
      { name: 'mine', steps: [{ op: 'begin', at: 0 }, { op, sql }, { op: 'commit' }] },
    ],
  });
  const cases: [object, string][] = [
    [
      base('UPDATE accounts SET balanse = 0'),
      "session mine's step 2 (/sessions/1/steps/1/sql) fails on the copy of the database: no such column: balanse",
    ],
    [
      base('SELECT * FROM acounts', 'read'),
      "session mine's step 2 (/sessions/1/steps/1/sql) fails on the copy of the database: no such table: acounts",
    ],
    [
      base('UPDTE accounts SET balance = 0'),
      'session mine\'s step 2 (/sessions/1/steps/1/sql) fails on the copy of the database: near "UPDTE": syntax error',
    ],
    [
      base('UPDATE accounts SET balance = 0', 'read'),
      "session mine's step 2 (/sessions/1/steps/1/sql) returns no rows; a read step takes a SELECT (a statement that writes is a write step)",
    ],
    [
      base('SELECT balance FROM accounts'),
      "session mine's step 2 (/sessions/1/steps/1/sql) does not write; a write step takes an INSERT, UPDATE, DELETE or REPLACE (a SELECT is a read step)",
    ],
    [
      base('UPDATE accounts SET balance = ? WHERE id = 1'),
      "session mine's step 2 (/sessions/1/steps/1/sql) takes parameters; write the values into the statement",
    ],
  ];
  for (const [scenario, sentence] of cases) {
    const file = writeScenario(folder, scenario);
    let events = 0;
    await assert.rejects(
      runProbe({
        database,
        preset: 'seed',
        model: 'threads',
        journal: 'keep',
        busyTimeoutMs: 1000,
        inPlace: false,
        scenario: readScenarioFile(file),
        onEvent: () => events++,
      }),
      (error: unknown) =>
        error instanceof UserInputError && error.message === `bank.lockprobe.json: ${sentence}`,
    );
    assert.equal(events, 0, 'no session ran');
  }
  const inPlace = await runCli([
    'probe',
    database,
    '--scenario',
    join(folder, 'bank.lockprobe.json'),
    '--in-place',
  ]);
  assert.equal(inPlace.code, 2);
  assert.equal(
    inPlace.stderr,
    'sqlite-lock-doctor: bank.lockprobe.json: has its own SQL, which runs only on a scratch copy of the database, never --in-place\n',
  );
  assert.equal(sha256(database), before);
});

/** Each session's outcome and first error code: what a user reads off the result. */
function outcomes(result: ProbeResult): Record<string, string> {
  return Object.fromEntries(
    result.sessions.map((session) => [
      session.name,
      `${session.outcome} ${session.error?.code ?? ''}`.trim(),
    ]),
  );
}

// The quick presets (the others run for seconds to minutes, and their schedules are compared exactly in
// test/scenarioFiles.test.ts).
const quickPresets: PresetName[] = ['seed', 'upgrade', 'reader', 'no-timeout', 'shared-cache'];

test('running an example gives the same outcomes as running its preset', async (t) => {
  const folder = tempFolderFor(t);
  const database = makeItemsDatabase(folder);
  for (const preset of quickPresets) {
    assert.ok(presets.values.includes(preset));
    const scenario = readScenarioFile(join(root, examplePath(preset)));
    const options: ProbeOptions = {
      database,
      preset,
      model: scenario.scenario.model ?? 'threads',
      journal: scenario.scenario.journal ?? 'keep',
      busyTimeoutMs: 5000,
      inPlace: false,
    };
    const fromPreset = await runProbe(options);
    const fromExample = await runProbe({ ...options, scenario });
    assert.deepEqual(outcomes(fromExample), outcomes(fromPreset), preset);
    assert.deepEqual(fromExample.errorCounts, fromPreset.errorCounts, preset);
    assert.equal(fromExample.verdict.summary, fromPreset.verdict.summary, preset);
  }
});

test('probe --scenario on the command line: the file gives model and timeout, flags win, --json names the file', async (t) => {
  const folder = tempFolderFor(t);
  const database = makeItemsDatabase(folder);
  const example = join(root, examplePath('no-timeout'));
  const run = await runCli(['probe', database, '--scenario', example, '--model', 'threads', '--json']);
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as ProbeResult;
  assert.equal(result.config.preset, 'scenario');
  assert.equal(result.config.scenario?.file, example);
  assert.equal(result.config.model, 'threads');
  assert.equal(result.config.busyTimeoutMs, 5000);
  assert.equal(byName(result, 'no-timeout').error?.code, 'SQLITE_BUSY');
  assert.equal(byName(result, 'waits').outcome, 'committed');
  const html = join(folder, 'report.html');
  const text = await runCli(['probe', database, '--scenario', example, '--html', html]);
  assert.match(readFileSync(html, 'utf8'), /scenario no-timeout\.lockprobe\.json · processes/);
  assert.match(
    text.stdout,
    new RegExp(`^SQLite lock probe: scenario ${example.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} `),
  );
});
