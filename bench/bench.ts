// npm run bench: the speed goals, measured (never asserted in tests).
// - inspect reads the header only: a 1 GB file must take about as long as a small one;
// - probe overhead: wall time of a probe minus its schedule, per execution model (process start-up,
//   copy, setup, clean-up);
// - matrix: the seed matrix takes about as long as its slowest configuration, not the sum;
// - lock readings: CPU per reading of the long-lived lock watcher against a Node process per reading.
// - burst at the documented limits (bench/burstAtLimits.ts): 64 x 10 000 in WAL, time, rows, peak memory.
// - recording overhead (bench/recordingOverhead.ts): the probe's burst against a plain better-sqlite3 loop.
// - timing fidelity (bench/timingFidelity.ts): the timeline's times against python3's view of the locks.
// - the recorder (bench/recorderCost.ts): CPU per second with 0, 10 and 40 clients, jitter, shortest hold caught.
// - the panel's timeline explorer (bench/timelineFrames.ts): 1 000 000 spans in headless Chromium, first
//   draw and frame times while zooming and panning.
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectDatabase } from '../src/engine/inspect/inspectDatabase';
import { runMatrix } from '../src/engine/probe/runMatrix';
import { runProbe } from '../src/engine/probe/runProbe';
import { benchLockReadings } from './lockReadings';
import { openDatabase } from '../src/engine/sqliteModule';
import { burstAtLimits } from './burstAtLimits';
import { overheadRows, recordingOverhead } from './recordingOverhead';
import { timingFidelityRows } from './timingFidelity';
import { benchRecorder } from './recorderCost';
import { benchTimelineFrames } from './timelineFrames';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeMs(work: () => void, runs: number): number {
  return median(
    Array.from({ length: runs }, () => {
      const started = process.hrtime.bigint();
      work();
      return Number(process.hrtime.bigint() - started) / 1e6;
    }),
  );
}

function makeDatabase(file: string, bytes?: number): void {
  const db = openDatabase(file);
  db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)');
  db.close();
  if (bytes !== undefined) {
    // A sparse 1 GB file: the header stays valid; inspect must not read past it.
    const fd = openSync(file, 'r+');
    ftruncateSync(fd, bytes);
    closeSync(fd);
  }
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'lock-doctor-bench-'));
  const rows: [string, string][] = [];
  // `npm run bench -- --locks`: the lock readings alone.
  const locksOnly = process.argv.includes('--locks');
  // `npm run bench -- --burst`: the 64 x 10 000 burst alone (several minutes).
  const burstOnly = process.argv.includes('--burst');
  // `npm run bench -- --overhead`: the probe's recording overhead alone.
  const overheadOnly = process.argv.includes('--overhead');
  // `npm run bench -- --fidelity`: the timeline's times against the kernel's, per model (Linux).
  const fidelityOnly = process.argv.includes('--fidelity');
  // `npm run bench -- --record`: the recorder alone (RECORD_INTERVAL, RECORD_SECONDS to vary it).
  const recordOnly = process.argv.includes('--record');
  // `npm run bench -- --timeline`: the panel's timeline explorer in headless Chromium alone.
  const timelineOnly = process.argv.includes('--timeline');
  try {
    if (timelineOnly) {
      rows.push(...(await timelineRows()));
      return;
    }
    if (fidelityOnly) {
      rows.push(...(await timingFidelityRows()));
      return;
    }
    if (locksOnly) {
      rows.push(...(await benchLockReadings(folder)));
      return;
    }
    if (recordOnly) {
      rows.push(...(await benchRecorder(folder)));
      return;
    }
    const small = join(folder, 'small.db');
    const large = join(folder, 'large.db');
    makeDatabase(small);
    if (burstOnly) {
      rows.push(...(await burstAtLimits(small, folder)));
      return;
    }
    // DELETE commits about 50 times slower than WAL: fewer transactions keep its runs as long.
    const overheadSettings = { writers: 4, rounds: 5, transactions: { wal: 2000, delete: 500 } };
    const recordingOverheadRows = async () =>
      overheadRows(await recordingOverhead(small, folder, overheadSettings), overheadSettings);
    if (overheadOnly) {
      rows.push(...(await recordingOverheadRows()));
      return;
    }
    makeDatabase(large, 1024 ** 3);
    rows.push([
      'inspect, 8 KB file (median of 50)',
      `${timeMs(() => inspectDatabase(small), 50).toFixed(2)} ms`,
    ]);
    rows.push([
      'inspect, 1 GB file (median of 50)',
      `${timeMs(() => inspectDatabase(large), 50).toFixed(2)} ms`,
    ]);

    for (const model of ['blocking', 'threads', 'processes'] as const) {
      const started = Date.now();
      const result = await runProbe({
        database: small,
        preset: 'seed',
        model: model,
        journal: 'keep',
        busyTimeoutMs: 5000,
        inPlace: false,
      });
      const overhead = Date.now() - started - result.durationMs;
      rows.push([
        `probe overhead, seed, ${model}`,
        `${overhead.toFixed(0)} ms (schedule ${result.durationMs.toFixed(0)} ms)`,
      ]);
    }

    const started = Date.now();
    const cells = await runMatrix({ database: small, preset: 'seed', busyTimeoutMs: 5000 });
    const wall = Date.now() - started;
    const sum = cells.reduce((total, cell) => total + (cell.result?.durationMs ?? 0), 0);
    const slowest = Math.max(...cells.map((cell) => cell.result?.durationMs ?? 0));
    rows.push([
      'seed matrix, 6 configurations',
      `${wall} ms wall; slowest ${slowest.toFixed(0)} ms, sum ${sum.toFixed(0)} ms`,
    ]);
    if (process.platform === 'linux') {
      rows.push(...(await benchLockReadings(folder)));
      rows.push(...(await benchRecorder(folder)));
    }

    rows.push(...(await recordingOverheadRows()));
    if (process.platform === 'linux') {
      rows.push(...(await timingFidelityRows()));
    }
    rows.push(...(await burstAtLimits(small, folder)));
    rows.push(...(await timelineRows()));
  } finally {
    rmSync(folder, { recursive: true, force: true });
    printRows(rows);
  }
}

/** The timeline figures, or why there are none: a benchmark reports, it does not fail. */
async function timelineRows(): Promise<[string, string][]> {
  try {
    return await benchTimelineFrames();
  } catch (error) {
    return [
      [
        'timeline explorer',
        `not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
      ],
    ];
  }
}

function printRows(rows: [string, string][]): void {
  const width = Math.max(...rows.map(([name]) => name.length));
  for (const [name, value] of rows) {
    process.stdout.write(`${name.padEnd(width)}  ${value}\n`);
  }
}

void main();
