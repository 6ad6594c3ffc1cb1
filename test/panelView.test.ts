// The panel's views rendered with lit-html into a DOM (happy-dom): what a person would read and which
// controls they get, the messages their clicks send, and the probe form's own state. The controls'
// look (vscode-elements) and the real webview's CSP are checked in a real VS Code (test/e2e).
import { renderInDom, tableRows, textOf } from './support/panelDom';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InspectReport } from '../src/engine/inspect/inspectReport';
import { probeResultSchema, type ProbeResult, type SessionResult } from '../src/engine/probe/probeTypes';
import type { FromPanel, PanelState, ProbeFormValues } from '../src/shared/panelProtocol';
import { renderTimelineSvg } from '../src/report/timelineSvg';
import type { ViewActions } from '../media/panel/render/actions';
import { renderPanel, type PanelView } from '../media/panel/render/panelView';
import { formFromValues, parseBusyTimeout, updateForm } from '../media/panel/probeFormState';
import { PanelPage } from '../media/panel/panelPage';

// ---------------------------------------------------------------------------------------------
// Fixtures shaped like the engine's output: the seed scenario in the blocking model, where A fails
// with SQLITE_BUSY after the whole busy timeout and B commits.

const evil = '<img src=x onerror=alert(1)>.db';
const defaults: ProbeFormValues = {
  preset: 'seed',
  model: 'blocking',
  journal: 'keep',
  busyTimeoutMs: 5000,
  begin: 'preset',
};

function inspectReport(path: string, journalMode: 'wal' | 'delete'): InspectReport {
  const sidecar = (suffix: string) => ({ path: `${path}${suffix}`, exists: false, sizeBytes: 0 });
  return {
    schema: 'sqlite-lock-doctor/inspect-report@2',
    path,
    realPath: path,
    sizeBytes: 8192,
    empty: false,
    journalMode,
    journalModeNote: 'The file records only WAL versus rollback mode.',
    pageSize: 4096,
    pageCount: 2,
    pageCountSource: 'header',
    freelistPages: 0,
    header: null,
    lastWriterSqliteVersion: '3.40.1',
    engineSqliteVersion: '3.54.1',
    wal: { ...sidecar('-wal'), header: null },
    shm: sidecar('-shm'),
    journal: { ...sidecar('-journal'), validMagic: false, hot: false, reservedLockHolders: [] },
    filesystem: null,
    locks: { supported: true, holders: [] },
    connectionDefaults: [
      {
        client: 'SQLite C API',
        busyTimeoutMs: 0,
        transactionBegin: 'DEFERRED',
        setting: 'PRAGMA busy_timeout',
      },
    ],
    findings: [{ code: 'locks-held', severity: 'info', message: `One process holds locks on ${evil}.` }],
  };
}

function session(name: string, failed: boolean): SessionResult {
  const events: SessionResult['events'] = [
    { tUs: 0, kind: 'start', lock: 'none' },
    { tUs: 100_000, kind: 'sent', op: 'write', lock: 'none', wants: 'RESERVED' },
  ];
  if (failed) {
    events.push({
      tUs: 5_100_000,
      kind: 'error',
      op: 'write',
      lock: 'none',
      code: 'SQLITE_BUSY',
      errno: 5,
      message: `database is locked <script>`,
      elapsedUs: 5_000_000,
    });
  } else {
    events.push({ tUs: 5_200_000, kind: 'commit', op: 'commit', lock: 'none' });
  }
  return {
    name,
    outcome: failed ? 'failed' : 'committed',
    error: failed
      ? { code: 'SQLITE_BUSY', errno: 5, message: 'database is locked', elapsedMs: 5000, atMs: 5100 }
      : undefined,
    waitedMs: failed ? 5000 : 0,
    longestWaitMs: failed ? { RESERVED: 5000 } : {},
    transactions: { attempted: 1, committed: failed ? 0 : 1, failed: failed ? 1 : 0 },
    rows: { attempted: 1, committed: failed ? 0 : 1 },
    eventCount: events.length,
    events,
    spans: failed
      ? [{ fromUs: 100_000, toUs: 5_100_000, lock: 'none', waitingFor: 'RESERVED' }]
      : [{ fromUs: 100_000, toUs: 5_200_000, lock: 'RESERVED' }],
  };
}

