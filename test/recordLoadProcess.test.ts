// The load test as the extension runs it: in an engine child process (callEngine 'recordLoad'), never in
// the caller's, with the recorder running; progress (requests done, failed) while it runs, and the
// recording with the load's result. Against seedApp.py, a real app writing with SQLite.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LoadResult } from '../src/engine/load/loadResult';
import { callEngine } from '../src/engine/process/callEngine';
import { startSeedApp } from './support/seedApp';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

test(
  'recordLoad in a child: progress, then the recording with the app’s lanes and the load result',
  { skip: process.platform !== 'linux' && 'needs /proc/locks' },
  async (t) => {
    const database = makeItemsDatabase(tempFolderFor(t));
    const { port, child } = await startSeedApp(t, database, { holdMs: 600, busyTimeoutMs: 100 });
    const base = `http://127.0.0.1:${port}`;
    const progress: [number, number][] = [];
    const recorded = await callEngine(
      {
        type: 'recordLoad',
        options: {
          urls: [`${base}/session_b`, `${base}/session_a`],
          database,
          requests: 8,
          concurrency: 4,
        },
        intervalMs: 5,
      },
      { onLoadProgress: (done, failed) => progress.push([done, failed]) },
    );
    const result = recorded.recording?.load as LoadResult;
    assert.ok(recorded.recording, recorded.noRecording);
    assert.equal(result, recorded.recording.load);
    assert.equal(recorded.result.sent, 8);
    assert.equal(result.rows.added, result.successful, result.check.text);
    assert.ok(progress.length >= 1, 'at least one progress message');
    assert.ok(
      progress.every(([done, failed]) => done >= 1 && done <= 8 && failed <= done),
      JSON.stringify(progress),
    );
    // The app's process (the python3 server) holds its write locks in the recording.
    const lane = recorded.recording.processes.find((process) => process.pid === child.pid);
    assert.ok(lane, JSON.stringify(recorded.recording.processes.map((process) => process.pid)));
    assert.ok(lane.intervals.some((interval) => interval.state === 'RESERVED'));
    // The caller never had the file open: only the app (and nobody else) is in the recording.
    assert.equal(
      recorded.recording.processes.some((process) => process.pid === globalThis.process.pid),
      false,
    );
  },
);

test(
  'cancelling recordLoad stops sending; the answer says so and counts what was sent',
  { skip: process.platform !== 'linux' && 'needs /proc/locks' },
  async (t) => {
    const database = makeItemsDatabase(tempFolderFor(t));
    // Every request holds the write lock 300 ms: 40 of them, 1 at a time, would take 12 s.
    const { port } = await startSeedApp(t, database, { holdMs: 300, busyTimeoutMs: 5000 });
    const cancel = new AbortController();
    const recorded = await callEngine(
      {
        type: 'recordLoad',
        options: { urls: [`http://127.0.0.1:${port}/session_b`], database, requests: 40, concurrency: 1 },
        intervalMs: 5,
      },
      {
        signal: cancel.signal,
        onLoadProgress: (done) => {
          if (done >= 2) {
            cancel.abort();
          }
        },
      },
    );
    assert.equal(recorded.result.cancelled, true);
    assert.ok(recorded.result.sent < 40, `sent ${recorded.result.sent}`);
    assert.equal(recorded.result.rows.added, recorded.result.successful, recorded.result.check.text);
  },
);

test('recordLoad refuses anything but http(s) in one sentence, before sending anything', async (t) => {
  const database = makeItemsDatabase(tempFolderFor(t));
  await assert.rejects(
    callEngine({
      type: 'recordLoad',
      options: { urls: ['file:///etc/passwd'], database, requests: 1, concurrency: 1 },
      intervalMs: 5,
    }),
    /load sends HTTP requests only: "file:\/\/\/etc\/passwd" is a file URL/,
  );
});
