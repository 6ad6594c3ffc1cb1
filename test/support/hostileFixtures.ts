// The report inputs with outside text swapped in: a probe result, a recording (with a load test's
// result), a load result, an explanation of a log and a folder's code hints, each built as the engine
// builds it, then every field that carries text from outside (paths, session, table and process names,
// command lines, SQLite messages, log lines, URLs) replaced. `withText` replaces each distinct original
// value by its own variant, so names that must match elsewhere still match.
import type { FolderFindings } from '../../src/engine/hints/hintTypes';
import type { ProcessName } from '../../src/engine/locks/processNames';
import { explainLockError, type LockErrorExplanation } from '../../src/engine/explain/explainLockError';
import { loadResultSchema, type LoadResult } from '../../src/engine/load/loadResult';
import type { ProbeResult } from '../../src/engine/probe/probeTypes';
import type { SampledHolder } from '../../src/engine/record/recordingBuilder';
import type { Recording } from '../../src/engine/record/recordingTypes';
import { sweepResultSchema, type SweepResult } from '../../src/engine/sweep/sweepTypes';
import { recordingOf } from './recordingFixture';
import { fixtureResult, seedScripts } from './timelineFixtures';

/** Keys whose string values come from outside the tool (from the user's files, SQLite, other programs). */
const outsideKeys = new Set([
  'name',
  'database',
  'target',
  'probeTable',
  'sql',
  'message',
  'command',
  'commandLine',
  'text',
  'what',
  'table',
  'run',
  'log',
  'error',
  'url',
  'urls',
  'file',
  'path',
  'evidence',
  'line',
  'lines',
  'scenarioFile',
  'description',
]);

/**
 * A copy of `value` with each outside string replaced by `variant(index)`, the same original always by
 * the same variant; `shown` lists the variants used.
 */
export function withText<T>(value: T, variant: (index: number) => string): { value: T; shown: string[] } {
  const replacements = new Map<string, string>();
  const replace = (original: string): string => {
    let replaced = replacements.get(original);
    if (replaced === undefined) {
      replaced = variant(replacements.size);
      replacements.set(original, replaced);
    }
    return replaced;
  };
  const walk = (node: unknown, outside: boolean): unknown => {
    if (typeof node === 'string') {
      return outside ? replace(node) : node;
    }
    if (Array.isArray(node)) {
      return node.map((item) => walk(item, outside));
    }
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(
        Object.entries(node).map(([key, item]) => [key, walk(item, outsideKeys.has(key))]),
      );
    }
    return node;
  };
  return { value: walk(value, false) as T, shown: [...replacements.values()] };
}

/** The seed: A waits for B's write lock and fails with SQLITE_BUSY; its message is SQLite's. */
export function probeFixture(): ProbeResult {
  const config = { model: 'threads' as const, journalMode: 'delete', busyTimeoutMs: 5000 };
  return fixtureResult(config, seedScripts(config, { a: 'session A', b: 'session B' }));
}

const processNames: Record<number, ProcessName> = {
  10: { command: 'uvicorn', commandLine: 'uvicorn app:app --workers 1' },
  20: { command: 'python3', commandLine: 'python3 worker.py --queue jobs' },
};

/** The seed again, as a scenario file's run: its path and description are the user's text. */
export function scenarioProbeFixture(): ProbeResult {
  const result = probeFixture();
  return {
    ...result,
    config: {
      ...result.config,
      preset: 'scenario',
      scenario: { file: '/srv/app/checkout.lockprobe.json', description: 'checkout under load' },
    },
  };
}

/** A reader (20) holds SHARED while a writer (10) goes RESERVED, PENDING, EXCLUSIVE. */
export function recordingFixture(): Recording {
  const held = (pid: number, lock: SampledHolder['lock']): SampledHolder => ({
    pid,
    file: 'db',
    lock,
    waiting: false,
  });
  return recordingOf(
    80,
    (step) => {
      const holders: SampledHolder[] = [];
      if (step >= 10 && step < 50) {
        holders.push(held(20, 'SHARED'));
      }
      if (step >= 20 && step < 40) {
        holders.push(held(10, 'RESERVED'));
      } else if (step >= 40 && step < 50) {
        holders.push(held(10, 'PENDING'));
      } else if (step === 50) {
        holders.push(held(10, 'EXCLUSIVE'));
      }
      return holders;
    },
    (pid) => processNames[pid] ?? { command: null, commandLine: null },
  );
}

