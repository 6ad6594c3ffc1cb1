// The app's output: a real child's lines with times and lock errors by kind, passed through, bounded,
// and stopped by process group (SIGKILL after the grace for a child that ignores SIGTERM); a followed
// log across appends, truncation and rotation.
import assert from 'node:assert/strict';
import { appendFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { test } from 'node:test';
import { AppLineStore } from '../src/engine/appOutput/appLineStore';
import type { AppLine } from '../src/engine/appOutput/appOutputTypes';
import { splitCommand } from '../src/engine/appOutput/commandWords';
import { followLog } from '../src/engine/appOutput/followLog';
import { LineSplitter, maxLineChars } from '../src/engine/appOutput/lineSplitter';
import { runApp } from '../src/engine/appOutput/runApp';
import { UserInputError } from '../src/engine/userInputError';
import { isRunning } from './support/processAlive';
import { tempFolderFor } from './support/tempDatabase';

/** Resolves once `check` holds, polling; fails after `timeoutMs`. */
async function until(check: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) {
      assert.fail(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('lines are split across chunks, CRLF and UTF-8 kept whole, an endless line cut', () => {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line));
  const euro = Buffer.from('€');
  splitter.push(Buffer.concat([Buffer.from('first\r\nsec'), euro.subarray(0, 1)]));
  splitter.push(Buffer.concat([euro.subarray(1), Buffer.from('ond\n')]));
  splitter.push(Buffer.from('x'.repeat(maxLineChars * 3)));
  splitter.push(Buffer.from('\nlast'));
  splitter.end();
  assert.deepEqual(lines.slice(0, 2), ['first', 'sec€ond']);
  assert.equal(lines[2].length, maxLineChars + 1);
  assert.ok(lines[2].endsWith('…'));
  assert.equal(lines[3], 'last');
});

test('the store keeps every lock-error line, caps the others and counts what it dropped', () => {
  const store = new AppLineStore({ headLines: 3, tailLines: 4, errorLines: 1000 });
  for (let index = 0; index < 100; index++) {
    store.add({
      atMs: index,
      stream: 'stderr',
      text: index % 10 === 5 ? 'sqlite3.OperationalError: database is locked' : `line ${index}`,
    });
  }
  const { lines, droppedLines, errorCounts } = store.contents();
  assert.deepEqual(errorCounts, { 'database is locked': 10 });
  assert.equal(lines.filter((line) => line.lockError !== undefined).length, 10);
  const others = lines.filter((line) => line.lockError === undefined).map((line) => line.text);
  assert.deepEqual(others, ['line 0', 'line 1', 'line 2', 'line 96', 'line 97', 'line 98', 'line 99']);
  assert.equal(droppedLines, 90 - 7);
  assert.deepEqual(
    lines.map((line) => line.atMs),
    [...lines.map((line) => line.atMs)].sort((a, b) => a - b),
    'in time order',
  );
});

test('--run is split as a shell would, without running one', () => {
  assert.deepEqual(
    splitCommand('--run', `PORT=8000 uvicorn "app:app" --root-path '/a b' $HOME_X`, { HOME_X: '/home/x' }),
    {
      program: 'uvicorn',
      args: ['app:app', '--root-path', '/a b', '/home/x'],
      env: { PORT: '8000' },
    },
  );
  assert.throws(
    () => splitCommand('--run', 'python app.py | tee log'),
    (error: unknown) => {
      assert.ok(error instanceof UserInputError);
      assert.match(error.message, /without a shell, so "\|" has no meaning.*sh -c/);
      return true;
    },
  );
  assert.throws(() => splitCommand('--run', '   '), /--run needs a command/);
});

const appScript = `
import sys, time
print("starting", flush=True)
time.sleep(0.3)
sys.stderr.write("Traceback (most recent call last):\\n")
sys.stderr.write("sqlite3.OperationalError: database is locked\\n")
sys.stderr.flush()
print("Error: SQLITE_BUSY: database is locked", flush=True)
print("done", flush=True)
`;

test('a run child: lines timed on the caller clock, errors by kind, output passed through, exit recorded', async () => {
  const t0Ms = performance.now();
  const nowMs = () => performance.now() - t0Ms;
  const passed = new PassThrough();
  let copied = '';
  passed.on('data', (chunk: Buffer) => (copied += chunk.toString()));
  const seen: AppLine[] = [];
  const app = await runApp(`python3 -c '${appScript}'`, {
    nowMs,
    passThrough: passed,
    onLine: (line) => seen.push(line),
  });
  const exit = await app.exited;
  await until(() => seen.some((line) => line.text === 'done'), 'the last line');
  assert.deepEqual(exit, { exitCode: 0, signal: null });
  const output = app.output();
  assert.deepEqual(output.errorCounts, { 'database is locked': 1, SQLITE_BUSY: 1 });
  const starting = output.lines.find((line) => line.text === 'starting');
  const locked = output.lines.find((line) => line.lockError === 'database is locked');
  assert.ok(starting && locked);
  assert.equal(locked.stream, 'stderr');
  assert.equal(locked.pid, app.pid);
  // The child slept 300 ms between the two: times are on one clock, in order, with scheduling noise.
  assert.ok(locked.atMs - starting.atMs >= 250, `${starting.atMs} then ${locked.atMs}`);
  assert.ok(locked.atMs <= performance.now() - t0Ms);
  assert.match(copied, /starting\n/);
  assert.match(copied, /sqlite3\.OperationalError: database is locked\n/);
  assert.deepEqual(output.source, {
    kind: 'run',
    command: `python3 -c '${appScript}'`,
    pid: app.pid,
    exitCode: 0,
    signal: null,
  });
});

const stubbornScript = `
import signal, subprocess, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
worker = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
print("worker", worker.pid, flush=True)
time.sleep(60)
`;

test('stop ends the child and what it started: SIGTERM, then SIGKILL after the grace', async () => {
  const seen: string[] = [];
  const app = await runApp(`python3 -c '${stubbornScript}'`, {
    nowMs: () => 0,
    onLine: (line) => seen.push(line.text),
  });
  await until(() => seen.some((text) => text.startsWith('worker ')), 'the worker');
  const workerPid = Number(seen.find((text) => text.startsWith('worker '))?.split(' ')[1]);
  assert.ok(isRunning(workerPid));
  const started = performance.now();
  const exit = await app.stop(300);
  assert.equal(exit.signal, 'SIGKILL', 'it ignored SIGTERM');
  assert.ok(performance.now() - started >= 250, 'the grace period was given');
  await until(() => !isRunning(workerPid), 'the worker to end');
  assert.ok(!isRunning(app.pid));
});

test('a command that does not exist is one sentence', async () => {
  await assert.rejects(runApp('no-such-program-4711 --flag', { nowMs: () => 0 }), (error: unknown) => {
    assert.ok(error instanceof UserInputError);
    assert.equal(error.message, '--run: "no-such-program-4711" was not found (not a file, nor on PATH)');
    return true;
  });
});

test('a followed log: only lines after the start, then across truncation and rotation', async (t) => {
  const folder = tempFolderFor(t);
  const file = join(folder, 'app.log');
  writeFileSync(file, 'old line: database is locked\n');
  const seen: AppLine[] = [];
  const log = followLog(file, { nowMs: () => 0, pollMs: 20, onLine: (line) => seen.push(line) });
  t.after(() => log.stop());
  appendFileSync(file, 'INFO started\nERROR sqlite3.OperationalError: database is locked\npartial');
  await until(() => seen.length === 2, 'two new lines');
  appendFileSync(file, ' line\n');
  await until(() => seen.length === 3, 'the completed line');
  truncateSync(file, 0);
  appendFileSync(file, 'after truncation: SQLITE_BUSY\n');
  await until(() => seen.length === 4, 'the line after truncation');
  renameSync(file, `${file}.1`);
  appendFileSync(`${file}.1`, 'last line of the old file\n');
  writeFileSync(file, 'first line of the new file\n');
  await until(() => seen.length === 6, 'the lines around rotation');
  const output = log.stop();
  assert.deepEqual(
    seen.map((line) => line.text),
    [
      'INFO started',
      'ERROR sqlite3.OperationalError: database is locked',
      'partial line',
      'after truncation: SQLITE_BUSY',
      'last line of the old file',
      'first line of the new file',
    ],
  );
  assert.deepEqual(output.errorCounts, { 'database is locked': 1, SQLITE_BUSY: 1 });
  assert.deepEqual(output.source, { kind: 'log', file });
  assert.ok(seen.every((line) => line.stream === 'log'));
});

test('a log file that does not exist is one sentence', () => {
  assert.throws(
    () => followLog('/nonexistent/app.log', { nowMs: () => 0 }),
    /^UserInputError: \/nonexistent\/app.log: does not exist/,
  );
});
