// `load`: the seed article's test on the user's own app. Counts the rows (a read-only query in a
// short-lived engine child), sends the requests, counts again, and says whether successful requests map
// to rows added. With `run`, it starts the app first (waiting until the first URL's port accepts
// connections), and stops it after the load, before the second count; the app's lock-error lines are
// counted by kind.
import { performance } from 'node:perf_hooks';
import type { AppOutput } from '../appOutput/appOutputTypes';
import { followLog } from '../appOutput/followLog';
import { runApp, type RunningApp } from '../appOutput/runApp';
import { appStartTimeoutMs, type HttpMethod } from '../options/loadOptions';
import { callEngine } from '../process/callEngine';
import { UserInputError } from '../userInputError';
import type { RowCount, RowCountRequest } from './countRows';
import { loadResultSchema, type LoadResult } from './loadResult';
import type { LoadTestOptions } from './loadTestTypes';
import { parseHeader, parseJsonBody, parseLoadUrl, shownUrl } from './loadTarget';
import { sendRequests } from './sendRequests';
import { loadCheck, rowsAdded, tallyRequests } from './summarizeLoad';
import { requireListening, untilListening } from './waitForListening';

export async function runLoadTest(options: LoadTestOptions): Promise<LoadResult> {
  const plan = checkedPlan(options);
  const t0Ms = performance.now();
  const nowMs = options.nowMs ?? (() => performance.now() - t0Ms);
  let app: RunningApp | undefined;
  let appOutput: AppOutput | null = null;
  // Checked (one sentence for a missing file) before anything is started or sent.
  const log = options.log === undefined ? undefined : followLog(options.log, { nowMs });
  try {
    if (options.run !== undefined) {
      app = await runApp(options.run, { nowMs, passThrough: options.passThrough });
      const started = app;
      await untilListening(
        plan.urls[0],
        options.appStartTimeoutMs ?? appStartTimeoutMs,
        () => exitedEarly(started, plan.urls[0]),
        options.signal,
      );
    } else {
      await requireListening(plan.urls);
    }
    const before = await callEngine({ type: 'countRows', count: plan.count });
    await options.onLoadStart?.(app);
    const startedAt = new Date().toISOString();
    const startMs = nowMs();
    const outcomes = await sendRequests({
      ...plan,
      nowMs,
      signal: options.signal,
      onDone: options.onProgress,
    });
    const durationMs = Math.max(0, ...outcomes.map((outcome) => outcome.startMs + outcome.ms)) - startMs;
    if (app !== undefined) {
      await app.stop();
      appOutput = app.output();
    }
    if (log !== undefined) {
      // The app logged each failure before answering it: a last read now finds every line.
      appOutput = log.stop();
    }
    await options.onLoadEnd?.(appOutput);
    const after: RowCount = await callEngine({ type: 'countRows', count: plan.count });
    const tally = tallyRequests(outcomes, plan.urls);
    const rows = rowsAdded(before, after);
    return {
      schema: loadResultSchema,
      startedAt,
      config: {
        urls: plan.urls.map(shownUrl),
        method: plan.method,
        requests: plan.requests,
        concurrency: plan.concurrency,
        database: plan.count.file,
        headerNames: Object.keys(plan.headers),
        body: plan.body !== undefined,
        run: options.run ?? null,
        log: options.log ?? null,
      },
      durationMs: Math.round(durationMs * 10) / 10,
      startMs: Math.round(startMs * 10) / 10,
      ...tally,
      rows,
      check: loadCheck(tally, rows),
      app: appOutput,
      cancelled: options.signal?.aborted === true,
    };
  } finally {
    // Whatever happened, the app started here does not outlive the load.
    await app?.stop();
    log?.stop();
  }
}

function exitedEarly(app: RunningApp, url: URL): string | undefined {
  const { source, lines } = app.output();
  if (source.kind !== 'run' || (source.exitCode === null && source.signal === null)) {
    return undefined;
  }
  const how =
    source.signal !== null ? `was ended by ${source.signal}` : `exited with code ${source.exitCode}`;
  const last = lines.at(-1)?.text;
  return `the app (--run) ${how} before it listened at ${url.origin}${last === undefined ? '' : `; its last line: ${last}`}`;
}

function checkedPlan(options: LoadTestOptions) {
  if (options.urls.length === 0) {
    throw new UserInputError(
      undefined,
      'load needs at least one http:// or https:// URL to send requests to',
    );
  }
  const urls = options.urls.map(parseLoadUrl);
  if (options.database === undefined || options.database.trim() === '') {
    throw new UserInputError(
      undefined,
      'load needs --db FILE, the database your app writes to, to count its rows before and after',
    );
  }
  if (options.run !== undefined && options.log !== undefined) {
    throw new UserInputError(
      undefined,
      'give --run (load starts the app) or --log (the app runs already), not both',
    );
  }
  if (options.countSql !== undefined && options.table !== undefined) {
    throw new UserInputError(undefined, 'give --count-sql or --table, not both');
  }
  const headers: Record<string, string> = {};
  for (const text of options.headers ?? []) {
    const [name, value] = parseHeader(text);
    headers[name] = value;
  }
  const body = options.body === undefined ? undefined : parseJsonBody(options.body);
  if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  const method: HttpMethod = options.method ?? (body === undefined ? 'GET' : 'POST');
  const file = options.database;
  const count: RowCountRequest =
    options.countSql !== undefined
      ? { file, sql: options.countSql }
      : options.table !== undefined
        ? { file, table: options.table }
        : { file, allTables: true };
  return { urls, headers, body, method, requests: options.requests, concurrency: options.concurrency, count };
}
