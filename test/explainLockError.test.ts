// How explain picks the cause from what the text shows around an error: timings, a deferred BEGIN, a
// zero timeout, the driver; and counts per cause. Synthetic texts built like real logs (the real ones
// are in explainCorpus.test.ts).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { classifyLockError } from '../src/engine/appOutput/lockErrorKinds';
import { explainLockError } from '../src/engine/explain/explainLockError';
import { explainScenarios } from '../src/engine/explain/explainScenarios';
import { configuredTimeoutsMs, elapsedMs } from '../src/engine/explain/timingEvidence';

const scenarios = (text: string) => explainLockError(text).answers.map((answer) => answer.scenario.id);

test('timeouts are read only where the unit is known: busy_timeout in ms, Python in s, else a named unit', () => {
  assert.deepEqual(configuredTimeoutsMs('PRAGMA busy_timeout = 5000'), [5000]);
  assert.deepEqual(configuredTimeoutsMs('file:app.db?_busy_timeout=30000&_txlock=deferred'), [30000]);
  assert.deepEqual(configuredTimeoutsMs('busy_timeout: 30_000'), [30000]);
  assert.deepEqual(configuredTimeoutsMs("sqlite3.connect('app.db', timeout=10)"), [10000]);
  assert.deepEqual(configuredTimeoutsMs('timeout: 2s'), [2000]);
  assert.deepEqual(configuredTimeoutsMs('new Database(file, { timeout: 5000 })'), [], 'no unit: not read');
  assert.equal(elapsedMs('failed after 0.8 s'), 800);
  assert.equal(elapsedMs('Completed 500 Internal Server Error in 5060ms'), 5060);
  assert.equal(
    elapsedMs('   (0.3ms)  rollback transaction'),
    undefined,
    "a statement's own time is not the wait",
  );
});

test('an error well before the configured timeout is "failed before the timeout", with the figures', () => {
  const text = [
    'db: opened app.db with busy_timeout=5000',
    'POST /orders failed after 12 ms: sqlite3.OperationalError: database is locked',
  ].join('\n');
  const [answer] = explainLockError(text).answers;
  assert.equal(answer.scenario.id, 'failed-before-timeout');
  assert.equal(answer.evidence, 'it failed after 12 ms with a 5000 ms busy timeout');
  // The same error after waiting the timeout out is the plain case.
  assert.deepEqual(scenarios(text.replace('after 12 ms', 'after 5004 ms')), ['busy-timeout-exceeded']);
});

test('a deferred BEGIN, a SELECT, then the failing write is a deferred upgrade; BEGIN IMMEDIATE is not', () => {
  const log = [
    'DEBUG sql: BEGIN',
    'DEBUG sql: SELECT stock FROM items WHERE id = 7',
    'DEBUG sql: UPDATE items SET stock = 3 WHERE id = 7',
    'ERROR sqlite3.OperationalError: database is locked',
  ];
  assert.deepEqual(scenarios(log.join('\n')), ['deferred-upgrade']);
  assert.deepEqual(scenarios(log.map((line) => line.replace('BEGIN', 'BEGIN IMMEDIATE')).join('\n')), [
    'busy-timeout-exceeded',
  ]);
  // Committed in between: the write began a new transaction.
  assert.deepEqual(scenarios([...log.slice(0, 2), 'DEBUG sql: COMMIT', ...log.slice(2)].join('\n')), [
    'busy-timeout-exceeded',
  ]);
});

test('a busy timeout of 0 in the text is "no timeout"', () => {
  assert.deepEqual(
    scenarios('conn = sqlite3.connect("app.db", timeout=0)\nsqlite3.OperationalError: database is locked'),
    ['no-timeout'],
  );
});

test('several lines: one answer per cause, most lines first, with counts by kind and line numbers', () => {
  const text = [
    'Error: SQLITE_BUSY: database is locked',
    "    at Statement.run { errno: 5, code: 'SQLITE_BUSY' }",
    'Error: SQLITE_BUSY: database is locked',
    'checkpoint: mode=PASSIVE err=database is locked',
    'sqlite error: SQLITE_LOCKED_SHAREDCACHE',
  ].join('\n');
  const explanation = explainLockError(text);
  assert.equal(explanation.linesRead, 5);
  assert.deepEqual(
    explanation.answers.map((answer) => [answer.scenario.id, answer.count, answer.kinds, answer.lines]),
    [
      ['busy-timeout-exceeded', 3, { SQLITE_BUSY: 3 }, [1, 2, 3]],
      ['checkpoint-blocked', 1, { 'checkpoint blocked': 1 }, [4]],
      ['shared-cache-locked', 1, { SQLITE_LOCKED: 1 }, [5]],
    ],
  );
  assert.deepEqual(
    explanation.answers[0].sources.map((source) => source.id),
    ['node-sqlite3'],
  );
});

test("a framework's traceback names the framework, not the driver line it wraps", () => {
  const text = [
    '  File "/srv/venv/lib/python3.12/site-packages/django/db/backends/sqlite3/base.py", line 329, in execute',
    'sqlite3.OperationalError: database is locked',
  ].join('\n');
  assert.deepEqual(
    explainLockError(text).answers[0].sources.map((source) => source.id),
    ['django'],
  );
});

test('the lock-error list knows the new kinds: checkpoint blocked, SQLITE_BUSY_RECOVERY, codes 517 and 261', () => {
  assert.equal(
    classifyLockError('time=... level=ERROR msg="checkpoint: mode=PASSIVE err=database is locked"'),
    'checkpoint blocked',
  );
  assert.equal(classifyLockError('Error: SQLITE_BUSY_RECOVERY: database is locked'), 'SQLITE_BUSY_RECOVERY');
  assert.equal(classifyLockError('error: database is locked (517)'), 'SQLITE_BUSY_SNAPSHOT');
  assert.equal(classifyLockError('error: database is locked (261)'), 'SQLITE_BUSY_RECOVERY');
  assert.equal(classifyLockError('Error code 5: The database file is locked'), 'database is locked');
  assert.equal(classifyLockError('A table in the database is locked'), 'database table is locked');
});

test('empty text, and text with no lock error, are not recognised', () => {
  assert.equal(explainLockError('').recognised, false);
  assert.equal(explainLockError('all good\n').linesRead, 1);
});

test('docs/explain.md has a section for every cause explain can name', () => {
  const docs = readFileSync(join(__dirname, '..', '..', 'docs', 'explain.md'), 'utf8');
  const headings = [...docs.matchAll(/^### ([a-z-]+)$/gm)].map((match) => match[1]);
  assert.deepEqual(
    headings,
    explainScenarios.map((scenario) => scenario.id),
  );
});
