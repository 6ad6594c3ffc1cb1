// A load-shape client inside a worker thread or child process: one connection, one request at a time as
// the coordinator hands them out, so the next one starts as soon as the last one ended.
import { runRequest } from '../probe/load/runRequest';
import { microsecondsSince } from '../probe/monotonicClock';
import { openSessionDatabase } from '../probe/sessionDatabase';
import type { ClientInit, ClientRequest } from './clientProtocol';
import type { FromEngine, ToEngine } from './engineProtocol';
import type { ParentPortal } from './parentPortal';
import { SessionOutbox } from './sessionOutbox';

export async function serveClient(
  init: ClientInit,
  portal: ParentPortal<ToEngine, FromEngine>,
): Promise<void> {
  let db;
  try {
    db = openSessionDatabase(init.target, init.busyTimeoutMs, {
      name: init.name,
      steps: [],
      sharedCache: init.sharedCache,
    });
  } catch (error) {
    await portal.send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  try {
    const outbox = new SessionOutbox((batch) => portal.send({ type: 'events', batch }));
    const waiting: (ClientRequest | 'stop')[] = [];
    let wake: (() => void) | undefined;
    let t0Ns: bigint | undefined;
    let started: () => void = () => undefined;
    const go = new Promise<void>((resolve) => (started = resolve));
    portal.onMessage((message) => {
      if (message.type === 'go') {
        t0Ns = BigInt(message.t0Ns);
        started();
      } else if (message.type === 'received') {
        outbox.received();
      } else if (message.type === 'request' || message.type === 'stop') {
        waiting.push(message.type === 'stop' ? 'stop' : message);
        wake?.();
      }
    });
    void portal.send({ type: 'ready' });
    await go;
    const zero = t0Ns ?? 0n;
    outbox.add({ tUs: microsecondsSince(zero), kind: 'start', lock: 'none', pid: process.pid });
    for (;;) {
      if (waiting.length === 0) {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      const next = waiting.shift();
      if (next === undefined) {
        continue;
      }
      if (next === 'stop') {
        break;
      }
      const record = await runRequest(
        next,
        init.kinds[next.kind],
        db,
        init.settings,
        init.busyTimeoutMs,
        zero,
        outbox.sink,
        init.gapMs,
      );
      await portal.send({ type: 'requestDone', record });
      const pause = outbox.pace();
      if (pause) {
        await pause;
      }
    }
    outbox.add({ tUs: microsecondsSince(zero), kind: 'end', lock: 'none' });
    await outbox.close();
  } finally {
    db.close();
  }
  await portal.send({ type: 'done' });
}