function seedResult(sessionNames = ['A', 'B']): ProbeResult {
  return {
    schema: probeResultSchema,
    id: 'run-seed',
    config: {
      preset: 'seed',
      model: 'blocking',
      journal: 'keep',
      journalMode: 'delete',
      busyTimeoutMs: 5000,
      inPlace: false,
      database: '/data/app.db',
      target: '/tmp/sld-1/app.db',
      probeTable: '_lock_doctor_probe',
      sessions: [],
    },
    sqliteVersion: '3.54.1',
    durationMs: 5200,
    sessions: sessionNames.map((name, index) => session(name, index === 0)),
    summarised: false,
    errorCounts: { SQLITE_BUSY: 1 },
    rows: {
      attempted: sessionNames.length,
      committed: sessionNames.length - 1,
      found: sessionNames.length - 1,
    },
    verdict: {
      summary: 'A failed with SQLITE_BUSY after the whole busy timeout.',
      explanation: ['The waiting statement blocked the event loop.'],
      fixes: [
        { kind: 'off-event-loop', text: 'Keep blocking calls off the event loop.' },
        { kind: 'shorter-transactions', text: 'Keep write transactions short.' },
      ],
    },
  };
}

function state(overrides: Partial<PanelState> = {}, mode: 'wal' | 'delete' = 'delete'): PanelState {
  return {
    database: { path: '/data/app.db', name: 'app.db', report: inspectReport('/data/app.db', mode) },
    trusted: true,
    defaults,
    lastResult: seedResult(),
    lastRecording: null,
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

function view(overrides: Partial<PanelView> = {}): PanelView {
  return { form: formFromValues(defaults), timelineWidth: 900, view: 'file', ...overrides };
}

/** Actions that record what the templates asked for. */
function recorder(): ViewActions & { posted: FromPanel[]; shown: string[]; runs: number } {
  const record = {
    posted: [] as FromPanel[],
    shown: [] as string[],
    runs: 0,
    post: (message: FromPanel) => record.posted.push(message),
    showView: (name: string) => record.shown.push(name),
    editField: () => undefined,
    runProbe: () => {
      record.runs += 1;
    },
  };
  return record;
}

function panel(
  overrides: Partial<PanelState> = {},
  options: Partial<PanelView> = {},
  mode?: 'wal' | 'delete',
) {
  const actions = recorder();
  const root = renderInDom(renderPanel(state(overrides, mode), view(options), actions));
  return { root, actions };
}

const byId = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`#${id}`);

// ---------------------------------------------------------------------------------------------

test('the error counts table has one row per code: the code, then the count', () => {
  const { root } = panel();
  assert.deepEqual(
    tableRows(root, 'error-counts').map((cells) => cells.slice(0, 2)),
    [['SQLITE_BUSY', '1']],
  );
  assert.ok(root.querySelector('#error-counts vscode-table-row[data-code="SQLITE_BUSY"]'));
});

test('a result without errors says so instead of an empty table', () => {
  const { root } = panel({ lastResult: { ...seedResult(), errorCounts: {} } });
  assert.equal(byId(root, 'error-counts')?.tagName, 'P');
  assert.equal(textOf(byId(root, 'error-counts')), 'No errors.');
});

test('session outcomes list each session with its outcome, error, wait and transactions', () => {
  const { root } = panel();
  const rows = tableRows(root, 'session-outcomes');
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[0].slice(0, 2), ['A', 'failed']);
  assert.match(rows[0][2], /^SQLITE_BUSY after 5\.00 s/);
  assert.equal(rows[0][4], '5.00 s');
  assert.equal(rows[0][5], '0 of 1');
  assert.deepEqual(rows[1].slice(0, 3), ['B', 'committed', '—']);
  const outcomes = [...root.querySelectorAll('#session-outcomes vscode-table-row')].map((row) => [
    row.getAttribute('data-session'),
    row.getAttribute('data-outcome'),
  ]);
  assert.deepEqual(outcomes, [
    ['A', 'failed'],
    ['B', 'committed'],
  ]);
});

