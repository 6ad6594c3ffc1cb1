// `record --run` and `record --log`: the app's lock-error lines on the recording's clock, on the lane of
// the process that printed them; the recording stops when the --run app exits; bad input is one sentence.
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Recording } from '../src/engine/record/recordingTypes';
import { isRunning } from './support/processAlive';
import { startCli } from './support/cliProcess';
import { runCli } from './support/runCli';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

// Holds the write lock about 0.6 s; meanwhile a second connection of its own fails after 200 ms.
const lockerScript = `
import sqlite3, sys, time
holder = sqlite3.connect(sys.argv[1], isolation_level=None)
holder.execute("BEGIN IMMEDIATE")
holder.execute("INSERT INTO items (name) VALUES ('held')")
other = sqlite3.connect(sys.argv[1], timeout=0.2, isolation_level=None)
time.sleep(0.2)
try:
    other.execute("INSERT INTO items (name) VALUES ('blocked')")
except sqlite3.OperationalError as error:
    print("sqlite3.OperationalError:", error, file=sys.stderr, flush=True)
time.sleep(0.2)
holder.execute("COMMIT")
`;

test('record --run: the app error is a mark inside its own lock interval, and the recording ends with the app', async (t) => {
  const folder = tempFolderFor(t);
  const database = makeItemsDatabase(folder);
  const script = join(folder, 'locker.py');
  writeFileSync(script, lockerScript);
  const run = await runCli([
    'record',
    database,
    '--run',
    `python3 ${script} ${database}`,
    '--for',
    '20s',
    '--json',
  ]);
  assert.equal(run.code, 0, run.stderr);
  const recording = JSON.parse(run.stdout) as Recording;
  const app = recording.app;
  assert.ok(app !== undefined && app.source.kind === 'run');
  const source = app.source;
  assert.equal(source.exitCode, 0);
  assert.ok(
    recording.durationMs < 15_000 && run.ms < 15_000,
    `stopped when the app exited, not at --for (${recording.durationMs} ms; the command took ${run.ms} ms)`,
  );
  assert.deepEqual(app.errorCounts, { 'database is locked': 1 });
  const error = app.lines.find((line) => line.lockError !== undefined);
  assert.ok(error !== undefined);
  assert.equal(error.pid, source.pid);
  const lane = recording.processes.find((process) => process.pid === source.pid);
  assert.ok(lane !== undefined, 'the app has a lane: it held the write lock');
  const write = lane.intervals.find((interval) => interval.state === 'RESERVED');
  assert.ok(write !== undefined);
  // The error came while the app held its write lock: on the same clock, within a sampling tolerance.
  assert.ok(
    error.atMs >= write.startMs && error.atMs <= write.endMs + 100,
    `error at ${error.atMs} ms, RESERVED ${write.startMs}–${write.endMs} ms`,
  );
  assert.match(run.stderr, /sqlite3\.OperationalError: database is locked/, 'passed through');
});

test('record --run on a database the app creates at start-up: recording begins once the file is there', async (t) => {
  const folder = tempFolderFor(t);
  const database = join(folder, 'created.db');
  const script = join(folder, 'creator.py');
  writeFileSync(
    script,
    `import sqlite3, sys, time
time.sleep(0.3)
setup = sqlite3.connect(sys.argv[1])
setup.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)")
setup.commit()
setup.close()
time.sleep(0.3)
${lockerScript}`,
  );
  const run = await runCli(['record', database, '--run', `python3 ${script} ${database}`, '--json']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, /Waiting for the app to create .*created\.db/);
  const recording = JSON.parse(run.stdout) as Recording;
  assert.deepEqual(recording.app?.errorCounts, { 'database is locked': 1 });
  const source = recording.app?.source;
  assert.ok(source?.kind === 'run');
  assert.ok(
    recording.processes.some((process) => process.pid === source.pid),
    'the app held its write lock after the file appeared',
  );
});

test('record --log: lines appended while recording, counted by kind', async (t) => {
  const folder = tempFolderFor(t);
  const database = makeItemsDatabase(folder);
  const log = join(folder, 'app.log');
  writeFileSync(log, 'sqlite3.OperationalError: database is locked (before the recording)\n');
  const cli = startCli(t, ['record', database, '--log', log, '--for', '1500ms', '--json']);
  await cli.untilStderr(/Recording locks/);
  appendFileSync(log, 'INFO request\nError: SQLITE_BUSY: database is locked\n');
  assert.equal(await cli.closed, 0, cli.stderr());
  const app = (JSON.parse(cli.stdout()) as Recording).app;
  assert.ok(app !== undefined);
  assert.deepEqual(app.source, { kind: 'log', file: log });
  assert.deepEqual(app.errorCounts, { SQLITE_BUSY: 1 });
  assert.deepEqual(
    app.lines.map((line) => line.text),
    ['INFO request', 'Error: SQLITE_BUSY: database is locked'],
  );
});

test('Ctrl-C during record --run stops the app too, and the recording is still printed', async (t) => {
  const folder = tempFolderFor(t);
  const database = makeItemsDatabase(folder);
  const cli = startCli(t, [
    'record',
    database,
    '--run',
    `python3 -c "import time; print('up', flush=True); time.sleep(60)"`,
    '--json',
  ]);
  await cli.untilStderr(/^up$/m);
  cli.child.kill('SIGINT');
  assert.equal(await cli.closed, 0, cli.stderr());
  const app = (JSON.parse(cli.stdout()) as Recording).app;
  assert.ok(app !== undefined && app.source.kind === 'run');
  assert.equal(app.source.signal, 'SIGTERM');
  assert.ok(!isRunning(app.source.pid), 'the app is gone');
});

test('record with a bad --run or --log is one sentence and writes nothing', async (t) => {
  const folder = tempFolderFor(t);
  const database = makeItemsDatabase(folder);
  const html = join(folder, 'never.html');
  for (const [args, sentence] of [
    [['--run', 'no-such-program-4711'], /--run: "no-such-program-4711" was not found/],
    [['--log', join(folder, 'missing.log')], /missing\.log: does not exist/],
    [['--run', 'true', '--log', join(folder, 'x.log')], /give --run .* or --log .*, not both/],
    [['--run', 'python3 app.py > out.txt'], /runs one program with its arguments, without a shell/],
  ] as const) {
    const run = await runCli(['record', database, ...args, '--html', html]);
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, sentence);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
  }
  assert.ok(!existsSync(html));
});
