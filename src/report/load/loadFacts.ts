// What every rendering of a load test shows (terminal, Markdown, HTML), computed once: the facts of the
// run, responses by status, latency, per URL, and the lock errors from the app's output and responses.
// Plain strings; each renderer escapes them for its medium.
import type { AppLine } from '../../engine/appOutput/appOutputTypes';
import { lockErrorKinds } from '../../engine/appOutput/lockErrorKinds';
import { type LoadResult, loadResultSchema } from '../../engine/load/loadResult';
import { formatMs } from '../../engine/text/formatMs';

/** Lock-error lines of the app shown in a report; the rest are counted. */
export const shownAppErrorLines = 10;

/** A recording's `load` field (typed unknown there) when it holds a load result of this version. */
export function loadResultOf(load: unknown): LoadResult | undefined {
  return typeof load === 'object' &&
    load !== null &&
    (load as { schema?: unknown }).schema === loadResultSchema
    ? (load as LoadResult)
    : undefined;
}

export function loadFacts(result: LoadResult): [string, string][] {
  const { config } = result;
  const facts: [string, string][] = [
    ['URLs', config.urls.join(', ')],
    [
      'requests',
      `${config.requests}, ${config.concurrency} at a time, ${config.method}${config.body ? ' with a JSON body' : ''}`,
    ],
    ['database', config.database],
    ['rows counted', rowsCounted(result)],
    ['took', formatMs(result.durationMs)],
  ];
  if (config.run !== null) {
    facts.push(['app', config.run]);
  }
  if (config.log !== null) {
    facts.push(["app's log", config.log]);
  }
  if (config.headerNames.length > 0) {
    facts.push(['headers', config.headerNames.join(', ')]);
  }
  return facts;
}

function rowsCounted(result: LoadResult): string {
  const { rows } = result;
  if (rows.counted === 'sql') {
    return rows.what ?? '';
  }
  if (rows.counted === 'table') {
    return `SELECT count(*) FROM ${rows.what ?? ''}`;
  }
  return rows.what === null ? 'every table (none grew)' : `every table; ${rows.what} grew`;
}

/** [status, count] rows: HTTP statuses, then requests with no response by error. */
export function responseRows(result: LoadResult): [string, string][] {
  return [
    ...result.byStatus.map(({ status, count }): [string, string] => [`HTTP ${status}`, String(count)]),
    ...result.noResponse.map(({ error, count }): [string, string] => [
      `no response (${error})`,
      String(count),
    ]),
  ];
}

export function latencyLine(result: LoadResult): string {
  const latency = result.latencyMs;
  if (latency === null) {
    return 'no responses';
  }
  return `p50 ${formatMs(latency.p50)} · p90 ${formatMs(latency.p90)} · p99 ${formatMs(latency.p99)} · max ${formatMs(latency.max)}`;
}

export function rowsLine(result: LoadResult): string {
  const { rows } = result;
  const others = rows.otherTables.map(({ table, added }) => `${table} ${added > 0 ? '+' : ''}${added}`);
  return (
    `${rows.before} before, ${rows.after} after: ${rows.added} added` +
    (others.length > 0 ? ` (other tables changed: ${others.join(', ')})` : '')
  );
}

/** [kind, in the app's output, in responses, what it means] for every kind seen. */
export function lockErrorRows(result: LoadResult): [string, string, string, string][] {
  const app = result.app?.errorCounts ?? {};
  const responses = result.lockErrorsInResponses;
  return lockErrorKinds
    .filter(({ kind }) => (app[kind] ?? 0) > 0 || (responses[kind] ?? 0) > 0)
    .map(({ kind, meaning }) => [
      kind,
      result.app === null ? '—' : String(app[kind] ?? 0),
      String(responses[kind] ?? 0),
      meaning,
    ]);
}

export function appErrorLines(result: LoadResult): { shown: AppLine[]; more: number } {
  const errors = (result.app?.lines ?? []).filter((line) => line.lockError !== undefined);
  const total = Object.values(result.app?.errorCounts ?? {}).reduce((sum, count) => sum + count, 0);
  const shown = errors.slice(0, shownAppErrorLines);
  return { shown, more: total - shown.length };
}

export function appExitLine(result: LoadResult): string | undefined {
  const source = result.app?.source;
  if (source?.kind !== 'run') {
    return undefined;
  }
  const how =
    source.signal !== null
      ? `stopped by ${source.signal}`
      : source.exitCode === null
        ? 'still running'
        : `exited with code ${source.exitCode}`;
  const dropped = result.app?.droppedLines ?? 0;
  return `The app (PID ${source.pid}) ${how}${dropped > 0 ? `; ${dropped} of its lines were not kept (the cap on lines that report no lock error)` : ''}.`;
}
