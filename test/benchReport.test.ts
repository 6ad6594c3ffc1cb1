// The benchmark's report writer (bench/benchReport.ts): the markdown that `npm run bench` writes to
// docs/benchmarks.md depends only on the rows and the machine, so two runs differ only in their values.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BenchReport, type Machine, formatNumber, notesMarker, ratioOf } from '../bench/benchReport';

const machine = (load: number): Machine => ({
  cpu: 'Test CPU',
  cores: 2,
  memoryGb: 8,
  freeMemoryGb: 4,
  loadAverage: [load, load, load],
  node: 'v24.0.0',
  platform: 'linux-x64',
  date: '2026-12-02 01:00 UTC',
});

function sampleReport(load: number, scanMs: number): BenchReport {
  const report = new BenchReport('quick', machine(load));
  report.push(
    'Scale: the lock scan',
    {
      figure: 'one reading | 10 000 lines',
      goal: '≤ 100×',
      measured: scanMs,
      baseline: 0.5,
      baselineIs: '100 lines',
      unit: 'ms',
    },
    'How it was measured.',
  );
  report.pushText('Older part', [['lock readings: setting', '40 clients']]);
  return report;
}

test('a row shows goal, measured, the same-run baseline and the ratio; pipes in names stay inside their cell', () => {
  const markdown = sampleReport(1, 4).markdown();
  assert.match(
    markdown,
    /\| one reading \\\| 10 000 lines \| ≤ 100× \| 4 ms \| 0\.5 ms \(100 lines\) \| 8× \|/,
  );
  assert.match(markdown, /Load average at the start: 1\.00, 1\.00, 1\.00/);
  assert.match(markdown, /\| lock readings: setting \| {2}\| 40 clients \| {2}\| {2}\|/);
});

test('two runs with other values and another load differ only on the lines holding them', () => {
  const first = sampleReport(1, 4).markdown().split('\n');
  const second = sampleReport(3, 6).markdown().split('\n');
  assert.equal(first.length, second.length);
  const differing = first.filter((line, index) => line !== second[index]);
  assert.equal(differing.length, 2, differing.join('\n'));
});

test('ratios need two numbers; figures keep three significant digits', () => {
  assert.equal(ratioOf({ figure: 'x', measured: 'a sentence', baseline: 2 }), undefined);
  assert.equal(ratioOf({ figure: 'x', measured: 3, baseline: 0 }), undefined);
  assert.equal(ratioOf({ figure: 'x', measured: 3, baseline: 2 }), 1.5);
  assert.deepEqual([0.001234, 1.234, 12.34, 1234.5].map(formatNumber), ['0.00123', '1.23', '12.3', '1,235']);
});

test('rewriting the file replaces the tables and keeps the notes written by hand below the marker', (t) => {
  const folder = mkdtempSync(join(tmpdir(), 'bench-report-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const file = join(folder, 'benchmarks.md');
  writeFileSync(file, `# old tables\n| stale | 1 ms |\n${notesMarker}\n\n## Notes\nWhy WAL got faster.\n`);
  sampleReport(1, 4).writeMarkdown(file);
  const written = readFileSync(file, 'utf8');
  assert.ok(!written.includes('stale'), written);
  assert.ok(written.startsWith(sampleReport(1, 4).markdown()));
  assert.ok(written.endsWith(`${notesMarker}\n\n## Notes\nWhy WAL got faster.\n`));
});
