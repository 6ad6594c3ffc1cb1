// The recorder against real, independent clients (python3's sqlite3 in processes of their own) with
// known schedules: each lock the clients held shows as an interval within a tolerance of the sampling
// interval plus scheduling noise, the summary names the writer kept in PENDING and its reader, the
// reader that pinned a growing WAL, and the process that came and went.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LockRecorder } from '../src/engine/record/lockRecorder';
import type { LockInterval, Recording } from '../src/engine/record/recordingTypes';
import { runRecording } from '../src/engine/record/runRecording';
import { OperationError } from '../src/engine/userInputError';
import { startScheduledClient } from './support/scheduledClient';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

const intervalMs = 5;
/** A 600 ms hold is recorded as 600 ms ± this: three samples or scheduling noise on a loaded machine. */
const toleranceMs = Math.max(3 * intervalMs, 150);

/**
 * Records until every client is done, then 30 samples more: the processes that ended are seen gone
 * (the recorder checks that idle processes still exist at most every 50 ms).
 */
async function recordWhile(file: string, clients: { done: Promise<unknown> }[]): Promise<Recording> {
  const recorder = new LockRecorder(file, { intervalMs });
  const stopWhen = Promise.all(clients.map((client) => client.done)).then(async () => {
    const samplesThen = recorder.progress().samples;
    while (recorder.progress().samples < samplesThen + 30) {
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  });
  return runRecording(recorder, { stopWhen });
}

/** A wall-clock time (ms since the epoch) on the recording's clock. */
function onRecordingClock(recording: Recording, wallMs: number): number {
  return wallMs - Date.parse(recording.startedAt);
}

function intervalsOf(recording: Recording, pid: number, state: string): LockInterval[] {
  const lane = recording.processes.find((process) => process.pid === pid);
  assert.ok(lane, `a lane for PID ${pid}: ${JSON.stringify(recording.processes.map((p) => p.pid))}`);
  return lane.intervals.filter((interval) => interval.state === state && !interval.waiting);
}

function assertNear(actual: number, expected: number, what: string): void {
  assert.ok(
    Math.abs(actual - expected) <= toleranceMs,
    `${what}: recorded ${actual.toFixed(1)} ms, the client says ${expected.toFixed(1)} ms (± ${toleranceMs})`,
  );
}

describe('recording real clients', { skip: process.platform !== 'linux' && 'needs /proc/locks' }, () => {
  test('rollback mode: SHARED and RESERVED for known times, a writer kept in PENDING by the reader', async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t), 'delete');
    const reader = startScheduledClient(file, [
      { sleep: 0.2 },
      { sql: 'BEGIN' },
      { sql: 'SELECT count(*) FROM items' },
      { mark: 'shared' },
      { sleep: 1.0 },
      { mark: 'release' },
      { sql: 'COMMIT' },
      { sleep: 0.3 },
      { mark: 'closing' },
    ]);
    const writer = startScheduledClient(file, [
      { sleep: 0.4 },
      { sql: 'BEGIN IMMEDIATE' },
      { mark: 'reserved' },
      { sql: "INSERT INTO items (name) VALUES ('w')" },
      { sleep: 0.3 },
      { mark: 'commit' },
      { sql: 'COMMIT' },
      { mark: 'committed' },
      { sleep: 0.2 },
    ]);
    const recording = await recordWhile(file, [reader, writer]);
    const [readerMarks, writerMarks] = await Promise.all([reader.done, writer.done]);
    const clock = (wallMs: number) => onRecordingClock(recording, wallMs);

    const [shared] = intervalsOf(recording, reader.pid, 'SHARED');
    assert.ok(shared, 'the reader held SHARED');
    assertNear(shared.startMs, clock(readerMarks.shared), 'SHARED start');
    assertNear(shared.endMs, clock(readerMarks.release), 'SHARED end');
    assertNear(shared.endMs - shared.startMs, readerMarks.release - readerMarks.shared, 'SHARED held');

    const [reserved] = intervalsOf(recording, writer.pid, 'RESERVED');
    assert.ok(reserved, 'the writer held RESERVED');
    assertNear(reserved.startMs, clock(writerMarks.reserved), 'RESERVED start');
    assertNear(reserved.endMs, clock(writerMarks.commit), 'RESERVED end (PENDING follows)');

    // The commit waited for the reader: PENDING from the COMMIT until the reader let go.
    const [pending] = intervalsOf(recording, writer.pid, 'PENDING');
    assert.ok(pending, 'the writer sat in PENDING');
    assertNear(pending.startMs, clock(writerMarks.commit), 'PENDING start');
    // PENDING ends when the writer takes EXCLUSIVE: after the reader let go (and the writer's busy
    // handler woke), before its COMMIT returned (which also writes and syncs the file, slow under load).
    const pendingEnd = `PENDING end ${pending.endMs.toFixed(1)} ms`;
    assert.ok(
      pending.endMs >= clock(readerMarks.release) - toleranceMs,
      `${pendingEnd}: before the reader let go`,
    );
    assert.ok(
      pending.endMs <= clock(writerMarks.committed) + toleranceMs,
      `${pendingEnd}: after the COMMIT returned`,
    );
    const wait = recording.summary.pendingWaits[0];
    assert.equal(wait?.pid, writer.pid);
    assert.deepEqual(
      wait.readers.map((ref) => ref.pid),
      [reader.pid],
    );
    assert.equal(wait.command, 'python3');

    const hold = recording.summary.longestWriteHolds[0];
    assert.equal(hold.pid, writer.pid);
    assertNear(hold.durationMs, writerMarks.committed - writerMarks.reserved, 'write hold');
    assert.ok(['PENDING', 'EXCLUSIVE'].includes(hold.lock), hold.lock);

    // Idle after its COMMIT, the reader holds nothing but still has the file open: present until it ends.
    const left = recording.summary.left.find((entry) => entry.pid === reader.pid);
    assert.ok(left, JSON.stringify(recording.summary.left));
    assertNear(left.atMs, clock(readerMarks.closing), 'the reader left');
  });

  test('WAL mode: WAL_WRITE and a read snapshot for known times; the reader pinned the growing WAL; a process came and went', async (t) => {
    const file = makeItemsDatabase(tempFolderFor(t), 'wal');
    const reader = startScheduledClient(file, [
      { sleep: 0.2 },
      { sql: 'BEGIN' },
      { sql: 'SELECT count(*) FROM items' },
      { mark: 'snapshot' },
      { sleep: 1.5 },
      { mark: 'release' },
      { sql: 'COMMIT' },
      { sleep: 0.2 },
    ]);
    const writer = startScheduledClient(file, [
      { sleep: 0.4 },
      { sql: 'BEGIN IMMEDIATE' },
      { mark: 'write' },
      { fill: 300 },
      { sleep: 0.6 },
      { mark: 'commit' },
      { sql: 'COMMIT' },
      { mark: 'committed' },
      { sql: 'BEGIN IMMEDIATE' },
      { fill: 300 },
      { sql: 'COMMIT' },
      { sleep: 0.3 },
    ]);
    const visitor = startScheduledClient(file, [
      { sleep: 0.5 },
      { sql: 'SELECT count(*) FROM items' },
      { mark: 'opened' },
      { sleep: 0.5 },
      { mark: 'leaving' },
    ]);
    const recording = await recordWhile(file, [reader, writer, visitor]);
    const [readerMarks, writerMarks, visitorMarks] = await Promise.all([
      reader.done,
      writer.done,
      visitor.done,
    ]);
    const clock = (wallMs: number) => onRecordingClock(recording, wallMs);
    assert.equal(recording.journalMode, 'wal');

    const snapshots = intervalsOf(recording, reader.pid, 'WAL_READ');
    const snapshot = snapshots.sort((a, b) => b.endMs - b.startMs - (a.endMs - a.startMs))[0];
    assert.ok(snapshot, 'the reader held WAL_READ');
    assertNear(snapshot.startMs, clock(readerMarks.snapshot), 'WAL_READ start');
    assertNear(snapshot.endMs, clock(readerMarks.release), 'WAL_READ end');
    // A WAL connection's SHARED lock on the database is presence, not a read.
    assert.deepEqual(intervalsOf(recording, reader.pid, 'SHARED'), []);

    const [writeLock] = intervalsOf(recording, writer.pid, 'WAL_WRITE');
    assert.ok(writeLock, 'the writer held WAL_WRITE');
    assertNear(writeLock.startMs, clock(writerMarks.write), 'WAL_WRITE start');
    assertNear(writeLock.endMs, clock(writerMarks.committed), 'WAL_WRITE end');

    const wal = recording.summary.wal;
    assert.ok(wal && wal.grewBytes > 300 * 1000, `the WAL grew: ${JSON.stringify(wal)}`);
    const pinning = recording.summary.pinningReaders.find((entry) => entry.pid === reader.pid);
    assert.ok(pinning, `the reader pinned the WAL: ${JSON.stringify(recording.summary.pinningReaders)}`);
    assert.ok(pinning.walGrewBytes > 300 * 1000);
    assertNear(pinning.durationMs, readerMarks.release - readerMarks.snapshot, 'pinning snapshot held');
    assert.ok(recording.walSize.length >= 2, 'the -wal size over time');

    const appeared = recording.summary.appeared.find((entry) => entry.pid === visitor.pid);
    const left = recording.summary.left.find((entry) => entry.pid === visitor.pid);
    assert.ok(appeared && left, `the visitor came and went: ${JSON.stringify(recording.summary)}`);
    assertNear(appeared.atMs, clock(visitorMarks.opened), 'appeared');
    assertNear(left.atMs, clock(visitorMarks.leaving), 'left');
    // Its one SELECT was over in less than an interval: a lane that shows it had the file open.
    assert.ok(recording.processes.some((process) => process.pid === visitor.pid));
  });
});

test('where /proc/locks is not there to read: one sentence naming what to use instead', (t) => {
  const file = makeItemsDatabase(tempFolderFor(t), 'delete');
  assert.throws(
    () => new LockRecorder(file, { intervalMs, platform: 'darwin' }),
    (error: unknown) =>
      error instanceof OperationError && /cannot record locks here: macOS .*lsof/.test(error.message),
  );
});
