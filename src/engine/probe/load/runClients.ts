// The load shape's coordinator: N requests, C clients, each client taking the next request as soon as
// its last one ended (a load test's workers). In the blocking model the clients are async loops on this
// one thread, as requests to one async worker are: a statement waiting for a lock blocks them all, and a
// request whose statements all return synchronously hands the loop straight to the next one (timers,
// such as a holder's sleep, wait). Otherwise each client is a worker thread or process of its own.
import { forkEngineProcess, startEngineThread, type MessageChannel } from '../../process/messageChannel';
import type { FromClient, ToClient } from '../../process/clientProtocol';
import type { FromSession, ToSession } from '../../process/sessionProtocol';
import { probeRequestGap } from '../../options/loadShape';
import { OperationError } from '../../userInputError';
import { logBatch } from '../eventBatch';
import { microsecondsSince, monotonicNowNs } from '../monotonicClock';
import type { LoadShape, RequestRecord, SessionPlan } from '../probeTypes';
import { probeCancelled, type SessionsRequest } from '../runSessions';
import { openSessionDatabase, type SessionDatabase } from '../sessionDatabase';
import { SessionLog } from '../sessionLog';
import { objectSink } from '../sessionRunner';
import { runRequest } from './runRequest';

export interface ClientsRequest extends Omit<SessionsRequest, 'plans'> {
  /** The request kinds (requestKinds.ts). */
  kinds: SessionPlan[];
  load: LoadShape;
}

export interface ClientsRun {
  logs: SessionLog[];
  requests: RequestRecord[];
}

const readyTimeoutMs = 60_000;

export function clientName(index: number): string {
  return `client ${index + 1}`;
}

export function runClients(request: ClientsRequest): Promise<ClientsRun> {
  if (request.signal?.aborted) {
    return Promise.reject(probeCancelled());
  }
  return request.model === 'blocking' ? runOnThisThread(request) : runRemote(request);
}

/** A client's connection shares its cache only when every kind asks for it (shared-cache's writer and reader). */
function sharesCache(kinds: readonly SessionPlan[]): boolean {
  return kinds.every((kind) => kind.sharedCache === true);
}

/** Hands out request indexes in order; each one names its kind (kinds taken in turn). */
class RequestQueue {
  private next = 0;
  readonly records: RequestRecord[] = [];

  constructor(
    private readonly load: LoadShape,
    private readonly signal: AbortSignal | undefined,
  ) {}

  take(): number | undefined {
    if (this.next >= this.load.requests || this.signal?.aborted) {
      return undefined;
    }
    return this.next++;
  }
}

function gapOf(load: LoadShape): number {
  return load.gapMs ?? probeRequestGap.default;
}

function clientCount(load: LoadShape): number {
  return Math.min(load.clients, load.requests);
}

async function runOnThisThread(request: ClientsRequest): Promise<ClientsRun> {
  const count = clientCount(request.load);
  const shared = sharesCache(request.kinds);
  const connections: SessionDatabase[] = [];
  try {
    for (let index = 0; index < count; index++) {
      connections.push(
        openSessionDatabase(request.target, request.busyTimeoutMs, {
          name: clientName(index),
          steps: [],
          sharedCache: shared,
        }),
      );
    }
    const t0Ns = monotonicNowNs();
    request.onTimeZero?.(t0Ns);
    const logs = connections.map((_, index) => new SessionLog(clientName(index)));
    const queue = new RequestQueue(request.load, request.signal);
    const client = async (index: number) => {
      const name = clientName(index);
      const sink = objectSink((event) => {
        logs[index].push(event);
        request.onEvent?.(name, event);
      });
      sink.event({ tUs: microsecondsSince(t0Ns), kind: 'start', lock: 'none', pid: process.pid });
      let iteration = 0;
      for (let taken = queue.take(); taken !== undefined; taken = queue.take()) {
        const record = await runRequest(
          { index: taken, iteration: iteration++ },
          request.kinds[taken % request.kinds.length],
          connections[index],
          request.settings,
          request.busyTimeoutMs,
          t0Ns,
          sink,
          gapOf(request.load),
        );
        queue.records.push({ ...record, client: name });
      }
      sink.event({ tUs: microsecondsSince(t0Ns), kind: 'end', lock: 'none' });
    };
    await Promise.all(connections.map((_, index) => client(index)));
    return { logs, requests: sortedRecords(queue.records) };
  } finally {
    for (const connection of connections) {
      connection.close();
    }
  }
}

