// Runs every session of a probe in the chosen execution model and collects their raw events.
import { openSessionDatabase, type SessionDatabase } from './sessionDatabase';
import { OperationError } from '../userInputError';
import { forkEngineProcess, startEngineThread, type MessageChannel } from '../process/messageChannel';
import type { FromSession, ToSession } from '../process/sessionProtocol';
import { microsecondsSince, monotonicNowNs } from './monotonicClock';
import type { ExecutionModel, SessionPlan, TimelineEvent } from './probeTypes';
import { logBatch } from './eventBatch';
import { SessionLog } from './sessionLog';
import { objectSink, runSession, type SessionSettings } from './sessionRunner';

export interface SessionsRequest {
  model: ExecutionModel;
  plans: SessionPlan[];
  target: string;
  busyTimeoutMs: number;
  settings: SessionSettings;
  /** Each event as it happens, with its session's name (a live view, or a test that kills a session). */
  onEvent?: (session: string, event: TimelineEvent) => void;
  /** Time zero on the machine's monotonic clock (process.hrtime), for comparing with another program's. */
  onTimeZero?: (t0Ns: bigint) => void;
  signal?: AbortSignal;
}

const readyTimeoutMs = 60_000;

/** What a cancelled probe ends with, whenever the cancel came. */
export function probeCancelled(): OperationError {
  return new OperationError('the probe was cancelled');
}

export function runSessions(request: SessionsRequest): Promise<SessionLog[]> {
  if (request.signal?.aborted) {
    return Promise.reject(probeCancelled());
  }
  return request.model === 'blocking' ? runOnThisThread(request) : runRemote(request);
}

/** All sessions on this thread and event loop: a statement that waits for a lock stops every session. */
async function runOnThisThread(request: SessionsRequest): Promise<SessionLog[]> {
  const connections: SessionDatabase[] = [];
  try {
    for (const plan of request.plans) {
      connections.push(openSessionDatabase(request.target, request.busyTimeoutMs, plan));
    }
    const t0Ns = monotonicNowNs();
    request.onTimeZero?.(t0Ns);
    const raw = request.plans.map((plan) => new SessionLog(plan.name));
    await Promise.all(
      request.plans.map((plan, index) =>
        runSession(
          plan,
          connections[index],
          request.settings,
          t0Ns,
          objectSink((event) => {
            raw[index].push(event);
            request.onEvent?.(plan.name, event);
          }),
        ),
      ),
    );
    return raw;
  } finally {
    for (const connection of connections) {
      connection.close();
    }
  }
}

async function runRemote(request: SessionsRequest): Promise<SessionLog[]> {
  // Events cross as typed arrays (eventBatch.ts): the "advanced" IPC serialisation keeps them bytes.
  const start =
    request.model === 'threads'
      ? () => startEngineThread<ToSession, FromSession>()
      : () => forkEngineProcess<ToSession, FromSession>({ serialization: 'advanced' });
  const channels = request.plans.map(() => start());
  const raw = request.plans.map((plan) => new SessionLog(plan.name));
  const abort = () => channels.forEach((channel) => channel.kill());
  request.signal?.addEventListener('abort', abort);
  let t0Ns: bigint | undefined;
  try {
    const finished = channels.map((channel, index) => followSession(channel, index));
    const ready = await Promise.race([
      Promise.all(finished.map((session) => session.ready)),
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), readyTimeoutMs).unref()),
    ]);
    if (ready === 'timeout') {
      throw new OperationError(`the probe's sessions did not start within ${readyTimeoutMs / 1000} s`);
    }
    t0Ns = monotonicNowNs();
    request.onTimeZero?.(t0Ns);
    for (const channel of channels) {
      channel.send({ type: 'go', t0Ns: t0Ns.toString() });
    }
    await Promise.all(finished.map((session) => session.exited));
    return raw;
  } catch (error) {
    abort();
    // Sessions killed by a cancel during start-up "could not start": the cause is the cancel.
    throw request.signal?.aborted ? probeCancelled() : error;
  } finally {
    request.signal?.removeEventListener('abort', abort);
  }

  function followSession(channel: MessageChannel<ToSession, FromSession>, index: number) {
    const plan = request.plans[index];
    const onEvent = request.onEvent;
    let done = false;
    let failure: string | undefined;
    let markReady: () => void = () => undefined;
    let markNotReady: (error: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markNotReady = reject;
    });
    channel.onMessage((message) => {
      if (message.type === 'ready') {
        markReady();
      } else if (message.type === 'events') {
        logBatch(message.batch, raw[index], onEvent && ((event) => onEvent(plan.name, event)));
        channel.send({ type: 'received' });
      } else if (message.type === 'failed') {
        failure = message.message;
      } else if (message.type === 'done') {
        done = true;
      }
    });
    const exited = new Promise<void>((resolve) => {
      channel.onExit((code, signal) => {
        markNotReady(
          new OperationError(`session ${plan.name} could not start: ${failure ?? `exit code ${code}`}`),
        );
        if (!done && t0Ns !== undefined) {
          recordDeath(raw[index], t0Ns, code, signal);
        }
        resolve();
      });
    });
    channel.send({
      type: 'session',
      plan,
      settings: request.settings,
      target: request.target,
      busyTimeoutMs: request.busyTimeoutMs,
    });
    return { ready, exited };
  }

  function recordDeath(
    log: SessionLog,
    zeroNs: bigint,
    code: number | null,
    signal: NodeJS.Signals | null,
  ): void {
    const tUs = microsecondsSince(zeroNs);
    const name = log.name;
    const lastUs = log.count > 0 ? log.tUs[log.count - 1] : undefined;
    const cause = signal ? `was killed by ${signal}` : `ended with exit code ${code}`;
    const died: TimelineEvent = {
      tUs,
      kind: 'error',
      lock: 'none',
      code: signal ?? 'EXITED',
      message: `session ${name}'s ${request.model === 'threads' ? 'thread' : 'process'} ${cause}`,
      elapsedUs: lastUs === undefined ? 0 : tUs - lastUs,
    };
    log.push(died);
    log.push({ tUs, kind: 'end', lock: 'none' });
    request.onEvent?.(name, died);
  }
}
