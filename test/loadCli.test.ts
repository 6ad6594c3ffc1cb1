// `load` against a real app: seedApp.py (Python's standard library: ThreadingHTTPServer + sqlite3, two
// endpoints like the seed's, one holding its write transaction). Rows added equal successful requests,
// failures are counted, with --run the app's "database is locked" lines are counted by kind and the app
// is stopped; bad input is one sentence each.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadResultSchema, type LoadResult } from '../src/engine/load/loadResult';
import { type Recording, recordingSchema } from '../src/engine/record/recordingTypes';
import { isRunning } from './support/processAlive';
import { startCli } from './support/cliProcess';
import { runCli } from './support/runCli';
import { freePort, seedAppArgs, startSeedApp } from './support/seedApp';
import { makeItemsDatabase, readBack, tempFolderFor } from './support/tempDatabase';

/** `load --json` prints the recording made during the load, the load's result in its `load` field and
 * the app's output in its `app` field: the result with its app output put back. */
function parsed(run: { code: number | null; stdout: string; stderr: string }): LoadResult {
  assert.equal(run.code, 0, run.stderr);
  return fromRecording(run.stdout);
}

function fromRecording(stdout: string): LoadResult {
  const recording = JSON.parse(stdout) as Recording;
  assert.equal(recording.schema, recordingSchema);
  const load = recording.load as LoadResult;
  assert.equal(load.schema, loadResultSchema);
  assert.equal(load.app, null, "the app's output is the recording's");
  return { ...load, app: recording.app ?? null };
}

test('two endpoints, one holding its write lock: rows added = successful requests, errors counted', async (t) => {
  const folder = tempFolderFor(t);
  const database = makeItemsDatabase(folder);
  // B holds its write for 1 s; a 100 ms busy timeout makes the requests that overlap it fail.
  const { port } = await startSeedApp(t, database, { holdMs: 1000, busyTimeoutMs: 100 });
  const base = `http://127.0.0.1:${port}`;
  const result = parsed(
    await runCli([
      'load',
      `${base}/session_b`,
      `${base}/session_a`,
      '--db',
      database,
      '--requests',
      '6',
      '--concurrency',
      '3',
      '--json',
    ]),
  );
  assert.equal(result.sent, 6);
  assert.equal(result.successful + result.failed, 6);
  assert.ok(result.successful >= 1, 'the first writer commits');
  assert.ok(result.failed >= 1, 'requests overlapping the 1 s hold fail after 100 ms');
  assert.equal(result.rows.what, 'items');
  assert.equal(result.rows.added, result.successful, result.check.text);
  assert.equal(readBack(database).items.length, 20 + result.successful, 'the file agrees');
  assert.equal(result.check.rowsMatchSuccesses, true);
  assert.equal(
    result.check.text,
    `${result.failed} of 6 requests failed; ${result.successful} ${result.successful === 1 ? 'row was' : 'rows were'} added to items for ${result.successful} successful ${result.successful === 1 ? 'request' : 'requests'}`,
  );
  assert.deepEqual(
    result.byStatus.filter((entry) => entry.status === 500),
    [{ status: 500, count: result.failed }],
  );
  assert.equal(
    result.lockErrorsInResponses['database is locked'],
    result.failed,
    'the app puts the error in its 500 body',
  );
  assert.deepEqual(
    result.perUrl.map((entry) => entry.sent),
    [3, 3],
    'the URLs taken in turn',
  );
  assert.ok(result.latencyMs !== null && result.latencyMs.max >= 900, 'a committed B took its 1 s hold');
  assert.equal(result.app, null);
});

