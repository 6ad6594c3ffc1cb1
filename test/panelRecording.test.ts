// The panel's Recording tab, rendered into a DOM: the summary first, then the lanes (the probe's
// drawing code), the tables and the limits; a recording under way offers Stop; the app's lock errors
// by kind; exports name the recording; untrusted text (process names, the command) stays text.
import { renderInDom, tableRows, textOf } from './support/panelDom';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProcessName } from '../src/engine/locks/processNames';
import type { SampledHolder } from '../src/engine/record/recordingBuilder';
import type { Recording } from '../src/engine/record/recordingTypes';
import { type LoadResult, loadResultSchema } from '../src/engine/load/loadResult';
import type { FromPanel, PanelState } from '../src/shared/panelProtocol';
import type { ViewActions } from '../media/panel/render/actions';
import { renderPanel } from '../media/panel/render/panelView';
import { applyToPanel } from '../media/panel/panelMessages';
import { formFromValues } from '../media/panel/probeFormState';
import { recordingOf } from './support/recordingFixture';

const hostile = '<img src=x onerror=alert(1)>';
const names: Record<number, ProcessName> = {
  4711: { command: 'python3', commandLine: 'python3 worker.py' },
  4800: { command: hostile, commandLine: hostile },
};
const held = (pid: number, lock: SampledHolder['lock']): SampledHolder => ({
  pid,
  file: 'db',
  lock,
  waiting: false,
});

// python3 4711 holds RESERVED 100..300 ms; the other process holds SHARED 50..150 ms.
const recording: Recording = {
  ...recordingOf(
    80,
    (step) => [
      ...(step >= 10 && step < 30 ? [held(4800, 'SHARED')] : []),
      ...(step >= 20 && step < 60 ? [held(4711, 'RESERVED')] : []),
    ],
    (pid) => names[pid] ?? { command: null, commandLine: null },
    { intervalMs: 5 },
  ),
  database: '/data/app.db',
};

const defaults = {
  preset: 'seed',
  model: 'processes',
  journal: 'keep',
  busyTimeoutMs: 5000,
  begin: 'preset',
} as const;

function state(overrides: Partial<PanelState> = {}): PanelState {
  return {
    database: { path: '/data/app.db', name: 'app.db', report: null },
    trusted: true,
    defaults,
    lastResult: null,
    lastRecording: recording,
    lastSweep: null,
    recordingNow: null,
    locks: null,
    walGrowth: null,
    probeLocks: null,
    busy: null,
    lastError: null,
    lastNotice: null,
    ...overrides,
  };
}

function panel(overrides: Partial<PanelState> = {}) {
  const posted: FromPanel[] = [];
  const actions: ViewActions = {
    post: (message) => posted.push(message),
    showView: () => undefined,
    editField: () => undefined,
    runProbe: () => undefined,
  };
  const root = renderInDom(
    renderPanel(
      state(overrides),
      { form: formFromValues(defaults), timelineWidth: 900, view: 'recording' },
      actions,
    ),
  );
  const tab = root.querySelector<HTMLElement>('vscode-tab-panel[data-view="recording"]');
  assert.ok(tab, 'the Recording tab is there');
  return { root, tab, posted };
}

test('the Recording tab: the summary first, then one lane per process, the tables and the limits', () => {
  const { tab } = panel();
  const summary = tab.querySelector('#recording-summary');
  assert.match(textOf(summary), /Longest write-lock hold: python3 4711 held RESERVED for 200 ms/);
  const lanes = tab.querySelector('#recording-lanes svg');
  assert.ok(lanes, 'the lanes are drawn');
  assert.equal(lanes.getAttribute('width'), '900');
  const laneNames = [...lanes.querySelectorAll('.lane-name, text')].map((node) => textOf(node));
  assert.ok(laneNames.includes('python3 4711'), laneNames.join(' | '));
  // Order: summary, lanes, tables, limits.
  const html = tab.innerHTML;
  assert.ok(html.indexOf('recording-summary') < html.indexOf('recording-lanes'));
  assert.ok(html.indexOf('recording-lanes') < html.indexOf('recording-processes'));
  assert.ok(html.indexOf('recording-processes') < html.indexOf('recording-limits'));
  assert.deepEqual(
    tableRows(tab, 'recording-write-holds').map((row) => row.slice(0, 2)),
    [['python3 4711', 'RESERVED']],
  );
  assert.match(textOf(tab.querySelector('#recording-limits')), /sampled every 5\.0 ms/);
});

test('process names and commands are text, never markup', () => {
  const { tab } = panel({
    recordingNow: {
      database: '/data/app.db',
      name: 'app.db',
      startedAt: recording.startedAt,
      command: hostile,
    },
  });
  assert.equal(tab.querySelector('img'), null);
  assert.ok(textOf(tab).includes(hostile));
});