test('the verdict comes first, then the timeline, the errors, the rows and the sessions', () => {
  const { root } = panel();
  const order = ['verdict', 'timeline', 'error-counts', 'rows', 'session-outcomes'].map((id) => {
    const element = byId(root, id);
    assert.ok(element, id);
    return element;
  });
  for (let index = 1; index < order.length; index += 1) {
    // DOCUMENT_POSITION_FOLLOWING: the next one comes after the previous one.
    assert.ok(order[index - 1].compareDocumentPosition(order[index]) & 4, `${index}`);
  }
  const fixes = [...root.querySelectorAll('#verdict ol.fixes li')].map((item) => textOf(item));
  assert.deepEqual(fixes, ['Keep blocking calls off the event loop.', 'Keep write transactions short.']);
  const rows = Object.fromEntries(
    [...root.querySelectorAll('#rows dd[data-rows]')].map((dd): [string, string] => [
      dd.getAttribute('data-rows') ?? '',
      textOf(dd),
    ]),
  );
  assert.deepEqual(rows, { attempted: '2', committed: '1', found: '1' });
});

test('file names, SQLite messages, findings, errors and session names stay text', () => {
  const result = seedResult([evil, 'B']);
  const overrides: Partial<PanelState> = {
    database: { path: `/home/me/${evil}`, name: evil, report: inspectReport(`/home/me/${evil}`, 'delete') },
    lastResult: { ...result, config: { ...result.config, database: `/home/me/${evil}` } },
    lastError: `another connection holds a lock on ${evil}`,
    lastNotice: `Switched ${evil} from wal to delete.`,
    busy: { kind: 'switch', label: `Switching ${evil}…` },
  };
  for (const name of ['file', 'probe'] as const) {
    const { root } = panel(overrides, { view: name });
    assert.equal(root.querySelector('img'), null);
    assert.equal(root.querySelector('script'), null);
    assert.ok(textOf(root.querySelector('.db-file')).includes(evil));
    assert.ok(textOf(byId(root, 'last-error')).includes(evil));
    assert.ok(textOf(byId(root, 'last-notice')).includes(evil));
    assert.ok(textOf(byId(root, 'busy')).includes(evil));
    assert.ok(textOf(root.querySelector('.finding-text')).includes(evil));
    assert.equal(
      root.querySelector('#session-outcomes vscode-table-row')?.getAttribute('data-session'),
      evil,
    );
  }
});

test('nothing carries an inline style attribute or <style> element: the CSP forbids both', () => {
  for (const { root } of [
    panel(),
    panel({ lastResult: seedResult(Array.from({ length: 32 }, (_, i) => `w${i + 1}`)) }, { view: 'probe' }),
    panel({ database: null, lastResult: null }),
  ]) {
    assert.equal(root.querySelector('[style]'), null);
    assert.equal(root.querySelector('style'), null);
  }
});

test('the timeline fits the width it is given, with its stylesheet left to the page', () => {
  const svg = panel({}, { timelineWidth: 1234 }).root.querySelector('#timeline svg');
  assert.equal(svg?.getAttribute('class'), 'sld-timeline');
  assert.equal(svg?.getAttribute('width'), '1234');
  assert.match(svg?.innerHTML ?? '', /SQLITE_BUSY after 5\.00 s/);
  // Narrow panels scroll it sideways rather than squeezing it below the renderer's minimum.
  assert.equal(
    panel({}, { timelineWidth: 300 }).root.querySelector('#timeline svg')?.getAttribute('width'),
    '480',
  );
  // The CLI's standalone SVG keeps its own stylesheet.
  assert.match(renderTimelineSvg(seedResult()), /<style>\.sld-timeline/);
  assert.doesNotMatch(renderTimelineSvg(seedResult(), { embedStyle: false }), /<style/);
});

