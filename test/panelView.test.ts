// The panel's pure view: the HTML it renders from a PanelState, and the probe form's own state. The
// DOM side (morphing, focus, messages) is checked in a browser; this is what can fail without one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InspectReport } from '../src/engine/inspect/inspectReport';
import type { ProbeResult, SessionResult } from '../src/engine/probe/probeTypes';
import type { PanelState, ProbeFormValues } from '../src/shared/panelProtocol';
import { renderTimelineSvg } from '../src/report/timelineSvg';
import { renderPanel, type PanelView } from '../media/panel/render/panelView';
import { formFromValues, parseBusyTimeout, updateForm } from '../media/panel/probeFormState';

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
    schema: 'sqlite-lock-doctor/inspect-report@1',
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
    locks: { source: '/proc/locks', holders: [] },
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
    transactions: { attempted: 1, committed: failed ? 0 : 1, failed: failed ? 1 : 0 },
    rows: { attempted: 1, committed: failed ? 0 : 1 },
    events,
    spans: failed
      ? [{ fromUs: 100_000, toUs: 5_100_000, lock: 'none', waitingFor: 'RESERVED' }]
      : [{ fromUs: 100_000, toUs: 5_200_000, lock: 'RESERVED' }],
  };
}

function seedResult(sessionNames = ['A', 'B']): ProbeResult {
  return {
    schema: 'sqlite-lock-doctor/probe-result@1',
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
  return { form: formFromValues(defaults), timelineWidth: 900, resultKey: 'k', ...overrides };
}

/** The opening tag of the element with this id, or undefined. */
function tagWithId(html: string, id: string): string | undefined {
  return new RegExp(`<[a-z]+[^>]*\\sid="${id}"[^>]*>`).exec(html)?.[0];
}

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Rows of a table's body as the text of their cells. */
function bodyRows(html: string, id: string): string[][] {
  const start = html.indexOf(`id="${id}"`);
  assert.ok(start >= 0, `#${id} is rendered`);
  const tableHtml = html.slice(start, html.indexOf('</table>', start));
  const body = tableHtml.slice(tableHtml.indexOf('<tbody>'));
  return [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((cell) => textOf(cell[1])),
  );
}

// ---------------------------------------------------------------------------------------------

test('the error counts table has one row per code: the code, then the count', () => {
  const html = renderPanel(state(), view());
  assert.deepEqual(
    bodyRows(html, 'error-counts').map((cells) => cells.slice(0, 2)),
    [['SQLITE_BUSY', '1']],
  );
});

test('a result without errors says so instead of an empty table', () => {
  const result = { ...seedResult(), errorCounts: {} };
  const html = renderPanel(state({ lastResult: result }), view());
  assert.match(html, /<p id="error-counts"[^>]*>No errors\.<\/p>/);
});

test('session outcomes list each session with its outcome, error, wait and transactions', () => {
  const rows = bodyRows(renderPanel(state(), view()), 'session-outcomes');
  assert.equal(rows.length, 2);
  assert.deepEqual(rows[0].slice(0, 2), ['A', 'failed']);
  assert.match(rows[0][2], /^SQLITE_BUSY after 5\.00 s/);
  assert.equal(rows[0][4], '5.00 s');
  assert.equal(rows[0][5], '0 of 1');
  assert.deepEqual(rows[1].slice(0, 3), ['B', 'committed', '—']);
});

test('the verdict comes first, then the timeline, the errors, the rows and the sessions', () => {
  const html = renderPanel(state(), view());
  const order = ['verdict', 'timeline', 'error-counts', 'rows', 'session-outcomes'].map((id) =>
    html.indexOf(`id="${id}"`),
  );
  assert.ok(order.every((position) => position > 0));
  assert.deepEqual(
    order,
    [...order].sort((a, b) => a - b),
  );
  const verdict = html.slice(order[0], order[1]);
  assert.match(verdict, /<ol class="fixes"><li[^>]*>Keep blocking calls off the event loop\.<\/li><li/);
  const rows = Object.fromEntries(
    [...html.matchAll(/<dd data-rows="(\w+)">(\d+)<\/dd>/g)].map((match) => [match[1], Number(match[2])]),
  );
  assert.deepEqual(rows, { attempted: 2, committed: 1, found: 1 });
});

test('file names, SQLite messages, findings, errors and session names are escaped', () => {
  const result = seedResult([evil, 'B']);
  const html = renderPanel(
    state({
      database: { path: `/home/me/${evil}`, name: evil, report: inspectReport(`/home/me/${evil}`, 'delete') },
      lastResult: { ...result, config: { ...result.config, database: `/home/me/${evil}` } },
      lastError: `another connection holds a lock on ${evil}`,
      lastNotice: `Switched ${evil} from wal to delete.`,
      busy: { kind: 'switch', label: `Switching ${evil}…` },
    }),
    view(),
  );
  assert.doesNotMatch(html, /<img/);
  assert.doesNotMatch(html, /<script/);
  assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;.db'));
  // In the header, the alert and the notice.
  assert.ok(html.split('&lt;img src=x onerror=alert(1)&gt;.db').length > 6);
});

test('nothing carries an inline style attribute or <style> element: the CSP forbids both', () => {
  for (const html of [
    renderPanel(state(), view()),
    renderPanel(state({ lastResult: seedResult(Array.from({ length: 32 }, (_, i) => `w${i + 1}`)) }), view()),
    renderPanel(state({ database: null, lastResult: null }), view()),
  ]) {
    assert.doesNotMatch(html, /\sstyle=/);
    assert.doesNotMatch(html, /<style/);
  }
});

test('the timeline fits the width it is given, with its stylesheet left to the page', () => {
  const html = renderPanel(state(), view({ timelineWidth: 1234 }));
  assert.match(html, /<div[^>]*id="timeline"[^>]*><svg class="sld-timeline" width="1234"/);
  // Narrow panels scroll it sideways rather than squeezing it below the renderer's minimum.
  assert.match(renderPanel(state(), view({ timelineWidth: 300 })), /<svg class="sld-timeline" width="480"/);
  // The CLI's standalone SVG keeps its own stylesheet.
  assert.match(renderTimelineSvg(seedResult()), /<style>\.sld-timeline/);
  assert.doesNotMatch(renderTimelineSvg(seedResult(), { embedStyle: false }), /<style/);
});

test('only the switch that applies is shown: WAL for a rollback-mode file, DELETE for a WAL file', () => {
  const rollback = renderPanel(state({}, 'delete'), view());
  assert.ok(tagWithId(rollback, 'switch-wal'));
  assert.equal(tagWithId(rollback, 'switch-delete'), undefined);
  assert.match(tagWithId(rollback, 'journal-mode') ?? '', /journal-delete/);
  assert.match(rollback, /id="journal-mode"[^>]*>DELETE</);

  const wal = renderPanel(state({}, 'wal'), view());
  assert.ok(tagWithId(wal, 'switch-delete'));
  assert.equal(tagWithId(wal, 'switch-wal'), undefined);
  assert.match(wal, /id="journal-mode"[^>]*>WAL</);
});

test('an untrusted workspace disables switching and probing, and says why', () => {
  const trusted = renderPanel(state(), view());
  assert.doesNotMatch(tagWithId(trusted, 'switch-wal') ?? '', /disabled/);
  assert.doesNotMatch(tagWithId(trusted, 'probe-run') ?? '', /disabled/);

  const untrusted = renderPanel(state({ trusted: false }), view());
  assert.match(tagWithId(untrusted, 'switch-wal') ?? '', /\sdisabled/);
  assert.match(tagWithId(untrusted, 'probe-run') ?? '', /\sdisabled/);
  assert.match(untrusted, /id="switch-reason"[^>]*>[^<]*untrusted workspace/);
  assert.match(untrusted, /id="probe-run-reason"[^>]*>[^<]*untrusted workspace/);
  // Inspection and exports stay available.
  assert.doesNotMatch(tagWithId(untrusted, 'refresh') ?? '', /disabled/);
  assert.doesNotMatch(tagWithId(untrusted, 'export-json') ?? '', /disabled/);
});

test('while a probe runs, Run is disabled and Cancel is offered; not for other operations', () => {
  const probing = renderPanel(state({ busy: { kind: 'probe', label: 'Running the probe…' } }), view());
  assert.match(tagWithId(probing, 'probe-run') ?? '', /\sdisabled/);
  assert.ok(tagWithId(probing, 'probe-cancel'));
  assert.match(tagWithId(probing, 'switch-wal') ?? '', /\sdisabled/);
  assert.match(probing, /<div id="busy"[^>]*role="status"[^>]*>.*Running the probe…/);

  const switching = renderPanel(state({ busy: { kind: 'switch', label: 'Switching to WAL…' } }), view());
  assert.equal(tagWithId(switching, 'probe-cancel'), undefined);
  assert.match(tagWithId(switching, 'probe-run') ?? '', /\sdisabled/);

  assert.equal(tagWithId(renderPanel(state(), view()), 'probe-cancel'), undefined);
});

test('errors and notices are announced: role="alert" and role="status"', () => {
  const html = renderPanel(
    state({ lastError: 'the journal mode is still delete', lastNotice: 'Switched.' }),
    view(),
  );
  assert.match(html, /<div id="last-error"[^>]*role="alert"[^>]*><p>the journal mode is still delete<\/p>/);
  assert.match(html, /<div id="last-notice"[^>]*role="status"[^>]*><p>Switched\.<\/p>/);
});

test('with no database open, the panel explains itself and offers Open Database…', () => {
  const html = renderPanel(state({ database: null, lastResult: null }), view());
  assert.match(html, /<button[^>]*id="open-database"[^>]*>Open Database…<\/button>/);
  assert.match(html, /database is locked/);
  for (const id of ['probe-run', 'switch-wal', 'journal-mode', 'verdict']) {
    assert.equal(tagWithId(html, id), undefined, id);
  }
});

test('every form control has a label, and the form shows the values it was given', () => {
  const form = formFromValues({ ...defaults, preset: 'burst', begin: 'immediate', busyTimeoutMs: 250 });
  const html = renderPanel(state(), view({ form }));
  for (const id of ['probe-preset', 'probe-model', 'probe-journal', 'probe-busy-timeout', 'probe-begin']) {
    assert.match(html, new RegExp(`<label for="${id}">`), id);
  }
  assert.match(html, /<option value="burst" selected>/);
  assert.match(html, /<option value="immediate" selected>/);
  assert.match(tagWithId(html, 'probe-busy-timeout') ?? '', /value="250"/);
  assert.match(html, /id="probe-preset-hint"[^>]*>N writers/);
});

test('the busy timeout must be whole milliseconds from 0 to 600000; Run waits for a valid one', () => {
  assert.deepEqual(parseBusyTimeout('0'), { ms: 0 });
  assert.deepEqual(parseBusyTimeout(' 600000 '), { ms: 600000 });
  for (const bad of ['', '-1', '1.5', '600001', 'abc']) {
    assert.ok('problem' in parseBusyTimeout(bad), bad);
  }
  const typed = updateForm(formFromValues(defaults), 'busyTimeoutMs', '700000');
  assert.equal(typed.values.busyTimeoutMs, 5000, 'the last valid value stays');
  assert.equal(typed.busyTimeoutText, '700000', 'what was typed stays');
  const html = renderPanel(state(), view({ form: typed }));
  assert.match(tagWithId(html, 'probe-run') ?? '', /\sdisabled/);
  assert.match(tagWithId(html, 'probe-busy-timeout') ?? '', /aria-invalid="true"/);

  const fixed = updateForm(typed, 'busyTimeoutMs', '250');
  assert.equal(fixed.values.busyTimeoutMs, 250);
  assert.equal(fixed.busyTimeoutProblem, undefined);
  // Unknown choices keep the previous value: the form only ever holds what the host accepts.
  assert.equal(updateForm(fixed, 'model', 'fibers').values.model, 'blocking');
  assert.equal(updateForm(fixed, 'preset', 'upgrade').values.preset, 'upgrade');
});