test('while recording: what is recorded, and Stop asks the host to stop', () => {
  const { tab, posted } = panel({
    lastRecording: null,
    recordingNow: {
      database: '/data/app.db',
      name: 'app.db',
      startedAt: recording.startedAt,
      command: 'uvicorn app:app',
    },
  });
  assert.match(
    textOf(tab.querySelector('#recording-now')),
    /Recording the locks on app\.db while running uvicorn app:app/,
  );
  tab.querySelector<HTMLElement>('#stop-recording')?.click();
  assert.deepEqual(posted, [{ type: 'stopRecording' }]);
  assert.equal(tab.querySelector('#recording'), null);
});

test('no recording yet: how to make one', () => {
  const { tab } = panel({ lastRecording: null });
  assert.match(textOf(tab.querySelector('#recording-empty')), /Record Lock Activity/);
  const untrusted = panel({ lastRecording: null, trusted: false }).tab;
  assert.match(textOf(untrusted.querySelector('#recording-empty')), /needs a trusted workspace/);
});

test('the app’s lock errors by kind, and the exports name the recording', () => {
  const withApp: Recording = {
    ...recording,
    app: {
      source: { kind: 'run', command: 'python3 app.py', pid: 4711, exitCode: 0, signal: null },
      lines: [
        {
          atMs: 120,
          stream: 'stderr',
          text: 'sqlite3.OperationalError: database is locked',
          lockError: 'database is locked',
          pid: 4711,
        },
        { atMs: 130, stream: 'stdout', text: 'GET / 200', pid: 4711 },
      ],
      droppedLines: 0,
      errorCounts: { 'database is locked': 1 },
    },
  };
  const { tab, posted } = panel({ lastRecording: withApp });
  assert.deepEqual(tableRows(tab, 'recording-app-errors'), [['database is locked', '1']]);
  assert.match(
    textOf(tab.querySelector('#recording-summary')),
    /python3 app\.py \(PID 4711, exit code 0\) printed 1 lock error \(2 lines\)/,
  );
  // The error line is a mark on the app's lane.
  assert.match(tab.querySelector('#recording-lanes')?.innerHTML ?? '', /database is locked/);
  tab.querySelector<HTMLElement>('#export-recording-markdown')?.click();
  assert.deepEqual(posted, [{ type: 'export', format: 'markdown', subject: 'recording' }]);
});

test('the recording travels in its own message and completes the panel state', () => {
  const folded = applyToPanel({ lastResult: null }, { type: 'recording', recording });
  assert.equal(folded.lastRecording, recording);
  assert.equal(folded.lastResult, null);
});

test('a recording made during a load test shows the seed’s check first, responses and latency beside the lanes', () => {
  const load: LoadResult = {
    schema: loadResultSchema,
    startedAt: recording.startedAt,
    config: {
      urls: ['http://127.0.0.1:8000/session_b', 'http://127.0.0.1:8000/session_a'],
      method: 'GET',
      requests: 20,
      concurrency: 10,
      database: '/data/app.db',
      headerNames: [],
      body: false,
      run: null,
      log: null,
    },
    durationMs: 2100,
    startMs: 5,
    sent: 20,
    successful: 2,
    failed: 18,
    byStatus: [
      { status: 200, count: 2 },
      { status: 500, count: 18 },
    ],
    noResponse: [],
    latencyMs: { p50: 110, p90: 1010, p99: 1020, max: 1020 },
    perUrl: [],
    outcomes: [],
    droppedOutcomes: 0,
    lockErrorsInResponses: { 'database is locked': 18 },
    rows: { counted: 'allTables', what: 'items', before: 20, after: 22, added: 2, otherTables: [] },
    check: {
      text: '18 of 20 requests failed; 2 rows were added to items for 2 successful requests',
      rowsMatchSuccesses: true,
    },
    app: null,
    cancelled: false,
  };
  const { tab } = panel({ lastRecording: { ...recording, load } });
  assert.equal(
    textOf(tab.querySelector('#load-check')),
    '18 of 20 requests failed; 2 rows were added to items for 2 successful requests',
  );
  assert.equal(tab.querySelector('#load-check')?.classList.contains('text-warning'), true);
  assert.deepEqual(tableRows(tab, 'load-responses'), [
    ['HTTP 200', '2'],
    ['HTTP 500', '18'],
  ]);
  assert.match(textOf(tab.querySelector('#load-latency')), /p50 110 ms · p90 1\.01 s · p99 1\.02 s/);
  assert.deepEqual(tableRows(tab, 'load-lock-errors'), [['database is locked', '—', '18']]);
  // The load result sits above the lanes of the processes that served it.
  const html = tab.innerHTML;
  assert.ok(html.indexOf('load-check') < html.indexOf('recording-lanes'));
  // A `load` field of another shape (another version) is left out, not half drawn.
  assert.equal(
    panel({ lastRecording: { ...recording, load: { schema: 'x' } } }).tab.querySelector('#load-result'),
    null,
  );
});
