// The recorder process for the extension (dist/recorder.js through startRecorder): progress while it
// records (elapsed, samples, holders now), the recording when stopped, one sentence when the file is
// bad, and no process left behind.
import assert from 'node:assert/strict';
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