// A client speaks the sessions' start-up and event messages plus its own requests (not the engine's
// calls: naming those here would tie the probe back to the engine protocol that names the probe).
type ToClientProcess = ToSession | ToClient;
type FromClientProcess = FromSession | FromClient;

function sortedRecords(records: RequestRecord[]): RequestRecord[] {
  return records.sort((a, b) => a.index - b.index);
}

async function runRemote(request: ClientsRequest): Promise<ClientsRun> {
  const start =
    request.model === 'threads'
      ? () => startEngineThread<ToClientProcess, FromClientProcess>()
      : () => forkEngineProcess<ToClientProcess, FromClientProcess>({ serialization: 'advanced' });
  const count = clientCount(request.load);
  const channels = Array.from({ length: count }, () => start());
  const logs = channels.map((_, index) => new SessionLog(clientName(index)));
  const queue = new RequestQueue(request.load, request.signal);
  const abort = () => channels.forEach((channel) => channel.kill());
  request.signal?.addEventListener('abort', abort);
  let t0Ns: bigint | undefined;
  try {
    const followed = channels.map((channel, index) => followClient(channel, index));
    const ready = await Promise.race([
      Promise.all(followed.map((client) => client.ready)),
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), readyTimeoutMs).unref()),
    ]);
    if (ready === 'timeout') {
      throw new OperationError(`the probe's clients did not start within ${readyTimeoutMs / 1000} s`);
    }
    t0Ns = monotonicNowNs();
    request.onTimeZero?.(t0Ns);
    for (const channel of channels) {
      channel.send({ type: 'go', t0Ns: t0Ns.toString() });
    }
    followed.forEach((client) => client.handOut());
    await Promise.all(followed.map((client) => client.exited));
    if (request.signal?.aborted) {
      throw probeCancelled();
    }
    return { logs, requests: sortedRecords(queue.records) };
  } catch (error) {
    abort();
    throw request.signal?.aborted ? probeCancelled() : error;
  } finally {
    request.signal?.removeEventListener('abort', abort);
  }

  function followClient(channel: MessageChannel<ToClientProcess, FromClientProcess>, index: number) {
    const name = clientName(index);
    const onEvent = request.onEvent;
    let failure: string | undefined;
    let iteration = 0;
    let inFlight: { index: number; iteration: number; kind: string; startMs: number } | undefined;
    let markReady: () => void = () => undefined;
    let markNotReady: (error: Error) => void = () => undefined;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      markNotReady = reject;
    });
    const handOut = () => {
      const taken = queue.take();
      if (taken === undefined) {
        inFlight = undefined;
        channel.send({ type: 'stop' } satisfies ToClient);
        return;
      }
      const kind = taken % request.kinds.length;
      inFlight = {
        index: taken,
        iteration,
        kind: request.kinds[kind].name,
        startMs: t0Ns === undefined ? 0 : microsecondsSince(t0Ns) / 1000,
      };
      channel.send({ type: 'request', index: taken, iteration: iteration++, kind } satisfies ToClient);
    };
    channel.onMessage((message) => {
      if (message.type === 'ready') {
        markReady();
      } else if (message.type === 'events') {
        logBatch(message.batch, logs[index], onEvent && ((event) => onEvent(name, event)));
        channel.send({ type: 'received' });
      } else if (message.type === 'requestDone') {
        queue.records.push({ ...message.record, client: name });
        handOut();
      } else if (message.type === 'failed') {
        failure = message.message;
      }
    });
    const exited = new Promise<void>((resolve) => {
      channel.onExit((code, signal) => {
        markNotReady(new OperationError(`client ${name} could not start: ${failure ?? `exit code ${code}`}`));
        if (inFlight && t0Ns !== undefined && !request.signal?.aborted) {
          // The client died with a request on it: that request failed, as an app's crashed worker's would.
          const cause = signal ? `was killed by ${signal}` : `ended with exit code ${code}`;
          queue.records.push({
            index: inFlight.index,
            kind: inFlight.kind,
            client: name,
            iteration: inFlight.iteration,
            startMs: inFlight.startMs,
            endMs: microsecondsSince(t0Ns) / 1000,
            outcome: 'failed',
            code: signal ?? 'EXITED',
            message: `${name}'s ${request.model === 'threads' ? 'thread' : 'process'} ${cause}`,
          });
        }
        resolve();
      });
    });
    channel.send({
      type: 'client',
      name,
      kinds: request.kinds,
      sharedCache: sharesCache(request.kinds),
      settings: request.settings,
      target: request.target,
      busyTimeoutMs: request.busyTimeoutMs,
      gapMs: gapOf(request.load),
    } satisfies ToClient);
    return { ready, exited, handOut };
  }
}