test('load --run starts the app, counts its "database is locked" lines by kind, and stops it', async (t) => {
  const folder = tempFolderFor(t);
  const database = join(folder, 'app.db');
  const port = await freePort();
  // No database yet: the app creates it (and its table) at start-up, before the first count.
  const command = ['python3', ...seedAppArgs(database, port, { holdMs: 800, busyTimeoutMs: 100 })].join(' ');
  const html = join(folder, 'report.html');
  const run = await runCli([
    'load',
    `http://127.0.0.1:${port}/session_b`,
    '--db',
    database,
    '--table',
    'items',
    '--requests',
    '4',
    '--concurrency',
    '4',
    '--run',
    command,
    '--json',
    '--html',
    html,
  ]);
  const result = parsed(run);
  const recording = JSON.parse(run.stdout) as Recording;
  assert.ok(result.failed >= 1 && result.successful >= 1, result.check.text);
  assert.equal(result.rows.added, result.successful);
  const app = result.app;
  assert.ok(app !== null && app.source.kind === 'run');
  const source = app.source;
  assert.equal(app.errorCounts['database is locked'], result.failed, 'one traceback line per failed request');
  const errorLines = app.lines.filter((line) => line.lockError === 'database is locked');
  assert.equal(errorLines.length, result.failed);
  assert.ok(
    errorLines.every(
      (line) => line.text === 'sqlite3.OperationalError: database is locked' && line.pid === source.pid,
    ),
  );
  assert.ok(
    errorLines.every(
      (line) => line.atMs >= result.startMs && line.atMs <= result.startMs + result.durationMs + 1000,
    ),
    'the errors happened during the load, on the same clock',
  );
  assert.equal(source.signal, 'SIGTERM', 'stopped after the load');
  // The recorder ran during the load: the app's lane shows its write locks, where its errors are marked.
  const lane = recording.processes.find((process) => process.pid === source.pid);
  assert.ok(lane !== undefined, 'the app has a lane in the recording');
  assert.ok(
    lane.intervals.some((interval) => interval.state === 'RESERVED' || interval.state === 'EXCLUSIVE'),
  );
  assert.ok(recording.durationMs >= result.durationMs, 'the recording covers the load');
  assert.ok(!isRunning(source.pid), 'the app is gone');
  assert.match(run.stderr, /listening on \d+/, "the app's output passed through to stderr");
  assert.ok(existsSync(html));
});

test('load --log follows the log of an app that runs already and counts its lock errors', async (t) => {
  const folder = tempFolderFor(t);
  const database = makeItemsDatabase(folder);
  const logFile = join(folder, 'app.log');
  const { port } = await startSeedApp(t, database, { holdMs: 800, busyTimeoutMs: 100, logFile });
  const result = parsed(
    await runCli([
      'load',
      `http://127.0.0.1:${port}/session_b`,
      '--db',
      database,
      '--log',
      logFile,
      '--requests',
      '4',
      '--concurrency',
      '4',
      '--json',
    ]),
  );
  assert.ok(result.failed >= 1, result.check.text);
  assert.equal(result.rows.added, result.successful);
  assert.ok(result.app !== null);
  assert.deepEqual(result.app.source, { kind: 'log', file: logFile });
  assert.deepEqual(result.app.errorCounts, { 'database is locked': result.failed });
  assert.ok(
    result.app.lines.some((line) => /"GET \/session_b HTTP\/1.1" 200/.test(line.text)),
    'the access log too',
  );
});

test('rows counted by --count-sql or --table; a writing query or a missing table is one sentence', async (t) => {
  const folder = tempFolderFor(t);
  const database = makeItemsDatabase(folder);
  const { port } = await startSeedApp(t, database, { holdMs: 0 });
  const url = `http://127.0.0.1:${port}/session_b`;
  const counted = parsed(
    await runCli([
      'load',
      url,
      '--db',
      database,
      '--count-sql',
      "SELECT count(*) FROM items WHERE name = '/session_b'",
      '--requests',
      '3',
      '--json',
    ]),
  );
  assert.deepEqual([counted.rows.counted, counted.rows.before, counted.rows.added], ['sql', 0, 3]);
  assert.equal(counted.check.text, 'All 3 requests succeeded; 3 rows were added for 3 successful requests');
  const before = readBack(database).items.length;
  await refused(
    [url, '--db', database, '--count-sql', 'DELETE FROM items'],
    /--count-sql must be one read-only query that returns a count, not "DELETE FROM items"/,
  );
  await refused([url, '--db', database, '--table', 'orders'], /has no table "orders" \(its tables: items\)/);
  assert.equal(readBack(database).items.length, before, 'nothing was deleted, no request was sent');
});

