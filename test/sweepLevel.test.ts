// A sweep level from a probe's request records: counts, lock errors by code and nearest-rank latency,
// from synthetic records whose answers are worked out by hand.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProbeResult, RequestRecord } from '../src/engine/probe/probeTypes';
import { sweepLevel } from '../src/engine/sweep/sweepLevel';

function record(index: number, startMs: number, endMs: number, code?: string): RequestRecord {
  return {
    index,
    kind: index % 2 === 0 ? 'A' : 'B',
    client: `client ${(index % 2) + 1}`,
    iteration: Math.floor(index / 2),
    startMs,
    endMs,
    outcome: code ? 'failed' : 'succeeded',
    ...(code ? { code, message: 'database is locked' } : {}),
  };
}

test('a level counts successes and lock errors and takes nearest-rank latencies', () => {
  // Latencies 10, 1000, 20, 5000 (BUSY), 30, 5100 (BUSY), 40, 1010, 50, 6 (LOCKED).
  const requests = [
    record(0, 0, 10),
    record(1, 0, 1000),
    record(2, 10, 30),
    record(3, 1000, 6000, 'SQLITE_BUSY'),
    record(4, 30, 60),
    record(5, 6000, 11_100, 'SQLITE_BUSY'),
    record(6, 60, 100),
    record(7, 11_100, 12_110),
    record(8, 100, 150),
    record(9, 150, 156, 'SQLITE_LOCKED'),
  ];
  const level = sweepLevel(2, { requests } as unknown as ProbeResult);
  assert.equal(level.clients, 2);
  assert.equal(level.requests, 10);
  assert.equal(level.succeeded, 7);
  assert.equal(level.failed, 3);
  assert.deepEqual(level.lockErrors, { SQLITE_BUSY: 2, SQLITE_LOCKED: 1 });
  // Sorted: 6 10 20 30 40 50 1000 1010 5000 5100: p50 = 5th = 40, p95 = 10th = 5100.
  assert.deepEqual(level.latencyMs, { p50: 40, p95: 5100, max: 5100 });
  assert.equal(level.wallMs, 12_110);
});

test('a level without requests (cancelled at once) reports zeros, not NaN', () => {
  const level = sweepLevel(4, { requests: [] } as unknown as ProbeResult);
  assert.deepEqual(level, {
    clients: 4,
    requests: 0,
    succeeded: 0,
    failed: 0,
    lockErrors: {},
    latencyMs: { p50: 0, p95: 0, max: 0 },
    wallMs: 0,
  });
});
