// Events in columns (src/engine/probe/eventBatch.ts) come out exactly as the session emitted them, and
// a log filled from batches is the log filled event by event.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchEvents, EventBatchWriter, logBatch } from '../src/engine/probe/eventBatch';
import type { TimelineEvent } from '../src/engine/probe/probeTypes';
import { keptEventsPerSession, SessionLog } from '../src/engine/probe/sessionLog';

function burstEvents(transactions: number): TimelineEvent[] {
  const events: TimelineEvent[] = [{ tUs: 3, kind: 'start', lock: 'none', pid: 42, threadId: 0 }];
  let t = 10;
  for (let iteration = 0; iteration < transactions; iteration++) {
    events.push(
      {
        tUs: t,
        kind: 'sent',
        op: 'begin',
        sql: 'BEGIN IMMEDIATE',
        iteration,
        wants: 'RESERVED',
        lock: 'none',
      },
      { tUs: t + 7, kind: 'begin', op: 'begin', iteration, lock: 'RESERVED', elapsedUs: 7 },
      {
        tUs: t + 8,
        kind: 'sent',
        op: 'write',
        sql: 'INSERT INTO "t" VALUES (?)',
        iteration,
        wants: 'RESERVED',
        lock: 'RESERVED',
      },
    );
    if (iteration % 97 === 5) {
      events.push({
        tUs: t + 5008.5,
        kind: 'error',
        op: 'write',
        iteration,
        lock: 'RESERVED',
        elapsedUs: 5000.5,
        code: 'SQLITE_BUSY',
        errno: 5,
        message: 'database is locked',
      });
      events.push({ tUs: t + 5010, kind: 'rollback', op: 'rollback', iteration, lock: 'none', elapsedUs: 1 });
    } else {
      events.push(
        { tUs: t + 9, kind: 'returned', op: 'write', iteration, lock: 'RESERVED', elapsedUs: 1 },
        {
          tUs: t + 10,
          kind: 'sent',
          op: 'commit',
          sql: 'COMMIT',
          iteration,
          wants: 'EXCLUSIVE',
          lock: 'PENDING',
        },
        { tUs: t + 30, kind: 'commit', op: 'commit', iteration, lock: 'none', elapsedUs: 20 },
      );
    }
    t += 6000;
  }
  events.push({ tUs: t, kind: 'end', lock: 'none' });
  return events;
}

function inBatches(events: TimelineEvent[], size: number) {
  const writer = new EventBatchWriter(size);
  const batches = [];
  for (const event of events) {
    writer.add(event);
    if (writer.count === size) {
      batches.push(writer.take());
    }
  }
  batches.push(writer.take());
  return batches;
}

test('every kind of event crosses in a batch unchanged: columns, strings, errors, start fields', () => {
  const events = burstEvents(300);
  const batches = inBatches(events, 256);
  assert.deepStrictEqual(batches.flatMap(batchEvents), events);
});

test('a log filled from batches equals the log filled event by event, past the events kept whole', () => {
  const events = burstEvents(400);
  assert.ok(events.length > keptEventsPerSession * 3);
  const expected = SessionLog.of('w1', events);
  const fromBatches = new SessionLog('w1');
  const heard: TimelineEvent[] = [];
  for (const batch of inBatches(events, 100)) {
    logBatch(batch, fromBatches, (event) => heard.push(event));
  }
  const quiet = new SessionLog('w1');
  for (const batch of inBatches(events, 100)) {
    logBatch(batch, quiet);
  }
  assert.deepStrictEqual(heard, events);
  for (const log of [fromBatches, quiet]) {
    assert.equal(log.count, expected.count);
    assert.deepStrictEqual(log.tUs.subarray(0, log.count), expected.tUs.subarray(0, expected.count));
    assert.deepStrictEqual(
      log.kindAndOp.subarray(0, log.count),
      expected.kindAndOp.subarray(0, expected.count),
    );
    assert.deepStrictEqual(log.lock.subarray(0, log.count), expected.lock.subarray(0, expected.count));
    assert.deepStrictEqual(log.wants.subarray(0, log.count), expected.wants.subarray(0, expected.count));
    assert.deepStrictEqual([...log.kept.entries()], [...expected.kept.entries()]);
    assert.deepStrictEqual(log.errorCounts, expected.errorCounts);
    assert.deepStrictEqual(log.firstError, expected.firstError);
  }
});

test('a batch filled past its capacity keeps every event (the outbox sends between transactions only)', () => {
  const events = burstEvents(100);
  const writer = new EventBatchWriter(16);
  for (const event of events) {
    writer.add(event);
  }
  const batch = writer.take();
  assert.equal(batch.count, events.length);
  assert.deepStrictEqual(batchEvents(batch), events);
  assert.equal(writer.take().count, 0, 'the next batch starts empty');
});
