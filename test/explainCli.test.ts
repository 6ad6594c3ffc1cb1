// `sqlite-lock-doctor explain` as a real process: text, --file, stdin, --json; exit 0 when recognised,
// 1 when not; pasted control characters never reach the terminal; bad input is one sentence.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ExplainJson } from '../src/report/explain/explainJson';
import { startCli } from './support/cliProcess';
import { runCli } from './support/runCli';

const djangoLog = [
  'Internal Server Error: /orders/',
  'Traceback (most recent call last):',
  '  File "/app/venv/lib/python3.12/site-packages/django/db/backends/utils.py", line 105, in _execute',
  '    return self.cursor.execute(sql, params)',
  'sqlite3.OperationalError: database is locked',
  '',
  'The above exception was the direct cause of the following exception:',
  'django.db.utils.OperationalError: database is locked',
  '[2026-12-02 03:00:01] worker 2: Error: SQLITE_BUSY_SNAPSHOT: database is locked',
].join('\n');

test('explain "<text>": the cause, the fix, the driver and the probe command; exit 0', async () => {
  const run = await runCli(['explain', 'sqlite3.OperationalError: database is locked']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Recognised 1 lock-error line in 1 line: one cause\./);
  assert.match(run.stdout, /Another connection held the lock longer than this one waited/);
  assert.match(run.stdout, /From: Python's sqlite3/);
  assert.match(run.stdout, /sqlite3\.connect\(path, timeout=15\)/);
  assert.match(
    run.stdout,
    /Reproduce: sqlite-lock-doctor probe <your\.db> --preset seed --model processes --busy-timeout 250/,
  );
});

test('explain --file LOG --json: one answer per cause, with counts and line numbers (explain@1)', async (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'explain-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const log = join(folder, 'app.log');
  writeFileSync(log, djangoLog);
  const run = await runCli(['explain', '--file', log, '--json']);
  assert.equal(run.code, 0, run.stderr);
  const json = JSON.parse(run.stdout) as ExplainJson;
  assert.equal(json.schema, 'sqlite-lock-doctor/explain@1');
  assert.equal(json.linesRead, 9);
  assert.deepEqual(
    json.answers.map((answer) => [answer.scenario, answer.count, answer.lines, answer.kinds]),
    [
      ['busy-timeout-exceeded', 2, [5, 8], { 'database is locked': 2 }],
      ['deferred-upgrade', 1, [9], { SQLITE_BUSY_SNAPSHOT: 1 }],
    ],
  );
  assert.equal(json.answers[0].sources[0].id, 'django');
  assert.equal(json.answers[1].reproduce?.preset, 'upgrade');
  assert.equal(
    json.answers[1].reproduce?.command,
    'sqlite-lock-doctor probe <your.db> --preset upgrade --model processes',
  );
});

test('explain - reads standard input; a look-alike is "not recognised" with exit 1', async (t) => {
  const cli = startCli(t, ['explain', '-']);
  cli.child.stdin.end('ERROR:  deadlock detected\nHTTP/1.1 423 Locked\nPRAGMA busy_timeout = 5000\n');
  assert.equal(await cli.closed, 1);
  assert.match(cli.stdout(), /^Not recognised: no SQLite lock error .* in these 3 lines\.\n$/);
});

test('explain: control characters in the pasted text never reach the terminal', async () => {
  const run = await runCli([
    'explain',
    'Error: SQLITE_BUSY: database is locked \u001b]0;owned\u0007\u001b[2J',
  ]);
  assert.equal(run.code, 0, run.stderr);
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(run.stdout, /[\u0000-\u0008\u000b-\u001f\u007f]/);
  assert.match(run.stdout, /From: node-sqlite3/);
});

test('explain: bad input is one sentence on stderr and exit 2', async () => {
  const none = await runCli(['explain']);
  assert.equal(none.code, 2);
  assert.equal(
    none.stderr,
    'sqlite-lock-doctor: explain needs the error: explain "<error text>", explain --file LOG, or explain - to read standard input\n',
  );
  const missing = await runCli(['explain', '--file', '/nonexistent/app.log']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'sqlite-lock-doctor: /nonexistent/app.log: no such file\n');
  const both = await runCli(['explain', 'database is locked', '--file', '/tmp/x.log']);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /not both/);
  assert.equal(none.stdout + missing.stdout + both.stdout, '');
});
