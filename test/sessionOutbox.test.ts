// How a session's events travel (src/engine/process/sessionOutbox.ts): in batches, handed over at once
// when the session yields, and with a session that runs ahead made to wait between transactions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimelineEvent } from '../src/engine/probe/probeTypes';
import { batchEvents } from '../src/engine/probe/eventBatch';
import { outboxBatchSize, outboxMaxBufferedUs, SessionOutbox } from '../src/engine/process/sessionOutbox';

function event(tUs: number): TimelineEvent {
  return { tUs, kind: 'sent', lock: 'none' };
}

function recordingOutbox() {
  const batches: TimelineEvent[][] = [];
  const outbox = new SessionOutbox((batch) => {
    batches.push(batchEvents(batch));
    return Promise.resolve();
  });
  return { outbox, batches };
}

test('a session that never yields sends full batches between transactions, in order, nothing lost', async () => {
  const { outbox, batches } = recordingOutbox();
  const total = outboxBatchSize * 3 + 100;
  // Transactions of 8 events, 1 µs apart: the batches fill long before their time is up.
  for (let t = 0; t < total; t++) {
    outbox.add(event(t));
    if (t % 8 === 7) {
      assert.equal(outbox.pace(), undefined);
    } else {
      const sent = batches.reduce((sum, batch) => sum + batch.length, 0);
      assert.equal(sent % 8, 0, 'nothing is sent inside a transaction');
    }
  }
  assert.ok(batches.length >= 3, `${batches.length} batches before the session yields`);
  assert.ok(batches.every((batch) => batch.length === batches[0].length));
  assert.equal(
    batches[0].length,
    outboxBatchSize,
    'a batch is sent at the first transaction end past its size',
  );
  await outbox.close();
  assert.deepEqual(
    batches.flat().map((sent) => sent.tUs),
    Array.from({ length: total }, (_, t) => t),
  );
});

test('a session that yields hands its events over without waiting for a full batch', async () => {
  const { outbox, batches } = recordingOutbox();
  outbox.add(event(1));
  assert.equal(batches.length, 0);
  await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(batches, [[event(1)]]);
});

test('a session too far ahead waits between transactions until the coordinator acknowledges', async () => {
  const { outbox, batches } = recordingOutbox();
  let waits = 0;
  // Run "transactions" of 100 events each; pace() between them, as the session runner does.
  const transactions = Math.ceil((outboxBatchSize * 6) / 100);
  for (let transaction = 0; transaction < transactions; transaction++) {
    for (let index = 0; index < 100; index++) {
      outbox.add(event(transaction * 100 + index));
    }
    const pause = outbox.pace();
    if (pause) {
      waits++;
      let resumed = false;
      void pause.then(() => (resumed = true));
      await Promise.resolve();
      assert.equal(resumed, false, 'still waiting while nothing was acknowledged');
      outbox.received();
      await pause;
    }
  }
  await outbox.close();
  assert.ok(waits > 0, 'the session had to wait');
  assert.equal(batches.flat().length, transactions * 100);
});

test('a session that never yields still hands its events over between transactions, a bounded time of events at a time', () => {
  const { outbox, batches } = recordingOutbox();
  const windowMs = outboxMaxBufferedUs / 1000;
  // Transactions of 8 events, 1 ms apart: far fewer than a batch in the outbox's time.
  const transactions = windowMs * 3;
  for (let transaction = 0; transaction < transactions; transaction++) {
    for (let index = 0; index < 8; index++) {
      outbox.add(event(transaction * 1000 + index));
    }
    assert.equal(outbox.pace(), undefined);
  }
  assert.ok(batches.length >= 2, `${batches.length} batches in ${transactions} ms of events`);
  assert.ok(
    batches.every((batch) => batch.at(-1)!.tUs - batch[0].tUs < outboxMaxBufferedUs + 1000),
    `no batch spans more than ${windowMs} ms`,
  );
});

test('the runner asks handOverDue after each transaction: true exactly when pace() has a batch to send or a wait', async () => {
  const { outbox, batches } = recordingOutbox();
  let waits = 0;
  // Transactions of 8 statement events, 50 µs apart, through the runner's sink.
  for (let transaction = 0; transaction < (outboxBatchSize / 8) * 6; transaction++) {
    for (let index = 0; index < 8; index++) {
      outbox.runner.sink.statement(transaction * 50 + index, 0, transaction, 0, 255, 255, NaN);
    }
    const due = outbox.runner.hooks.handOverDue!();
    const before = batches.length;
    const pause = outbox.pace();
    assert.equal(due, batches.length > before || pause !== undefined, `transaction ${transaction}`);
    if (pause) {
      waits++;
      outbox.received();
      await pause;
    }
  }
  await outbox.close();
  assert.ok(waits > 0, 'the session had to wait');
  assert.equal(batches.flat().length, (outboxBatchSize / 8) * 6 * 8);
});