/** Exit code `code`, nothing on stdout, and our last line of stderr is the one sentence (a --run app's
 * own output, passed through, comes before it). */
async function refused(args: string[], sentence: RegExp, code = 2, appLines = 0): Promise<void> {
  const run = await runCli(['load', ...args]);
  assert.equal(run.code, code, run.stderr);
  assert.equal(run.stdout, '');
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, appLines + 1, `one line of ours: ${run.stderr}`);
  assert.match(lines[appLines], /^sqlite-lock-doctor: /);
  assert.match(lines[appLines], sentence);
}

test('bad input is one sentence each, and nothing is sent or written', async (t) => {
  const folder = tempFolderFor(t);
  const database = makeItemsDatabase(folder);
  const html = join(folder, 'never.html');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  await refused(
    ['ftp://127.0.0.1/x', '--db', database],
    /load sends HTTP requests only: "ftp:\/\/127\.0\.0\.1\/x" is a ftp URL/,
  );
  await refused([url], /load needs --db FILE, the database your app writes to/);
  await refused([url, '--db', database, '--header', 'no colon here'], /--header must be NAME:VALUE/);
  await refused([url, '--db', database, '--body', '{not json'], /--body must be JSON/);
  await refused(
    [url, '--db', database, '--log', join(folder, 'missing.log')],
    /missing\.log: does not exist/,
  );
  await refused(
    [url, '--db', database, '--requests', '0'],
    /--requests must be a whole number from 1 to 100000, not "0"/,
  );
  await refused(
    [url, '--db', database, '--html', html],
    new RegExp(`nothing is listening at http://127\\.0\\.0\\.1:${port}`),
    1,
  );
  assert.ok(!existsSync(html));
});

test('a --run app that exits before it listens is one sentence with its last line', async (t) => {
  const folder = tempFolderFor(t);
  const database = makeItemsDatabase(folder);
  const port = await freePort();
  await refused(
    [
      `http://127.0.0.1:${port}/`,
      '--db',
      database,
      '--run',
      `python3 -c "import sys; sys.exit('cannot bind')"`,
    ],
    /the app \(--run\) exited with code 1 before it listened at http:\/\/127\.0\.0\.1:\d+; its last line: cannot bind/,
    1,
    1,
  );
});

test('Ctrl-C during load --run: the report covers what was sent, and the app is stopped', async (t) => {
  const folder = tempFolderFor(t);
  const database = join(folder, 'app.db');
  const port = await freePort();
  // One request at a time, each holding 2 s: the load would take 20 s.
  const command = ['python3', ...seedAppArgs(database, port, { holdMs: 2000 })].join(' ');
  const cli = startCli(t, [
    'load',
    `http://127.0.0.1:${port}/session_b`,
    '--db',
    database,
    '--requests',
    '10',
    '--concurrency',
    '1',
    '--run',
    command,
    '--json',
  ]);
  // Interrupted once the app listens: before or during the first 2 s request, whichever it is by then.
  await cli.untilStderr(/listening on \d+/);
  cli.child.kill('SIGINT');
  assert.equal(await cli.closed, 0, cli.stderr());
  const result = fromRecording(cli.stdout());
  assert.equal(result.cancelled, true);
  assert.ok(result.sent < 10, `sent ${result.sent}`);
  assert.ok(result.app !== null && result.app.source.kind === 'run');
  assert.ok(!isRunning(result.app.source.pid), 'the app is gone');
});