test('only the switch that applies is shown: WAL for a rollback-mode file, DELETE for a WAL file', () => {
  const rollback = panel({}, {}, 'delete');
  assert.ok(byId(rollback.root, 'switch-wal'));
  assert.equal(byId(rollback.root, 'switch-delete'), null);
  assert.equal(textOf(byId(rollback.root, 'journal-mode')), 'DELETE');
  byId(rollback.root, 'switch-wal')?.click();
  assert.deepEqual(rollback.actions.posted, [{ type: 'switchJournal', target: 'wal' }]);

  const wal = panel({}, {}, 'wal');
  assert.ok(byId(wal.root, 'switch-delete'));
  assert.equal(byId(wal.root, 'switch-wal'), null);
  assert.equal(textOf(byId(wal.root, 'journal-mode')), 'WAL');
});

test('an untrusted workspace disables switching and probing, and says why', () => {
  const trusted = panel();
  assert.equal(byId(trusted.root, 'switch-wal')?.hasAttribute('disabled'), false);
  assert.equal(byId(trusted.root, 'probe-run')?.hasAttribute('disabled'), false);

  const { root, actions } = panel({ trusted: false });
  assert.equal(byId(root, 'switch-wal')?.hasAttribute('disabled'), true);
  assert.equal(byId(root, 'probe-run')?.hasAttribute('disabled'), true);
  assert.match(textOf(byId(root, 'switch-reason')), /untrusted workspace/);
  assert.match(textOf(byId(root, 'probe-run-reason')), /untrusted workspace/);
  assert.ok(byId(root, 'untrusted'));
  // A click that reaches the button anyway sends nothing.
  byId(root, 'switch-wal')?.click();
  assert.deepEqual(actions.posted, []);
  // Inspection and exports stay available.
  assert.equal(byId(root, 'refresh')?.hasAttribute('disabled'), false);
  assert.equal(byId(root, 'export-json')?.hasAttribute('disabled'), false);
  byId(root, 'export-json')?.click();
  assert.deepEqual(actions.posted, [{ type: 'export', format: 'json', subject: 'probe' }]);
});

test('while a probe runs, Run turns into Cancel; other operations only disable Run', () => {
  const probing = panel({ busy: { kind: 'probe', label: 'Running the probe…' } });
  const button = byId(probing.root, 'probe-cancel');
  assert.equal(byId(probing.root, 'probe-run'), null);
  assert.equal(textOf(button), 'Cancel Probe');
  assert.equal(button?.hasAttribute('disabled'), false);
  button?.click();
  assert.deepEqual(probing.actions.posted, [{ type: 'cancelProbe' }]);
  assert.equal(byId(probing.root, 'switch-wal')?.hasAttribute('disabled'), true);
  assert.equal(byId(probing.root, 'busy')?.getAttribute('role'), 'status');
  assert.match(textOf(byId(probing.root, 'busy')), /Running the probe…/);

  const switching = panel({ busy: { kind: 'switch', label: 'Switching to WAL…' } });
  assert.equal(byId(switching.root, 'probe-cancel'), null);
  assert.equal(byId(switching.root, 'probe-run')?.hasAttribute('disabled'), true);
  assert.equal(byId(panel().root, 'probe-cancel'), null);
});

test('the same page updated in place: Run becomes Cancel in the same element, the switch likewise', () => {
  const actions = recorder();
  const root = renderInDom(renderPanel(state(), view(), actions));
  const run = byId(root, 'probe-run');
  const switchButton = byId(root, 'switch-wal');
  renderInDom(renderPanel(state({ busy: { kind: 'probe', label: 'Running…' } }), view(), actions), root);
  assert.equal(byId(root, 'probe-cancel'), run, 'one element: the focus stays on it');
  renderInDom(renderPanel(state({}, 'wal'), view(), actions), root);
  assert.equal(byId(root, 'switch-delete'), switchButton);
});

