// Samples to intervals and the summary, on synthetic samples (no /proc, no clock): each interval's
// estimated start and end, WAL connections as presence, PENDING waits, WAL growth with the readers
// pinning it, processes appearing and leaving, kernel waiters, and the bound on intervals.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProcessName } from '../src/engine/locks/processNames';
import { RecordingBuilder, type SampledHolder } from '../src/engine/record/recordingBuilder';
import { defaultRecordingCaps } from '../src/engine/record/recordingCaps';
import { hourOfBusyApp } from '../bench/hourOfBusyApp';

const names: Record<number, ProcessName> = {
  10: { command: 'writer', commandLine: 'python3 writer.py' },
  20: { command: 'reader', commandLine: 'python3 reader.py' },
  30: { command: 'late', commandLine: 'python3 late.py' },
};
const nameOf = (pid: number): ProcessName => names[pid] ?? { command: null, commandLine: null };

const reserved = (pid: number): SampledHolder => ({ pid, file: 'db', lock: 'RESERVED', waiting: false });
const pending = (pid: number): SampledHolder => ({ pid, file: 'db', lock: 'PENDING', waiting: false });
const shared = (pid: number): SampledHolder => ({ pid, file: 'db', lock: 'SHARED', waiting: false });
const walOpen = (pid: number): SampledHolder[] => [
  { pid, file: 'db', lock: 'SHARED', waiting: false },
  { pid, file: 'shm', lock: 'OPEN', waiting: false },
];
const walRead = (pid: number, slot: number): SampledHolder => ({
  pid,
  file: 'shm',
  lock: 'WAL_READ',
  readSlot: slot,
  waiting: false,
});
const walWrite = (pid: number): SampledHolder => ({ pid, file: 'shm', lock: 'WAL_WRITE', waiting: false });

/** Feeds one sample per step, `intervalMs` apart: `at(step)` gives the holders of that step. */
function record(
  steps: number,
  at: (step: number) => SampledHolder[],
  options: {
    intervalMs?: number;
    wal?: (step: number) => number | null;
    caps?: typeof defaultRecordingCaps;
  } = {},
) {
  const intervalMs = options.intervalMs ?? 5;
  const builder = new RecordingBuilder(intervalMs, nameOf, options.caps);
  let last: SampledHolder[] | undefined;
  let lastKey = '';
  for (let step = 0; step < steps; step++) {
    const holders = at(step);
    // Like the sampler: the same array while nothing changed.
    const key = JSON.stringify(holders);
    if (key !== lastKey) {
      last = holders;
      lastKey = key;
    }
    builder.add({ atMs: step * intervalMs, holders: last ?? holders, walBytes: options.wal?.(step) ?? null });
  }
  return builder.finish();
}

