// The panel's Headroom view (and the WAL size chart under the probe's timeline), rendered with lit-html
// into happy-dom: what a person reads (the summary, a point per level, the first failing level marked,
// each level's exact figures on hover or focus, the table for screen readers), what its button sends,
// and that the host accepts that message only in its known shape.
import { renderInDom, tableRows, textOf } from './support/panelDom';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SweepResult } from '../src/engine/sweep/sweepTypes';
import type { FromPanel, PanelState } from '../src/shared/panelProtocol';
import { sweepLevelRows } from '../src/report/sweep/sweepFacts';
import { validatePanelMessage } from '../src/extension/panel/validatePanelMessage';
import type { ViewActions } from '../media/panel/render/actions';
import { renderPanel } from '../media/panel/render/panelView';
import { formFromValues } from '../media/panel/probeFormState';
import { fixtureResult, seedScripts } from './support/timelineFixtures';

const fixturePath = join(__dirname, '..', '..', 'test', 'fixtures', 'sweep', 'seed-threads.json');
/** A hand-made sweep@1 result (see its _fixture note): 100 % up to 4 clients, failures from 8. */
const seedSweep = JSON.parse(readFileSync(fixturePath, 'utf8')) as SweepResult;

const defaults = {
  preset: 'seed',
  model: 'processes',
  journal: 'keep',
  busyTimeoutMs: 5000,
  begin: 'preset',
} as const;