test('errors and notices are announced: role="alert" and role="status"', () => {
  const { root } = panel({ lastError: 'the journal mode is still delete', lastNotice: 'Switched.' });
  assert.equal(byId(root, 'last-error')?.getAttribute('role'), 'alert');
  assert.equal(textOf(byId(root, 'last-error')), 'the journal mode is still delete');
  assert.equal(byId(root, 'last-notice')?.getAttribute('role'), 'status');
  assert.equal(textOf(byId(root, 'last-notice')), 'Switched.');
});

test('with no database open, the panel explains itself and offers Open Database…', () => {
  const { root, actions } = panel({ database: null, lastResult: null });
  assert.equal(textOf(byId(root, 'open-database')), 'Open Database…');
  assert.match(textOf(root), /database is locked/);
  for (const id of ['probe-run', 'switch-wal', 'journal-mode', 'verdict', 'views']) {
    assert.equal(byId(root, id), null, id);
  }
  byId(root, 'open-database')?.click();
  assert.deepEqual(actions.posted, [{ type: 'openDatabase' }]);
});

test('the views are tabs: file, lock holders, probe, recording, headroom; the chosen one is selected', () => {
  const { root } = panel({}, { view: 'probe' });
  const headers = [...root.querySelectorAll('#views vscode-tab-header')].map((header) => textOf(header));
  assert.deepEqual(headers, ['File', 'Lock holders', 'Probe', 'Recording', 'Headroom']);
  assert.equal((byId(root, 'views') as unknown as { selectedIndex: number }).selectedIndex, 2);
  // Each view's content sits in its own tab panel.
  const inView = (view: string, id: string) =>
    root.querySelector(`vscode-tab-panel[data-view="${view}"] #${id}`);
  assert.ok(inView('file', 'switch-wal'));
  assert.ok(inView('probe', 'probe-form'));
  assert.ok(inView('probe', 'verdict'));
  assert.ok(inView('locks', 'lock-holders'));
  assert.deepEqual(
    [...root.querySelectorAll('#views vscode-tab-header')].map((header) => header.getAttribute('data-view')),
    ['file', 'locks', 'probe', 'recording', 'headroom'],
  );
});

test('every form control has a label, and the form shows the values it was given', () => {
  const form = formFromValues({ ...defaults, preset: 'burst', begin: 'immediate', busyTimeoutMs: 250 });
  const { root } = panel({}, { form });
  for (const id of ['probe-preset', 'probe-model', 'probe-journal', 'probe-busy-timeout', 'probe-begin']) {
    assert.ok(root.querySelector(`vscode-label[for="${id}"]`), id);
  }
  const valueOf = (id: string) => (byId(root, id) as unknown as { value: string }).value;
  assert.equal(valueOf('probe-preset'), 'burst');
  assert.equal(valueOf('probe-begin'), 'immediate');
  assert.equal(valueOf('probe-busy-timeout'), '250');
  assert.ok(root.querySelector('#probe-preset vscode-option[value="burst"][selected]'));
  assert.match(textOf(byId(root, 'probe-preset-hint')), /^N writers/);
});