describe('samples to intervals', () => {
  test('a lock seen from step 10 to 129 is one interval, ends half-way between samples', () => {
    const parts = record(200, (step) => (step >= 10 && step < 130 ? [reserved(10)] : []));
    const lane = parts.processes.find((process) => process.pid === 10);
    assert.ok(lane);
    assert.deepEqual(lane.intervals, [{ state: 'RESERVED', file: 'db', startMs: 47.5, endMs: 647.5 }]);
    assert.equal(lane.firstSeenMs, 47.5);
    assert.equal(lane.lastSeenMs, 645);
    assert.equal(lane.presentAtEnd, false);
    assert.equal(parts.samples, 200);
    assert.equal(parts.durationMs, 995);
    assert.equal(parts.summary.longestWriteHolds[0].durationMs, 600);
  });

  test('held at the start and at the end: flagged, from the first to the last sample', () => {
    const parts = record(50, () => [reserved(10)]);
    assert.deepEqual(parts.processes[0].intervals, [
      { state: 'RESERVED', file: 'db', startMs: 0, endMs: 245, openAtStart: true, openAtEnd: true },
    ]);
    assert.equal(parts.summary.longestWriteHolds[0].openAtEnd, true);
  });

  test("a WAL connection's SHARED lock and -shm OPEN are presence, not intervals", () => {
    const parts = record(40, (step) => [
      ...walOpen(20),
      ...(step >= 10 && step < 20 ? [walRead(20, 1)] : []),
    ]);
    const lane = parts.processes[0];
    assert.equal(lane.pid, 20);
    assert.deepEqual(
      lane.intervals.map((interval) => [interval.state, interval.slot, interval.startMs, interval.endMs]),
      [['WAL_READ', 1, 47.5, 97.5]],
    );
    assert.equal(lane.openedOnly, undefined);
    const idle = record(10, () => walOpen(20)).processes[0];
    assert.deepEqual(idle.intervals, []);
    assert.equal(idle.openedOnly, true);
  });

  test('a write hold from RESERVED through PENDING to EXCLUSIVE is one hold that lists each state it went through', () => {
    const parts = record(100, (step) => {
      if (step >= 10 && step < 30) {
        return [reserved(10)];
      }
      if (step >= 30 && step < 60) {
        return [pending(10), shared(20)];
      }
      if (step >= 60 && step < 62) {
        return [{ pid: 10, file: 'db', lock: 'EXCLUSIVE', waiting: false }];
      }
      return [];
    });
    assert.deepEqual(
      parts.summary.longestWriteHolds.map((hold) => [hold.pid, hold.lock, hold.startMs, hold.endMs]),
      [[10, 'EXCLUSIVE', 47.5, 307.5]],
    );
    // Named by where it spent its time too, not as if it had been EXCLUSIVE throughout.
    assert.deepEqual(parts.summary.longestWriteHolds[0].states, ['RESERVED', 'PENDING', 'EXCLUSIVE']);
    assert.equal(parts.summary.pendingWaitCount, 1);
    const wait = parts.summary.pendingWaits[0];
    assert.deepEqual([wait.pid, wait.startMs, wait.endMs, wait.durationMs], [10, 147.5, 297.5, 150]);
    assert.deepEqual(wait.readers, [{ pid: 20, command: 'reader' }]);
    const states = parts.processes.find((process) => process.pid === 10)?.intervals.map((i) => i.state);
    assert.deepEqual(states, ['RESERVED', 'PENDING', 'EXCLUSIVE']);
  });

  test('PENDING with no reader in the way is not a wait', () => {
    const parts = record(20, (step) => (step === 5 ? [pending(10)] : []));
    assert.equal(parts.summary.pendingWaitCount, 0);
  });

  test('WAL growth while a snapshot is held: the reader is named with the bytes it pinned', () => {
    const parts = record(
      100,
      (step) => [
        ...walOpen(10),
        ...walOpen(20),
        ...(step >= 10 && step < 80 ? [walRead(20, 2)] : []),
        ...(step >= 20 && step < 70 ? [walWrite(10), walRead(10, 1)] : []),
      ],
      { wal: (step) => (step < 30 ? 0 : 32 + Math.min(step - 30, 40) * 4120) },
    );
    const wal = parts.summary.wal;
    assert.ok(wal);
    assert.equal(wal.startBytes, 0);
    assert.equal(wal.maxBytes, 32 + 40 * 4120);
    assert.equal(wal.grewBytes, 32 + 40 * 4120);
    // The writer's own snapshot grew with its own writes: not a pinning reader.
    assert.equal(parts.summary.pinningReaders.length, 1);
    const reader = parts.summary.pinningReaders[0];
    assert.deepEqual([reader.pid, reader.slot, reader.startMs, reader.endMs], [20, 2, 47.5, 397.5]);
    assert.equal(reader.walGrewBytes, 32 + 40 * 4120);
    assert.equal(parts.summary.longestWriteHolds[0].lock, 'WAL_WRITE');
    assert.equal(parts.summary.longestWriteHolds[0].durationMs, 250);
    // Change points only.
    assert.equal(parts.walSize.length, 42);
  });

  test('checkpoints and recoveries: counted, the longest named', () => {
    const parts = record(60, (step) => [
      ...walOpen(10),
      ...(step >= 5 && step < 7
        ? [{ pid: 10, file: 'shm' as const, lock: 'WAL_RECOVER' as const, waiting: false }]
        : []),
      ...(step >= 10 && step < 12
        ? [{ pid: 10, file: 'shm' as const, lock: 'WAL_CKPT' as const, waiting: false }]
        : []),
      ...(step >= 30 && step < 40
        ? [{ pid: 10, file: 'shm' as const, lock: 'WAL_CKPT' as const, waiting: false }]
        : []),
    ]);
    assert.deepEqual(parts.summary.checkpoints, {
      count: 2,
      longest: { pid: 10, command: 'writer', startMs: 147.5, durationMs: 50 },
    });
    assert.deepEqual(parts.summary.recoveries, {
      count: 1,
      longest: { pid: 10, command: 'writer', startMs: 22.5, durationMs: 10 },
    });
    assert.deepEqual(record(5, () => walOpen(10)).summary.checkpoints, { count: 0 });
  });

  test('processes that appeared and left', () => {
    const parts = record(100, (step) => [...walOpen(10), ...(step >= 20 && step < 60 ? walOpen(30) : [])]);
    assert.deepEqual(parts.summary.appeared, [{ pid: 30, command: 'late', atMs: 97.5 }]);
    assert.deepEqual(parts.summary.left, [{ pid: 30, command: 'late', atMs: 295 }]);
    assert.equal(parts.summary.appearedCount, 1);
    assert.equal(parts.summary.leftCount, 1);
    const late = parts.processes.find((process) => process.pid === 30);
    assert.equal(late?.presentAtStart, false);
    assert.equal(late?.presentAtEnd, false);
  });

  test('a kernel waiter (->) is a waiting interval and counted', () => {
    const parts = record(30, (step) =>
      step >= 5 && step < 15 ? [reserved(10), { pid: 20, file: 'db', lock: 'RESERVED', waiting: true }] : [],
    );
    const waiter = parts.processes.find((process) => process.pid === 20);
    assert.deepEqual(waiter?.intervals, [
      { state: 'RESERVED', file: 'db', startMs: 22.5, endMs: 72.5, waiting: true },
    ]);
    assert.equal(parts.summary.kernelWaits, 1);
    // A wait is not a hold.
    assert.deepEqual(
      parts.summary.longestWriteHolds.map((hold) => hold.pid),
      [10],
    );
  });
});