function state(overrides: Partial<PanelState> = {}): PanelState {
  return {
    database: { path: '/tmp/fixture/app.db', name: 'app.db', report: null },
    trusted: true,
    defaults,
    lastResult: null,
    lastRecording: null,
    lastSweep: seedSweep,
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

function panel(overrides: Partial<PanelState> = {}, view: 'headroom' | 'probe' = 'headroom') {
  const posted: FromPanel[] = [];
  const actions: ViewActions = {
    post: (message) => posted.push(message),
    showView: () => undefined,
    editField: () => undefined,
    runProbe: () => undefined,
  };
  const root = renderInDom(
    renderPanel(state(overrides), { form: formFromValues(defaults), timelineWidth: 900, view }, actions),
  );
  return { root, posted };
}

test('the Headroom tab shows the sweep: where the headroom ends, a point per level, the first failing level marked', () => {
  const { root } = panel();
  const view = root.querySelector('vscode-tab-panel[data-view="headroom"]');
  assert.ok(view?.querySelector('#headroom'));
  assert.equal(
    textOf(view?.querySelector('#headroom-summary')),
    'Every request succeeded up to 4 clients; at 8 clients 3 of 20 requests failed (success 85 %).',
  );
  assert.match(
    textOf(view?.querySelector('#headroom .muted')),
    /preset seed · model threads · journal delete/,
  );
  const levels = [...root.querySelectorAll('#headroom-chart .sh-level')];
  assert.deepEqual(
    levels.map((level) => level.getAttribute('data-clients')),
    ['1', '2', '4', '8', '16'],
  );
  const dots = [...root.querySelectorAll('#headroom-chart circle.sh-dot-rate')];
  assert.deepEqual(
    dots.map((dot) => (dot.getAttribute('class') ?? '').includes('sh-failing')),
    [false, false, false, true, true],
  );
  const marker = root.querySelector('#headroom-first-failing');
  assert.ok(marker, 'the first failing level is marked');
  assert.equal(/^M([\d.]+)/.exec(marker.getAttribute('d') ?? '')?.[1], dots[3].getAttribute('cx'));
});

test('hover or focus on a level shows its exact figures; each level is focusable and named for screen readers', () => {
  const { root } = panel();
  const eight = root.querySelector('#headroom-chart .sh-level[data-clients="8"]');
  assert.equal(eight?.getAttribute('tabindex'), '0');
  assert.deepEqual(
    [...(eight?.querySelectorAll('.sh-tip text') ?? [])].map((text) => textOf(text)),
    ['8 clients', 'succeeded 17 of 20 (85 %)', 'p50 4.98 s · p95 5.02 s', 'SQLITE_BUSY 3'],
  );
  assert.equal(
    eight?.getAttribute('aria-label'),
    '8 clients, succeeded 17 of 20 (85 %), p50 4.98 s · p95 5.02 s, SQLITE_BUSY 3',
  );
});

test('the table under the chart has every figure, the failing level flagged', () => {
  const { root } = panel();
  assert.deepEqual(tableRows(root, 'headroom-levels'), sweepLevelRows(seedSweep));
  assert.equal(tableRows(root, 'headroom-levels')[3][4], '85 %');
  const flagged = [...root.querySelectorAll('#headroom-levels vscode-table-row[data-first-failing]')];
  assert.deepEqual(
    flagged.map((row) => row.getAttribute('data-clients')),
    ['8'],
  );
});

test('text from a sweep (error codes, paths) is drawn as text, never as markup', () => {
  const hostile = '<img src=x onerror=alert(1)>';
  const { root } = panel({
    lastSweep: {
      ...seedSweep,
      database: `/tmp/${hostile}.db`,
      levels: seedSweep.levels.map((level) => ({ ...level, lockErrors: { [hostile]: level.failed } })),
    },
  });
  assert.equal(root.querySelectorAll('img').length, 0);
  assert.ok(
    textOf(root.querySelector('#headroom-chart .sh-level[data-clients="16"] .sh-tip')).includes(
      `${hostile} 7`,
    ),
  );
  assert.ok(textOf(root.querySelector('#headroom')).includes(`From a sweep of /tmp/${hostile}.db`));
});

test('Sweep Concurrency… posts runSweep; offered only when trusted and idle; the host accepts only that shape', () => {
  const empty = panel({ lastSweep: null });
  assert.match(
    textOf(empty.root.querySelector('#headroom')),
    /How many concurrent requests before it breaks/,
  );
  (empty.root.querySelector('#run-sweep') as HTMLElement).click();
  assert.deepEqual(empty.posted, [{ type: 'runSweep' }]);
  const busy = panel({ busy: { kind: 'probe', label: 'Running the probe…' } });
  assert.ok(busy.root.querySelector('#run-sweep')?.hasAttribute('disabled'));
  const untrusted = panel({ trusted: false });
  assert.ok(untrusted.root.querySelector('#run-sweep')?.hasAttribute('disabled'));
  const running = panel({
    lastSweep: null,
    busy: { kind: 'sweep', label: 'Sweeping app.db: 8 clients (4 of 5)…' },
  });
  assert.equal(running.root.querySelector('#run-sweep'), null);
  assert.match(textOf(running.root.querySelector('#headroom')), /8 clients \(4 of 5\)/);

  assert.deepEqual(validatePanelMessage({ type: 'runSweep', levels: '<script>' }), { type: 'runSweep' });
  assert.equal(validatePanelMessage({ type: 'runSweeps' }), undefined);
});

test("a WAL probe's result draws the -wal size under the timeline; a rollback one does not", () => {
  const config = { model: 'threads' as const, journalMode: 'wal', busyTimeoutMs: 5000 };
  const wal = fixtureResult(config, seedScripts(config));
  const frames = (count: number) => 32 + count * (24 + 4096);
  wal.walBytes = [
    { atMs: 0, bytes: 0 },
    { atMs: 500, bytes: frames(600) },
    { atMs: 1000, bytes: frames(1400) },
  ];
  const { root } = panel({ lastResult: wal }, 'probe');
  const chart = root.querySelector('#wal-size svg');
  assert.ok(chart, 'a WAL chart under the timeline');
  assert.match(chart.getAttribute('aria-label') ?? '', /grew from 0 B to 5\.50 MiB/);
  assert.ok(chart.querySelector('.sld-wal-limit'), 'the auto-checkpoint size is marked');
  const rollback = panel(
    { lastResult: fixtureResult({ ...config, journalMode: 'delete' }, seedScripts(config)) },
    'probe',
  );
  assert.ok(rollback.root.querySelector('#timeline-explorer'));
  assert.equal(rollback.root.querySelector('#wal-size'), null);
});
