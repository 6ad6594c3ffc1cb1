// The panel's timeline explorer: the level-of-detail columns (what each pixel column of a lane shows),
// the visible-range search, the zoom and pan arithmetic, and the element itself in happy-dom (keys
// zoom, the live line names the window, hovering shows exact times, names stay text).
import './support/installDom';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LaneSpan, TimelineModel } from '../src/report/timelineModel';
import { hoverLines } from '../media/panel/timeline/hoverDetail';
import { columnStates, laneColumns } from '../src/report/levelOfDetail/laneColumns';
import {
  lockRank,
  markCommit,
  markError,
  packTimeline,
  visibleSpanRange,
} from '../src/report/levelOfDetail/packedLanes';
import { paintLane, pixelOf } from '../media/panel/timeline/paintLane';
import { RangeMax } from '../src/report/levelOfDetail/rangeMax';
import { fitLabel } from '../media/panel/timeline/fitLabel';
import { moveCursor } from '../media/panel/timeline/timeCursor';
import { panBy, wholeRun, zoomAt, minSpanUs } from '../media/panel/timeline/timeWindow';

function model(
  spans: LaneSpan[],
  events: TimelineModel['lanes'][number]['events'] = [],
  durationMs = 1,
): TimelineModel {
  return { durationMs, lanes: [{ name: 'A', spans, events }], summary: 'One lane.' };
}

// 10 columns of 100 µs over [0, 1000): SHARED over columns 0-2, a wait (holding nothing) in 3-4, then
// within column 6 alone a RESERVED, an EXCLUSIVE and a SHARED stretch: the column shows EXCLUSIVE.
const known: LaneSpan[] = [
  { fromUs: 0, toUs: 300, lock: 'SHARED' },
  { fromUs: 300, toUs: 500, lock: 'none', waitingFor: 'RESERVED' },
  { fromUs: 600, toUs: 630, lock: 'RESERVED' },
  { fromUs: 630, toUs: 660, lock: 'EXCLUSIVE' },
  { fromUs: 660, toUs: 700, lock: 'SHARED' },
];
const expectedRanks = [
  'SHARED',
  'SHARED',
  'SHARED',
  'none',
  'none',
  'none',
  'EXCLUSIVE',
  'none',
  'none',
  'none',
];

