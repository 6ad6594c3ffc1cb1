// A probe session inside a worker thread or child process: open, say ready, wait for time zero, run.
import { openSessionDatabase } from '../probe/sessionDatabase';
import { runSession } from '../probe/sessionRunner';
import type { ParentPortal } from './parentPortal';
import type { FromEngine, ToEngine } from './engineProtocol';
import { SessionOutbox } from './sessionOutbox';
import type { SessionGo, SessionInit } from './sessionProtocol';

export async function serveSession(
  init: SessionInit,
  portal: ParentPortal<ToEngine, FromEngine>,
): Promise<void> {
  let db;
  try {
    db = openSessionDatabase(init.target, init.busyTimeoutMs, init.plan);
  } catch (error) {
    await portal.send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  // The probe's coordinator died (SIGKILL): end this session now, rolling back its transaction, rather
  // than go on writing to a file nobody watches (in --in-place, the user's).
  let finished = false;
  const session = db;
  portal.onParentGone(() => {
    if (finished) {
      return;
    }
    try {
      session.close();
    } finally {
      process.exit(1);
    }
  });
  try {
    const outbox = new SessionOutbox((batch) => portal.send({ type: 'events', batch }));
    const go = await new Promise<SessionGo>((resolve) => {
      portal.onMessage((message) => {
        if (message.type === 'go') {
          resolve(message);
        } else if (message.type === 'received') {
          outbox.received();
        }
      });
      void portal.send({ type: 'ready' });
    });
    await runSession(init.plan, db, init.settings, BigInt(go.t0Ns), outbox.runner.sink, outbox.runner.hooks);
    await outbox.close();
  } finally {
    finished = true;
    db.close();
  }
  await portal.send({ type: 'done' });
}