test('the busy timeout must be whole milliseconds from 0 to 600000; Run waits for a valid one', () => {
  assert.deepEqual(parseBusyTimeout('0'), { value: 0 });
  assert.deepEqual(parseBusyTimeout(' 600000 '), { value: 600000 });
  for (const bad of ['', '-1', '1.5', '600001', 'abc']) {
    assert.ok('problem' in parseBusyTimeout(bad), bad);
  }
  const typed = updateForm(formFromValues(defaults), 'busyTimeoutMs', '700000');
  assert.equal(typed.values.busyTimeoutMs, 5000, 'the last valid value stays');
  assert.equal(typed.busyTimeoutText, '700000', 'what was typed stays');
  const { root } = panel({}, { form: typed });
  assert.equal(byId(root, 'probe-run')?.hasAttribute('disabled'), true);
  assert.equal(byId(root, 'probe-busy-timeout')?.getAttribute('aria-invalid'), 'true');
  // The hint says what is wrong, in the form's own words.
  assert.equal(textOf(byId(root, 'probe-busy-timeout-hint')), typed.busyTimeoutProblem);
  assert.match(typed.busyTimeoutProblem ?? '', /700000/);

  const fixed = updateForm(typed, 'busyTimeoutMs', '250');
  assert.equal(fixed.values.busyTimeoutMs, 250);
  assert.equal(fixed.busyTimeoutProblem, undefined);
  // Unknown choices keep the previous value: the form only ever holds what the host accepts.
  assert.equal(updateForm(fixed, 'model', 'fibers').values.model, 'blocking');
  assert.equal(updateForm(fixed, 'preset', 'upgrade').values.preset, 'upgrade');
});

test("a probe started elsewhere (a hint or an error's Reproduce, the palette) sets the form to what it runs", () => {
  const posted: FromPanel[] = [];
  const root = document.createElement('main');
  document.body.replaceChildren(root);
  const page = new PanelPage(
    root,
    { post: (message) => posted.push(message), saved: () => undefined, save: () => {} },
    undefined,
  );
  const settings: ProbeFormValues = { ...defaults, model: 'processes' };
  page.receive(state({ defaults: settings }));
  const ran: ProbeFormValues = { ...settings, model: 'blocking', busyTimeoutMs: 250 };
  page.receive(
    state({ defaults: settings, busy: { kind: 'probe', label: 'Running the seed probe…', probe: ran } }),
  );
  page.receive(state({ defaults: settings }));
  const run = root.querySelector<HTMLElement>('#probe-run');
  assert.ok(run, 'the Run Probe button is shown');
  run.click();
  assert.deepEqual(posted.at(-1), { type: 'runProbe', form: ran });
});

test('the pool size shows only for the pool scenario; a bad one keeps Run off', () => {
  const { root: seed } = panel({}, { form: formFromValues(defaults) });
  assert.equal(byId(seed, 'probe-pool-size'), null);
  const pool = formFromValues({ ...defaults, preset: 'pool' });
  const { root } = panel({}, { form: pool });
  assert.ok(root.querySelector('vscode-label[for="probe-pool-size"]'));
  assert.equal((byId(root, 'probe-pool-size') as unknown as { value: string }).value, '4');
  const typed = updateForm(pool, 'poolSize', '17');
  assert.equal(typed.values.poolSize, undefined, 'the last valid value (the default) stays');
  assert.match(typed.poolSizeProblem ?? '', /The pool size must be a whole number from 1 to 16, not "17"/);
  const { root: refused } = panel({}, { form: typed });
  assert.equal(byId(refused, 'probe-run')?.hasAttribute('disabled'), true);
  assert.equal(textOf(byId(refused, 'probe-pool-size-hint')), typed.poolSizeProblem);
  assert.equal(updateForm(typed, 'poolSize', '1').values.poolSize, 1);
});

test('choosing a driver fills the busy timeout and BEGIN with its defaults; editing them after wins', () => {
  const node = updateForm(formFromValues(defaults), 'client', 'node-sqlite');
  assert.equal(node.values.client, 'node-sqlite');
  assert.equal(node.values.busyTimeoutMs, 0);
  assert.equal(node.busyTimeoutText, '0');
  assert.equal(node.values.begin, 'deferred');
  const rails = updateForm(node, 'client', 'rails');
  assert.deepEqual([rails.values.busyTimeoutMs, rails.values.begin], [5000, 'immediate']);
  const edited = updateForm(rails, 'busyTimeoutMs', '250');
  assert.deepEqual([edited.values.client, edited.values.busyTimeoutMs], ['rails', 250]);
  const { root } = panel({}, { form: edited });
  assert.ok(root.querySelector('vscode-label[for="probe-client"]'));
  assert.match(textOf(byId(root, 'probe-client-hint')), /BEGIN IMMEDIATE/);
});