test('each pixel column shows the strongest lock among the spans it touches, and the waits', () => {
  const lane = packTimeline(model(known)).lanes[0];
  const out = columnStates(10);
  laneColumns(lane, 0, 1000, 10, out);
  assert.deepEqual(
    [...out.ranks],
    expectedRanks.map((lock) => lockRank(lock as LaneSpan['lock'])),
  );
  assert.deepEqual([...out.waits], [0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
});

test('the per-column tree lookup (many spans per column) agrees with painting span by span', () => {
  // 20 000 short spans of varied locks with gaps; 50 columns is far fewer than the spans, so the trees
  // answer; 20 000 columns is more, so the spans are painted. Both must match a brute-force scan.
  const locks: LaneSpan['lock'][] = ['SHARED', 'RESERVED', 'PENDING', 'EXCLUSIVE', 'none'];
  const spans: LaneSpan[] = Array.from({ length: 20_000 }, (_, i) => ({
    fromUs: i * 10,
    toUs: i * 10 + 4 + (i % 5),
    lock: locks[(i * 7) % 5],
    ...(i % 13 === 0 ? { waitingFor: 'EXCLUSIVE' as const } : {}),
  }));
  const lane = packTimeline(model(spans)).lanes[0];
  for (const [fromUs, toUs, columns] of [
    [0, 200_000, 50],
    [12_345, 67_890, 37],
    [1000, 1100, 20_000],
  ] as const) {
    const out = columnStates(columns);
    laneColumns(lane, fromUs, toUs, columns, out);
    const width = (toUs - fromUs) / columns;
    for (let column = 0; column < columns; column++) {
      const start = fromUs + column * width;
      const touching = spans.filter((span) => span.fromUs < start + width && span.toUs > start);
      const rank = Math.max(0, ...touching.map((span) => lockRank(span.lock)));
      const wait = touching.some((span) => span.waitingFor !== undefined) ? 1 : 0;
      assert.equal(out.ranks[column], rank, `rank of column ${column} in [${fromUs}, ${toUs})`);
      assert.equal(out.waits[column], wait, `wait of column ${column} in [${fromUs}, ${toUs})`);
    }
  }
});

test('marks: an error outranks a commit in the same column', () => {
  const lane = packTimeline(
    model(known, [
      { tUs: 150, kind: 'commit' },
      { tUs: 820, kind: 'commit' },
      { tUs: 850, kind: 'error', code: 'SQLITE_BUSY' },
      { tUs: 900, kind: 'begin' } as never,
    ]),
  ).lanes[0];
  const out = columnStates(10);
  laneColumns(lane, 0, 1000, 10, out);
  assert.deepEqual([...out.marks], [0, markCommit, 0, 0, 0, 0, 0, 0, markError, 0]);
});

test('painting: a column takes its lock colour, a wait the foot of the bar, an error the full height', () => {
  const lane = packTimeline(model(known, [{ tUs: 850, kind: 'error', code: 'SQLITE_BUSY' }])).lanes[0];
  const states = columnStates(10);
  laneColumns(lane, 0, 1000, 10, states);
  const palette = {
    ranks: Uint32Array.from({ length: 9 }, (_, rank) => (rank === 0 ? 0 : pixelOf(rank, 0, 0, 255))),
    wait: pixelOf(0, 200, 0, 255),
    error: pixelOf(255, 0, 0, 255),
    commit: pixelOf(0, 0, 255, 255),
  };
  const height = 12;
  const pixels = new Uint32Array(10 * height);
  paintLane(pixels, 10, 0, height, states, 10, palette, false);
  const columnOf = (column: number) => Array.from({ length: height }, (_, row) => pixels[row * 10 + column]);
  const shared = pixelOf(lockRank('SHARED'), 0, 0, 255);
  const exclusive = pixelOf(lockRank('EXCLUSIVE'), 0, 0, 255);
  // Inset 2 px above and below the bar; the wait strip is the bar's lowest third (3 of its 8 rows).
  assert.deepEqual(columnOf(0), [0, 0, ...Array<number>(8).fill(shared), 0, 0]);
  assert.deepEqual(columnOf(3), [0, 0, 0, 0, 0, 0, 0, palette.wait, palette.wait, palette.wait, 0, 0]);
  assert.deepEqual(columnOf(6), [0, 0, ...Array<number>(8).fill(exclusive), 0, 0]);
  // The error at 850 µs is column 8, drawn 3 px wide (7 to 9) over the whole lane height.
  for (const column of [7, 8, 9]) {
    assert.deepEqual(columnOf(column), Array<number>(height).fill(palette.error));
  }
  assert.deepEqual(columnOf(5), Array<number>(height).fill(0));
});

test('the visible-range search finds exactly the spans overlapping a window', () => {
  const lane = packTimeline(model(known)).lanes[0];
  assert.deepEqual(visibleSpanRange(lane, 0, 1000), { first: 0, last: 5 });
  assert.deepEqual(visibleSpanRange(lane, 300, 600), { first: 1, last: 2 });
  assert.deepEqual(visibleSpanRange(lane, 640, 650), { first: 3, last: 4 });
  assert.deepEqual(visibleSpanRange(lane, 500, 600), { first: 2, last: 2 });
  assert.deepEqual(visibleSpanRange(lane, 700, 1000), { first: 5, last: 5 });
});

test('the range-maximum tree answers every range of a small array', () => {
  const values = Uint8Array.from([3, 0, 7, 1, 1, 9, 2, 0, 4]);
  const tree = new RangeMax(values);
  for (let from = 0; from <= values.length; from++) {
    for (let to = from; to <= values.length; to++) {
      assert.equal(tree.max(from, to), Math.max(0, ...values.slice(from, to)), `[${from}, ${to})`);
    }
  }
});

test('zooming keeps the instant under the cursor where it is, and stays inside the run', () => {
  const endUs = 10_000_000;
  const start = { fromUs: 2_000_000, toUs: 6_000_000 };
  for (const [factor, anchor] of [
    [2, 0.25],
    [0.8, 0.75],
    [8, 0.9],
  ] as const) {
    const zoomed = zoomAt(start, endUs, factor, anchor);
    const before = start.fromUs + anchor * (start.toUs - start.fromUs);
    const after = zoomed.fromUs + anchor * (zoomed.toUs - zoomed.fromUs);
    assert.ok(Math.abs(before - after) < 1e-6, `the anchor moved from ${before} to ${after}`);
    assert.ok(Math.abs(zoomed.toUs - zoomed.fromUs - 4_000_000 / factor) < 1e-6);
  }
  // Out past the whole run: the whole run, not more; in past the floor: the floor.
  assert.deepEqual(zoomAt(start, endUs, 0.01, 0.5), wholeRun(endUs));
  const deep = zoomAt(start, endUs, 1e9, 0.5);
  assert.equal(deep.toUs - deep.fromUs, minSpanUs);
  // Panning stops at the ends and keeps the width.
  assert.deepEqual(panBy(start, endUs, -5_000_000), { fromUs: 0, toUs: 4_000_000 });
  assert.deepEqual(panBy(start, endUs, 9_000_000), { fromUs: 6_000_000, toUs: 10_000_000 });
});

test('hovering says the state, the exact times, the duration and what else shares the pixel', () => {
  const lane = packTimeline(
    model(known, [{ tUs: 650, kind: 'error', code: 'SQLITE_BUSY', message: 'database is locked' }]),
  ).lanes[0];
  assert.deepEqual(hoverLines(lane, 400, 395, 405), [
    'A',
    'waiting for RESERVED',
    'from 0.300 ms to 0.500 ms (0.20 ms)',
  ]);
  const busy = hoverLines(lane, 640, 600, 700);
  assert.equal(busy[1], 'EXCLUSIVE');
  assert.equal(busy[2], 'from 0.630 ms to 0.660 ms (30 µs)');
  assert.equal(busy[3], '2 more spans in this pixel: zoom in to see them');
  assert.equal(busy[4], 'error SQLITE_BUSY at 0.650 ms: database is locked');
  assert.deepEqual(hoverLines(lane, 550, 545, 555).slice(1), ['no lock at 0.550 ms']);
});

test('the keyboard cursor stays in the run and the view follows it only as far as it must', () => {
  const window = { fromUs: 2_000_000, toUs: 4_000_000 };
  const inside = moveCursor({ us: 3_000_000, lane: 0 }, 500_000, 1, window, 10_000_000, 2);
  assert.deepEqual(inside, { cursor: { us: 3_500_000, lane: 1 }, window });
  const past = moveCursor({ us: 3_900_000, lane: 1 }, 300_000, 1, window, 10_000_000, 2);
  assert.deepEqual(past, {
    cursor: { us: 4_200_000, lane: 1 },
    window: { fromUs: 2_200_000, toUs: 4_200_000 },
  });
  const beforeStart = moveCursor(
    { us: 100_000, lane: 0 },
    -500_000,
    -1,
    { fromUs: 0, toUs: 1_000_000 },
    10_000_000,
    2,
  );
  assert.deepEqual(beforeStart, { cursor: { us: 0, lane: 0 }, window: { fromUs: 0, toUs: 1_000_000 } });
});

test('a lane name too wide for the gutter ends in an ellipsis and fits', () => {
  const sixPixels = (text: string) => [...text].length * 6;
  assert.equal(fitLabel('python3 4711', 100, sixPixels), 'python3 4711');
  const long = 'gunicorn: worker [app.wsgi:application] 4711';
  const shown = fitLabel(long, 100, sixPixels);
  assert.equal(shown, 'gunicorn: worke…');
  assert.ok(sixPixels(shown) <= 100);
  // Never half an emoji.
  assert.equal(fitLabel('🐍🐍🐍🐍🐍', 20, sixPixels), '🐍🐍…');
});

test('the element: + zooms in, the live line names the window, hover shows times, names stay text', async () => {
  const window = globalThis.window;
  Object.assign(globalThis, {
    requestAnimationFrame: window.requestAnimationFrame.bind(window),
    cancelAnimationFrame: window.cancelAnimationFrame.bind(window),
    MutationObserver: window.MutationObserver,
    getComputedStyle: window.getComputedStyle.bind(window),
  });
  const { defineTimelineExplorer, explorerTag } = await import('../media/panel/timeline/timelineExplorer');
  defineTimelineExplorer();
  const element = document.createElement(explorerTag) as HTMLElement & {
    model: TimelineModel;
    drawNow(): number;
  };
  document.body.replaceChildren(element);
  const evil = '<img src=x onerror=alert(1)>';
  element.model = {
    durationMs: 10_000,
    lanes: [{ name: evil, spans: [{ fromUs: 1_000_000, toUs: 3_500_000, lock: 'RESERVED' }], events: [] }],
    summary: 'Lock timeline of 1 session over 10.0 s.',
  };
  element.drawNow();
  const status = element.querySelector('.explorer-window')!;
  const canvas = element.querySelector('canvas')!;
  assert.equal(status.textContent, 'Whole run, 10.000000 s');
  assert.equal(canvas.getAttribute('tabindex'), '0');
  assert.match(
    canvas.getAttribute('aria-label') ?? '',
    /^Lock timeline of 1 session over 10\.0 s\. Keys: \+ and - zoom/,
  );
  canvas.dispatchEvent(new window.KeyboardEvent('keydown', { key: '+', bubbles: true }));
  element.drawNow();
  assert.equal(status.textContent, 'Showing 1.666667 s to 8.333333 s of 10.000000 s');
  canvas.dispatchEvent(new window.KeyboardEvent('keydown', { key: '0', bubbles: true }));
  element.drawNow();
  assert.equal(status.textContent, 'Whole run, 10.000000 s');
  // Hover over the lane at 2 s: with no layout, the plot is 640 - 150 - 8 = 482 px wide from x = 150.
  const x = 150 + (2 / 10) * 482;
  canvas.dispatchEvent(new window.PointerEvent('pointermove', { clientX: x, clientY: 25, bubbles: true }));
  const tip = element.querySelector('.explorer-tip') as HTMLElement;
  assert.equal(tip.hidden, false);
  assert.deepEqual(
    [...tip.children].map((row) => row.textContent),
    [evil, 'RESERVED', 'from 1.000000 s to 3.500000 s (2.50 s)'],
  );
  assert.equal(tip.querySelector('img'), null);
  element.remove();
});

test('the element: the arrow keys move a cursor whose hover is read out; long names get their title', async () => {
  const window = globalThis.window;
  const { defineTimelineExplorer, explorerTag } = await import('../media/panel/timeline/timelineExplorer');
  defineTimelineExplorer();
  const element = document.createElement(explorerTag) as HTMLElement & {
    model: TimelineModel;
    drawNow(): number;
  };
  document.body.replaceChildren(element);
  const longName = 'gunicorn: worker [app.wsgi:application] --bind 0.0.0.0:8000 4711';
  element.model = {
    durationMs: 10_000,
    lanes: [
      { name: 'A', spans: [{ fromUs: 1_000_000, toUs: 3_500_000, lock: 'RESERVED' }], events: [] },
      { name: longName, spans: [{ fromUs: 4_000_000, toUs: 6_000_000, lock: 'SHARED' }], events: [] },
    ],
    summary: 'Lock timeline of 2 sessions over 10.0 s.',
  };
  element.drawNow();
  const canvas = element.querySelector('canvas')!;
  const status = element.querySelector('.explorer-window')!;
  const tip = element.querySelector('.explorer-tip') as HTMLElement;
  const announced = element.querySelector('[aria-live].explorer-cursor-text')!;
  const key = (name: string, shiftKey = false) => {
    canvas.dispatchEvent(new window.KeyboardEvent('keydown', { key: name, shiftKey, bubbles: true }));
    element.drawNow();
  };
  const tipLines = () => [...tip.children].map((row) => row.textContent);

  // The first arrow shows the cursor in the middle of the view, on the first lane.
  key('ArrowRight');
  assert.equal(tip.hidden, false);
  assert.deepEqual(tipLines(), ['A', 'no lock at 5.000000 s']);
  assert.equal(announced.textContent, 'At 5.000000 s: A, no lock at 5.000000 s');
  key('ArrowDown');
  assert.deepEqual(tipLines(), [longName, 'SHARED', 'from 4.000000 s to 6.000000 s (2.00 s)']);
  // Shift: a tenth of the view per press (1 s here); up goes back to lane A.
  key('ArrowLeft', true);
  key('ArrowLeft', true);
  key('ArrowUp');
  assert.equal(announced.textContent, 'At 3.000000 s: A, RESERVED, from 1.000000 s to 3.500000 s (2.50 s)');
  // + zooms around the cursor, which keeps its place; past the view's edge the view follows it.
  key('+');
  assert.equal(status.textContent, 'Showing 1.000000 s to 7.666667 s of 10.000000 s');
  assert.match(announced.textContent ?? '', /^At 3\.000000 s: A, RESERVED/);
  for (let press = 0; press < 4; press++) {
    key('ArrowLeft', true);
  }
  assert.equal(status.textContent, 'Showing 333.333 ms to 7.000000 s of 10.000000 s');
  assert.match(announced.textContent ?? '', /^At 333\.333 ms: A, no lock at 333\.333 ms/);
  key('Escape');
  assert.equal(tip.hidden, true);
  assert.equal(announced.textContent, '');

  // Hovering the shortened name gives the canvas the full name as its title; a name that fits, none.
  // Lanes are 28 px tall below a 20 px axis: lane 2 is at y 48-76; the names sit left of x 150.
  const move = (clientX: number, clientY: number) =>
    canvas.dispatchEvent(new window.PointerEvent('pointermove', { clientX, clientY, bubbles: true }));
  move(30, 60);
  assert.equal(canvas.getAttribute('title'), longName);
  move(30, 30);
  assert.equal(canvas.getAttribute('title'), null);
  element.remove();
});
