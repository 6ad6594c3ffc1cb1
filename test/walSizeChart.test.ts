// The WAL size under the lock timeline: a real checkpoint-starvation probe (better-sqlite3 sessions on
// a scratch copy) drawn into the HTML report shows the -wal file's growth, its largest size as measured,
// and the default auto-checkpoint size (the page size read from the sizes themselves); synthetic samples
// check the bounds (one point per pixel column), the page-size inference and hostile-free output.
import { Window } from 'happy-dom';
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { autoCheckpointWalBytes, pageSizeFromWalSizes } from '../src/engine/locks/walFrames';
import type { WalSample } from '../src/engine/probe/probeTypes';
import { runProbe } from '../src/engine/probe/runProbe';
import { formatBytes } from '../src/engine/text/formatBytes';
import { renderProbeHtml } from '../src/report/htmlReport';
import { walSizeGeometry } from '../src/report/wal/walSizeGeometry';
import { renderWalSizeSvg } from '../src/report/wal/walSizeSvg';
import { makeItemsDatabase, makeTempFolder } from './support/tempDatabase';

const folder = makeTempFolder();
after(() => folder.remove());

const frame = { width: 960, plotX0: 80, plotX1: 944, endUs: 2_000_000 };

/** The report's SVG figures, each parsed as the standalone XML it is (one parser for both). */
function figures(html: string): Element[] {
  const window = new Window();
  return [...html.matchAll(/<svg [\s\S]*?<\/svg>/g)].map((match) => {
    const xml = match[0].replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" ');
    const doc = new window.DOMParser().parseFromString(xml, 'image/svg+xml') as unknown as Document;
    return doc.documentElement;
  });
}

function figure(html: string, className: string): Element | undefined {
  return figures(html).find((svg) => (svg.getAttribute('class') ?? '').split(' ').includes(className));
}

test('a real checkpoint-starvation probe: the report draws the WAL growing past the auto-checkpoint size', async () => {
  const database = makeItemsDatabase(folder.path);
  const result = await runProbe({
    database,
    preset: 'checkpoint-starvation',
    model: 'processes',
    journal: 'wal',
    busyTimeoutMs: 5000,
    inPlace: false,
  });
  const samples = result.walBytes ?? [];
  assert.ok(samples.length >= 2, 'the probe sampled the WAL');
  const largest = Math.max(...samples.map((sample) => sample.bytes));
  const html = renderProbeHtml([result], 'Probe');
  const chart = figure(html, 'sld-wal');
  assert.ok(chart, 'a WAL size chart under the timeline');
  // Same width and time scale as the lanes above it.
  assert.equal(chart.getAttribute('width'), figure(html, 'sld-timeline')?.getAttribute('width'));
  const texts = [...chart.querySelectorAll('text')].map((text) => text.textContent ?? '');
  assert.ok(
    texts.some((text) => text.startsWith(formatBytes(largest))),
    `the largest size measured (${formatBytes(largest)}) is labelled: ${texts.join(' | ')}`,
  );
  // The scratch copy has 4 KiB pages (SQLite's default): read back from the sizes, not assumed.
  assert.equal(pageSizeFromWalSizes(samples.map((sample) => sample.bytes)), 4096);
  const limit = chart.querySelector('path.sld-wal-limit');
  assert.ok(limit, 'the auto-checkpoint size is marked');
  assert.ok(texts.some((text) => text.includes(`≈ ${formatBytes(autoCheckpointWalBytes(4096))}`)));
  // The WAL passed it: the line's highest point is above (smaller y than) the threshold's line.
  const limitY = Number(/^M[\d.]+ ([\d.]+)/.exec(limit.getAttribute('d') ?? '')?.[1]);
  const lineYs = [
    ...(chart.querySelector('path.sld-wal-line')?.getAttribute('d') ?? '').matchAll(/V([\d.]+)/g),
  ].map((match) => Number(match[1]));
  assert.ok(Math.min(...lineYs) < limitY, `the WAL line rises above the threshold at y=${limitY}`);
  assert.match(chart.getAttribute('aria-label') ?? '', /grew from .* to /);
});

test('a rollback-mode probe has no WAL chart', async () => {
  const database = makeItemsDatabase(folder.path, 'delete', 'rollback.db');
  const result = await runProbe({
    database,
    preset: 'seed',
    model: 'threads',
    journal: 'delete',
    busyTimeoutMs: 1000,
    inPlace: false,
  });
  const html = renderProbeHtml([result], 'Probe');
  assert.ok(figure(html, 'sld-timeline'), 'the timeline is there');
  assert.equal(figure(html, 'sld-wal'), undefined);
});

test('a long run is folded to one point per pixel column, so the drawing is bounded by the width', () => {
  const frames = (count: number) => 32 + count * (24 + 4096);
  const samples: WalSample[] = Array.from({ length: 200_000 }, (_, index) => ({
    atMs: index / 100,
    bytes: frames(Math.floor(index / 50)),
  }));
  const geometry = walSizeGeometry(samples, frame);
  assert.ok(geometry);
  const points = (geometry.linePath.match(/V/g) ?? []).length;
  assert.ok(
    points <= frame.plotX1 - frame.plotX0 + 1,
    `${points} points for ${frame.plotX1 - frame.plotX0} px`,
  );
  const svg = renderWalSizeSvg(samples, frame) ?? '';
  assert.ok(svg.length < 40_000, `SVG of ${svg.length} characters`);
  execFileSync(
    'python3',
    ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parseString(sys.stdin.buffer.read())'],
    {
      input: svg,
    },
  );
  // Far below the threshold, it is not drawn (it would flatten the line); the sentence still names sizes.
  const small = walSizeGeometry(
    [
      { atMs: 0, bytes: 0 },
      { atMs: 100, bytes: frames(3) },
    ],
    frame,
  );
  assert.equal(small?.autoCheckpoint, undefined);
  assert.match(small?.summary ?? '', /grew from 0 B to 12\.1 KiB/);
});

test('page size from sizes: only a size that holds whole frames of exactly one page size decides', () => {
  assert.equal(pageSizeFromWalSizes([0, 32 + 3 * (24 + 1024)]), 1024);
  assert.equal(pageSizeFromWalSizes([0, 32]), undefined, 'nothing written yet');
  assert.equal(pageSizeFromWalSizes([12345]), undefined, 'not whole frames');
  // A size read while a frame was being written fits nothing; the others still decide.
  const whole = (frames: number) => 32 + frames * (24 + 4096);
  assert.equal(pageSizeFromWalSizes([whole(10), whole(20) + 24, whole(30), whole(40), whole(50)]), 4096);
  assert.equal(pageSizeFromWalSizes([whole(10), whole(20) + 24, whole(30) + 100]), undefined, 'too few fit');
  assert.equal(walSizeGeometry([{ atMs: 0, bytes: 10 }], frame), undefined, 'one sample draws nothing');
  assert.equal(
    walSizeGeometry(
      [
        { atMs: Number.NaN, bytes: 1 },
        { atMs: 1, bytes: -1 },
      ],
      frame,
    ),
    undefined,
  );
});
