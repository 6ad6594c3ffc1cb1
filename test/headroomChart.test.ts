// The headroom chart (sweep --html and the panel draw the same geometry): what a reader sees in it (a
// point per level, the first failing level marked, the exact figures per level), that hostile text from
// a result stays text, that the drawing stays bounded however many levels a sweep has, and that the
// standalone SVG is well-formed XML for an independent parser (python3's xml.dom.minidom).
import { Window } from 'happy-dom';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SweepLevel, SweepResult } from '../src/engine/sweep/sweepTypes';
import { headroomGeometry, maxDrawnLevels } from '../src/report/sweep/headroomGeometry';
import { renderHeadroomSvg } from '../src/report/sweep/headroomSvg';
import { renderSweepHtml } from '../src/report/sweep/sweepHtml';
import { sweepLevelRows } from '../src/report/sweep/sweepFacts';
import { runCli } from './support/runCli';
import { makeItemsDatabase, makeTempFolder } from './support/tempDatabase';

const fixturePath = join(__dirname, '..', '..', 'test', 'fixtures', 'sweep', 'seed-threads.json');
/** A hand-made sweep@1 result (see its _fixture note): 100 % up to 4 clients, failures from 8. */
const seedSweep = JSON.parse(readFileSync(fixturePath, 'utf8')) as SweepResult;

function parseSvg(svg: string): Document {
  const window = new Window();
  return new window.DOMParser().parseFromString(svg, 'image/svg+xml') as unknown as Document;
}

function wellFormed(xml: string): void {
  execFileSync(
    'python3',
    ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())'],
    {
      input: xml,
    },
  );
}

function level(
  clients: number,
  succeeded: number,
  requests = 20,
  lockErrors: Record<string, number> = {},
): SweepLevel {
  return {
    clients,
    requests,
    succeeded,
    failed: requests - succeeded,
    lockErrors,
    latencyMs: { p50: 10 * clients, p95: 20 * clients, max: 25 * clients },
    wallMs: 1000,
  };
}

test('the chart has one point per level, and the first failing level is marked where the failures start', () => {
  const svg = renderHeadroomSvg(seedSweep);
  wellFormed(svg);
  const doc = parseSvg(svg);
  const levels = [...doc.querySelectorAll('.sh-level')].map((group) => group.getAttribute('data-clients'));
  assert.deepEqual(levels, ['1', '2', '4', '8', '16']);
  const rateDots = [...doc.querySelectorAll('circle.sh-dot-rate')];
  assert.equal(rateDots.length, 5);
  // Success drawn at 100 % for the clean levels, lower (and in the failure colour) from 8 clients.
  const ys = rateDots.map((dot) => Number(dot.getAttribute('cy')));
  assert.equal(ys[0], ys[2]);
  assert.ok(ys[3] > ys[2] && ys[4] > ys[3], `success falls from 8 clients on: ${ys.join(', ')}`);
  assert.deepEqual(
    rateDots.map((dot) => dot.getAttribute('class')?.includes('sh-failing') ?? false),
    [false, false, false, true, true],
  );
  const marker = doc.querySelector('path.sh-first');
  assert.ok(marker, 'the first failing level is marked');
  const markerX = Number(/^M([\d.]+)/.exec(marker.getAttribute('d') ?? '')?.[1]);
  assert.equal(markerX, Number(rateDots[3].getAttribute('cx')));
  assert.match(doc.querySelector('text.sh-first-text')?.textContent ?? '', /first failures at 8 clients/);
  assert.match(
    doc.querySelector('svg')?.getAttribute('aria-label') ?? '',
    /up to 4 clients; at 8 clients 3 of 20 requests failed/,
  );
});

test("each level's exact figures are in the drawing (hover box and title), as the table gives them", () => {
  const doc = parseSvg(renderHeadroomSvg(seedSweep));
  const eight = doc.querySelector('.sh-level[data-clients="8"]');
  const tip = [...(eight?.querySelectorAll('.sh-tip text') ?? [])].map((text) => text.textContent);
  assert.deepEqual(tip, [
    '8 clients',
    'succeeded 17 of 20 (85 %)',
    'p50 4.98 s · p95 5.02 s',
    'SQLITE_BUSY 3',
  ]);
  assert.equal(eight?.querySelector('title')?.textContent, tip.join('\n'));
  const html = renderSweepHtml(seedSweep, 'Headroom of app.db');
  assert.ok(html.includes('<td class="num">85 %</td>'));
  assert.ok(!/<script|<link|<img|@import/.test(html), 'the page loads nothing and runs nothing');
});

