// Sends exactly `requests` HTTP requests, `concurrency` in flight at once, taking the URLs in turn, with
// undici (Node's own HTTP client, no dependencies): one Agent whose per-origin pool has `concurrency`
// connections, each request's status and time measured on its own. Redirects are not followed, so
// requests go only to the URLs given.
import { performance } from 'node:perf_hooks';
import type { Agent } from 'undici';
import { classifyLockError, type LockErrorKind } from '../appOutput/lockErrorKinds';
import type { HttpMethod } from '../options/loadOptions';

export interface RequestPlan {
  urls: readonly URL[];
  method: HttpMethod;
  headers: Record<string, string>;
  body?: string;
  requests: number;
  concurrency: number;
  /** The caller's clock (a recording's ms): request times are on it. */
  nowMs: () => number;
  signal?: AbortSignal;
  /** After each request, for a progress line. */
  onDone?: (done: number, failed: number) => void;
}

export interface RequestOutcome {
  /** Index into the plan's URLs. */
  url: number;
  startMs: number;
  ms: number;
  /** The HTTP status, or undefined when no response came (then `error` says why). */
  status?: number;
  error?: string;
  /** The lock error a failed response's body reports ("database is locked"), if any. */
  lockError?: LockErrorKind;
}

export function isSuccess(outcome: RequestOutcome): boolean {
  return outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300;
}

export async function sendRequests(plan: RequestPlan): Promise<RequestOutcome[]> {
  // Loaded when a load test runs, not when the command line starts: undici 8 fails to load on Node 20,
  // and there the command line must still start, to say in one sentence that it needs Node 22.
  const { Agent, request } = await import('undici');
  const agent = new Agent({ connections: plan.concurrency, pipelining: 1 });
  const outcomes: RequestOutcome[] = new Array<RequestOutcome>(plan.requests);
  let next = 0;
  let done = 0;
  let failed = 0;
  const worker = async () => {
    while (next < plan.requests && !plan.signal?.aborted) {
      const index = next++;
      const url = index % plan.urls.length;
      const outcome = await sendOne(request, agent, plan, url);
      outcomes[index] = outcome;
      done++;
      failed += isSuccess(outcome) ? 0 : 1;
      plan.onDone?.(done, failed);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(plan.concurrency, plan.requests) }, worker));
  } finally {
    await agent.close().catch(() => agent.destroy());
  }
  // Cancelled: only the requests that were sent.
  return outcomes.filter((outcome) => outcome !== undefined);
}

async function sendOne(
  request: typeof import('undici').request,
  agent: Agent,
  plan: RequestPlan,
  url: number,
): Promise<RequestOutcome> {
  const started = performance.now();
  const startMs = round(plan.nowMs());
  try {
    const response = await request(plan.urls[url], {
      dispatcher: agent,
      method: plan.method,
      headers: plan.headers,
      body: plan.body,
      signal: plan.signal,
    });
    // Read to the end: the time includes the body, and the connection is free for the next request.
    // A failed response's body is read for the lock error an app may put there ("database is locked").
    const status = response.statusCode;
    const text = await bodyText(response.body, status >= 400 ? keptBodyBytes : 0);
    const lockError = text === '' ? undefined : classifyLockError(text);
    const ms = round(performance.now() - started);
    return lockError === undefined ? { url, startMs, ms, status } : { url, startMs, ms, status, lockError };
  } catch (error) {
    return { url, startMs, ms: round(performance.now() - started), error: describeFailure(error) };
  }
}

/** A failed response's first bytes are searched for a lock error; the rest is read and dropped. */
const keptBodyBytes = 64 * 1024;

async function bodyText(body: AsyncIterable<Buffer>, keep: number): Promise<string> {
  const kept: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    if (size < keep) {
      kept.push(chunk);
      size += chunk.length;
    }
  }
  return Buffer.concat(kept).subarray(0, keep).toString('utf8');
}

function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    return code;
  }
  return error instanceof Error ? error.name : 'error';
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
