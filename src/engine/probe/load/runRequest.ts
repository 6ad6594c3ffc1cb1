// One request of the load shape on a client's connection: its kind's steps, run by the session runner,
// with its events on the client's lane numbered by the client's request count. The same code runs in
// the blocking model's one thread and in a client's worker thread or process.
import type { SessionDatabase } from '../sessionDatabase';
import { microsecondsSince } from '../monotonicClock';
import type { RequestRecord, SessionPlan, TimelineEvent } from '../probeTypes';
import { runSession, type EventSink, type SessionSettings } from '../sessionRunner';

export interface RequestOrder {
  index: number;
  /** The client's n-th request, from 0. */
  iteration: number;
}

export type ClientRequestRecord = Omit<RequestRecord, 'client'>;

export async function runRequest(
  order: RequestOrder,
  kind: SessionPlan,
  db: SessionDatabase,
  settings: SessionSettings,
  busyTimeoutMs: number,
  t0Ns: bigint,
  sink: EventSink,
  gapMs: number,
): Promise<ClientRequestRecord> {
  let firstError: TimelineEvent | undefined;
  let lastUs = 0;
  const iteration = order.iteration;
  // The client's lane has one start and one end (the client's); each request's events are numbered by it.
  const requestSink: EventSink = {
    statement: (tUs, kindAndOp, _iteration, lock, wants, sql, elapsedUs) => {
      lastUs = tUs;
      sink.statement(tUs, kindAndOp, iteration, lock, wants, sql, elapsedUs);
    },
    sqlCode: (text) => sink.sqlCode(text),
    event: (event) => {
      if (event.kind === 'start' || event.kind === 'end') {
        return;
      }
      if (event.kind === 'error') {
        firstError ??= event;
      }
      lastUs = Math.max(lastUs, event.tUs);
      sink.event({ ...event, iteration });
    },
  };
  if (order.iteration > 0 && gapMs > 0) {
    // The answer's round trip before the client's next request: a timer, so in the blocking model the
    // event loop runs what is due meanwhile (a holder's sleep), as an app's loop polls its sockets.
    await new Promise((resolve) => setTimeout(resolve, gapMs));
  }
  const startMs = microsecondsSince(t0Ns) / 1000;
  // The connection serves every kind: a kind's own busy timeout (no-timeout's) must not outlive its request.
  await runSession(
    { ...kind, busyTimeoutMs: kind.busyTimeoutMs ?? busyTimeoutMs },
    db,
    settings,
    t0Ns,
    requestSink,
  );
  // Its last statement's outcome, not when this await resumes: in the blocking model other requests may
  // hold the thread in between, and an app would have answered at the commit.
  const endMs = lastUs > 0 ? lastUs / 1000 : microsecondsSince(t0Ns) / 1000;
  const record: ClientRequestRecord = {
    index: order.index,
    kind: kind.name,
    iteration,
    startMs,
    endMs,
    outcome: firstError ? 'failed' : 'succeeded',
  };
  if (firstError) {
    record.code = firstError.code ?? 'ERROR';
    if (firstError.errno !== undefined) {
      record.errno = firstError.errno;
    }
    record.message = firstError.message ?? '';
  }
  return record;
}