test('latency and success share one clients axis: a level sits at the same x in both plots', () => {
  const doc = parseSvg(renderHeadroomSvg(seedSweep));
  for (const group of ['8', '16']) {
    const xs = [...doc.querySelectorAll('circle')]
      .filter(
        (dot) =>
          dot.getAttribute('cx') ===
          doc.querySelectorAll('circle.sh-dot-rate')[group === '8' ? 3 : 4].getAttribute('cx'),
      )
      .map((dot) => dot.getAttribute('class'));
    assert.deepEqual(xs.sort(), ['sh-dot-p50', 'sh-dot-p95', 'sh-dot-rate sh-failing']);
  }
  // Log scale: 1, 2, 4, 8, 16 are evenly spaced.
  const cx = [...doc.querySelectorAll('circle.sh-dot-rate')].map((dot) => Number(dot.getAttribute('cx')));
  const gaps = cx.slice(1).map((x, index) => x - cx[index]);
  assert.ok(Math.max(...gaps) - Math.min(...gaps) < 0.5, `even gaps: ${gaps.join(', ')}`);
});

test('hostile text in a result (a file name, an error code) stays text in the SVG and the page', () => {
  const hostile = '<script>alert(1)</script>';
  const result: SweepResult = {
    ...seedSweep,
    database: `/tmp/${hostile}.db`,
    levels: [level(1, 20), level(2, 10, 20, { [hostile]: 10, '\u0007bell': 1 })],
    firstFailingClients: 2,
  };
  const svg = renderHeadroomSvg(result);
  wellFormed(svg);
  const html = renderSweepHtml(result, `Headroom of ${hostile}`);
  for (const output of [svg, html]) {
    assert.ok(!output.includes('<script>'), 'no raw <script>');
    assert.ok(output.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!output.includes('\u0007'));
  }
  assert.ok(
    parseSvg(svg).querySelector('.sh-level[data-clients="2"] title')?.textContent?.includes(`${hostile} 10`),
  );
});

test('the drawing stays bounded: width clamped, a thousand levels draw the first ones and say so', () => {
  const many: SweepResult = {
    ...seedSweep,
    levels: Array.from({ length: 1000 }, (_, index) => level(index + 1, index < 500 ? 20 : 5)),
    firstFailingClients: 501,
  };
  const geometry = headroomGeometry(many, 1e9);
  assert.equal(geometry.width, 1600);
  assert.equal(geometry.points.length, maxDrawnLevels);
  assert.equal(geometry.leftOut, 1000 - maxDrawnLevels);
  assert.equal(geometry.firstFailing, undefined, 'the failing level was not drawn, so it is not marked');
  const svg = renderHeadroomSvg(many, { width: 1e9 });
  assert.ok(svg.length < 200_000, `SVG of ${svg.length} characters`);
  assert.match(svg, /936 more levels not drawn/);
  // Crowded labels are thinned so they do not overlap.
  const ticks = geometry.clientTicks.map((tick) => tick.at);
  assert.ok(ticks.slice(1).every((x, index) => x - ticks[index] >= 14));
  assert.equal(headroomGeometry(many, 10).width, 360);
});

test('degenerate sweeps draw without NaN: one level, no requests, every level clean', () => {
  const results: SweepResult[] = [
    { ...seedSweep, levels: [level(4, 20)], firstFailingClients: undefined },
    { ...seedSweep, levels: [level(1, 0, 0), level(2, 0, 0)], firstFailingClients: 1 },
    { ...seedSweep, levels: [], firstFailingClients: undefined },
    {
      ...seedSweep,
      levels: [level(1, 20), level(2, 20), level(4, 20)].map((entry) => ({
        ...entry,
        latencyMs: { p50: Number.NaN, p95: Infinity, max: 0 },
      })),
      firstFailingClients: undefined,
    },
  ];
  for (const result of results) {
    const svg = renderHeadroomSvg(result);
    assert.ok(!/NaN|Infinity/.test(svg), svg);
    wellFormed(svg);
  }
  assert.match(renderHeadroomSvg(results[0]), /Every request succeeded at every level \(4 clients\)/);
  assert.equal(parseSvg(renderHeadroomSvg(results[2])).querySelectorAll('.sh-level').length, 0);
});

test('sweep --html writes the chart and the table of the sweep it ran (a real sweep, the same figures as --json)', async () => {
  const folder = makeTempFolder();
  try {
    const database = makeItemsDatabase(folder.path);
    const page = join(folder.path, 'reports', 'headroom.html');
    const run = await runCli([
      'sweep',
      database,
      '--preset',
      'seed',
      '--model',
      'threads',
      '--clients',
      '1,2,4',
      '--requests',
      '6',
      '--busy-timeout',
      '1000',
      '--json',
      '--html',
      page,
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /HTML report: .*headroom\.html/);
    const result = JSON.parse(run.stdout) as SweepResult;
    const html = readFileSync(page, 'utf8');
    const svg = /<svg [\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    const doc = parseSvg(svg.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" '));
    assert.deepEqual(
      [...doc.querySelectorAll('.sh-level')].map((group) => Number(group.getAttribute('data-clients'))),
      result.levels.map((level) => level.clients),
    );
    assert.equal(doc.querySelector('path.sh-first') !== null, result.firstFailingClients !== undefined);
    for (const row of sweepLevelRows(result)) {
      assert.ok(
        html.includes(`<td class="num">${row[4]}</td>`),
        `the table has ${row[4]} for ${row[0]} clients`,
      );
    }
  } finally {
    folder.remove();
  }
});
