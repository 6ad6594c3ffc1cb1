// How a session's events travel (src/engine/process/sessionOutbox.ts): in batches, handed over at once
// when the session yields, and with a session that runs ahead made to wait between transactions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TimelineEvent } from '../src/engine/probe/probeTypes';
import { SessionOutbox } from '../src/engine/process/sessionOutbox';

function event(tUs: number): TimelineEvent {
  return { tUs, kind: 'sent', lock: 'none' };
}

function recordingOutbox() {
  const batches: TimelineEvent[][] = [];
  const outbox = new SessionOutbox((events) => {
    batches.push(events);
    return Promise.resolve();
  });
  return { outbox, batches };
}

test('a session that never yields sends full batches, in order, nothing lost', async () => {
  const { outbox, batches } = recordingOutbox();
  for (let t = 0; t < 1000; t++) {
    outbox.add(event(t));
  }
  assert.ok(batches.length >= 3, `${batches.length} batches before the session yields`);
  assert.ok(batches.every((batch) => batch.length === batches[0].length));
  await outbox.close();
  assert.deepEqual(
    batches.flat().map((sent) => sent.tUs),
    Array.from({ length: 1000 }, (_, t) => t),
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
  for (let transaction = 0; transaction < 30; transaction++) {
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
  assert.equal(batches.flat().length, 3000);
});