describe('bounded for an hour of a busy app', () => {
  test('past the cap, short intervals merge into counted spans; the summary stays exact', () => {
    const caps = { ...defaultRecordingCaps, maxIntervals: 200 };
    // 1000 short transactions (2 samples each, 3 apart) and one long hold in the middle.
    const parts = record(
      3000,
      (step) => {
        if (step >= 1500 && step < 1700) {
          return [reserved(10)];
        }
        return step % 3 === 0 ? [reserved(10)] : [];
      },
      { caps },
    );
    const intervals = parts.processes[0].intervals;
    assert.ok(intervals.length <= 200, `${intervals.length} intervals kept`);
    assert.ok(parts.mergedIntervals > 0);
    assert.ok(parts.intervalResolutionMs >= 20);
    const counted = intervals.reduce((sum, interval) => sum + (interval.merged ?? 1), 0);
    assert.equal(counted, parts.summary.writeHolds.count, 'every interval is counted in some span');
    assert.equal(parts.summary.writeHolds.count, 934);
    assert.equal(parts.summary.longestWriteHolds[0].durationMs, 1000);
    assert.ok(intervals.every((interval) => interval.endMs >= interval.startMs));
  });

  test('ten minutes of 40 busy connections at 10 ms: lanes, JSON and spans stay bounded', () => {
    // The same synthetic app as the benchmark's hour (npm run bench -- --record), a sixth of it.
    const result = hourOfBusyApp(10, 40, 10);
    assert.equal(result.samples, 60_000);
    assert.ok(result.writeHolds > 30_000, `${result.writeHolds} write holds`);
    assert.ok(result.intervalsKept <= defaultRecordingCaps.maxIntervals, `${result.intervalsKept} intervals`);
    assert.ok(result.mergedIntervals > 0);
    assert.ok(result.jsonBytes < 4 * 1024 * 1024, `${result.jsonBytes} bytes of JSON`);
  });
});