export function loadFixture(): LoadResult {
  return {
    schema: loadResultSchema,
    startedAt: '2026-12-02T00:00:00.000Z',
    config: {
      urls: ['http://127.0.0.1:8000/orders', 'http://127.0.0.1:8000/items'],
      method: 'POST',
      requests: 20,
      concurrency: 10,
      database: '/srv/app/app.db',
      headerNames: ['Authorization'],
      body: true,
      run: 'uvicorn app:app',
      log: '/srv/app/app.log',
    },
    durationMs: 5020,
    startMs: 310,
    sent: 20,
    successful: 2,
    failed: 18,
    byStatus: [
      { status: 200, count: 2 },
      { status: 500, count: 17 },
    ],
    noResponse: [{ error: 'socket hang up', count: 1 }],
    latencyMs: { p50: 5010, p90: 5015, p99: 5020, max: 5020 },
    perUrl: [
      { url: 'http://127.0.0.1:8000/orders', sent: 10, successful: 1, failed: 9 },
      { url: 'http://127.0.0.1:8000/items', sent: 10, successful: 1, failed: 9 },
    ],
    lockErrorsInResponses: {},
    outcomes: [
      { url: 0, startMs: 310, ms: 5010, status: 500, lockError: 'database is locked' },
      { url: 1, startMs: 310, ms: 1020, status: 200 },
    ],
    droppedOutcomes: 18,
    rows: {
      counted: 'table',
      what: 'orders',
      before: 20,
      after: 22,
      added: 2,
      otherTables: [{ table: 'audit_log', added: 3 }],
    },
    check: {
      text: '18 of 20 requests failed; 2 rows were added for 2 successful requests',
      rowsMatchSuccesses: true,
    },
    app: {
      source: { kind: 'run', command: 'uvicorn app:app', pid: 4711, exitCode: null, signal: 'SIGTERM' },
      lines: [
        {
          atMs: 5300,
          stream: 'stderr',
          text: 'sqlite3.OperationalError: database is locked',
          lockError: 'database is locked',
          pid: 4711,
        },
      ],
      droppedLines: 0,
      errorCounts: { 'database is locked': 18 },
    },
    cancelled: false,
  };
}

/** What `explain` makes of a log: hostile text goes in as the log's own lines. */
export function explainFixture(logLine: string): LockErrorExplanation {
  return explainLockError(
    [
      `2026-12-02 10:00:01 ERROR ${logLine}`,
      `sqlite3.OperationalError: database is locked (${logLine})`,
      'sqlite3.OperationalError: database table is locked: items',
    ].join('\n'),
  );
}

export function hintsFixture(): FolderFindings {
  return {
    findings: [
      {
        ruleId: 'python-sqlite3-timeout-zero',
        file: 'jobs/worker.py',
        range: { startLine: 4, startColumn: 8, endLine: 4, endColumn: 40 },
        message: 'sqlite3.connect(timeout=0) in jobs/worker.py: a second writer fails at once.',
        severity: 'warning',
      },
    ],
    filesScanned: 12,
    filesSkipped: [{ path: 'static/app.min.js', reason: 'minified' }],
  };
}

/** A sweep of a scenario file (its path is outside text) at two levels. */
export function sweepFixture(): SweepResult {
  const level = (clients: number, failed: number): SweepResult['levels'][number] => ({
    clients,
    requests: 40,
    succeeded: 40 - failed,
    failed,
    lockErrors: failed > 0 ? { SQLITE_BUSY: failed } : {},
    latencyMs: { p50: 3, p95: 9, max: 20 },
    wallMs: 400,
  });
  return {
    schema: sweepResultSchema,
    database: '/srv/app/app.db',
    scenarioFile: '/srv/app/checkout.scenario',
    model: 'processes',
    journalMode: 'wal',
    busyTimeoutMs: 5000,
    levels: [level(1, 0), level(8, 3)],
    firstFailingClients: 8,
  };
}
