// The recorder process for the extension (dist/recorder.js through startRecorder): progress while it
// records (elapsed, samples, holders now), the recording when stopped, one sentence when the file is
// bad, and no process left behind.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { RecorderProgress } from '../src/engine/record/lockRecorder';
import { startRecorder } from '../src/engine/process/startRecorder';
import { UserInputError } from '../src/engine/userInputError';
import { holdLockWithPython } from './support/lockHolder';
import { isRunning } from './support/processAlive';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`${what} did not happen within ${timeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the recorder process', { skip: process.platform !== 'linux' && 'needs /proc/locks' }, () => {
  test('progress while recording, then the recording with the holder’s lane; the process ends', async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t), 'wal');
    const progress: RecorderProgress[] = [];
    const recorder = startRecorder(file, {
      intervalMs: 5,
      progressEveryMs: 50,
      onProgress: (update) => progress.push(update),
    });
    t.after(() => recorder.cancel());
    await recorder.started;
    const holder = await holdLockWithPython(file, ['BEGIN IMMEDIATE']);
    t.after(() => holder.release());
    // The holder shows in the progress once a sample saw it.
    await until(() => progress.some((update) => update.holders >= 1), 'a progress message with a holder');
    const recording = await recorder.stop();
    assert.ok(progress.length >= 2);
    assert.ok(progress.at(-1)!.samples > progress[0].samples, 'samples go up');
    assert.ok(progress.at(-1)!.elapsedMs > progress[0].elapsedMs, 'elapsed time goes up');
    assert.equal(recording.schema, 'sqlite-lock-doctor/recording@1');
    const lane = recording.processes.find((process) => process.pid === holder.pid);
    assert.ok(lane, JSON.stringify(recording.processes));
    assert.ok(lane.intervals.some((interval) => interval.state === 'WAL_WRITE' && interval.openAtEnd));
    assert.ok(recording.samples >= progress.at(-1)!.samples);
    const pid = recorder.pid ?? -1;
    await until(() => !isRunning(pid), 'the recorder process ending');
  });

  test('a missing file: one sentence naming it, and the process ends', async (t) => {
    const missing = join(tempFolderFor(t), 'missing.db');
    const recorder = startRecorder(missing, { intervalMs: 5 });
    await assert.rejects(recorder.started, (error: unknown) => {
      assert.ok(error instanceof UserInputError);
      assert.match(error.message, /missing\.db/);
      return true;
    });
    await assert.rejects(recorder.stop(), UserInputError);
    const pid = recorder.pid ?? -1;
    await until(() => !isRunning(pid), 'the recorder process ending');
  });

  test('cancel ends the process without a recording', async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t), 'delete');
    const recorder = startRecorder(file, { intervalMs: 5 });
    await recorder.started;
    recorder.cancel();
    await assert.rejects(recorder.stop(), /recorder process ended/);
    const pid = recorder.pid ?? -1;
    await until(() => !isRunning(pid), 'the recorder process ending');
  });
});

describe(
  'the recorder process running a command (record --run)',
  { skip: process.platform !== 'linux' && 'needs /proc/locks' },
  () => {
    test('the command’s output comes live, its lock errors and its RESERVED lane are in the recording, which ends when it exits', async (t) => {
      const file = makeItemsDatabase(tempFolderFor(t), 'delete');
      const script = [
        'import sqlite3, sys, time',
        'db = sqlite3.connect(sys.argv[1], isolation_level=None)',
        "db.execute('BEGIN IMMEDIATE')",
        "print('holding the write lock', flush=True)",
        'time.sleep(0.5)',
        "db.execute('COMMIT')",
        "print('sqlite3.OperationalError: database is locked', file=sys.stderr, flush=True)",
      ].join('\n');
      const output: string[] = [];
      const recorder = startRecorder(file, {
        intervalMs: 5,
        run: { command: `python3 -c "${script.replace(/"/g, '\\"')}" ${file}` },
        onAppOutput: (text) => output.push(text),
      });
      t.after(() => recorder.cancel());
      await recorder.started;
      // Nobody calls stop(): the command exits and the recording comes by itself.
      const recording = await recorder.recording;
      assert.match(output.join(''), /holding the write lock/);
      const app = recording.app;
      assert.ok(app && app.source.kind === 'run', JSON.stringify(app?.source));
      assert.equal(app.source.exitCode, 0);
      assert.deepEqual(app.errorCounts, { 'database is locked': 1 });
      const lane = recording.processes.find((process) => process.pid === (app.source as { pid: number }).pid);
      assert.ok(lane, JSON.stringify(recording.processes.map((process) => process.pid)));
      const reserved = lane.intervals.find((interval) => interval.state === 'RESERVED');
      assert.ok(reserved, JSON.stringify(lane.intervals));
      assert.ok(reserved.endMs - reserved.startMs >= 400, `held ${reserved.endMs - reserved.startMs} ms`);
      const pid = recorder.pid ?? -1;
      await until(() => !isRunning(pid), 'the recorder process ending');
    });

    test('stop() and cancel() end the command it started, and nothing else; a command that cannot start is one sentence', async (t) => {
      const file = makeItemsDatabase(tempFolderFor(t), 'wal');
      // Another program running meanwhile: stopping the recording leaves it alone.
      const bystander = spawn('python3', ['-c', 'import time; time.sleep(60)'], { stdio: 'ignore' });
      t.after(() => bystander.kill());
      const recorder = startRecorder(file, {
        intervalMs: 5,
        run: { command: 'python3 -c "import time; print(\'up\', flush=True); time.sleep(60)"' },
      });
      t.after(() => recorder.cancel());
      await recorder.started;
      const recording = await recorder.stop();
      const source = recording.app?.source;
      assert.ok(source?.kind === 'run');
      assert.equal(source.signal, 'SIGTERM');
      assert.equal(isRunning(source.pid), false, 'the command is gone');
      assert.equal(isRunning(bystander.pid ?? -1), true, 'the other program still runs');

      // cancel() (the window closes) ends the command too.
      const output: string[] = [];
      const cancelled = startRecorder(file, {
        intervalMs: 5,
        run: { command: 'python3 -c "import os, time; print(os.getpid(), flush=True); time.sleep(60)"' },
        onAppOutput: (text) => output.push(text),
      });
      await cancelled.started;
      await until(() => /\d+/.test(output.join('')), 'the command printing its PID');
      const commandPid = Number(/\d+/.exec(output.join(''))?.[0]);
      cancelled.cancel();
      await until(() => !isRunning(commandPid), 'the command ending with the recorder');

      const missing = startRecorder(file, {
        intervalMs: 5,
        run: { command: 'no-such-program-here --serve' },
      });
      await assert.rejects(missing.started, (error: unknown) => {
        assert.ok(error instanceof UserInputError);
        assert.match(error.message, /"no-such-program-here" was not found/);
        return true;
      });
    });
  },
);
