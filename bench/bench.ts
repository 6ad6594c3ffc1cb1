// npm run bench: the speed and size goals, measured (never asserted in tests). Every figure is a row of
// one report (bench/benchReport.ts): goal, measured, the baseline measured in the same run, the ratio.
// - `npm run bench`: the quick mode (a minute or two): inspect, probe overhead, the matrix, scale with 2
//   to 32 sessions, the lock scan with 10 000 lines, footprint with this platform's VSIX;
// - `npm run bench -- --full`: the record: scale up to 64 sessions, every platform's VSIX, the lock
//   watcher's CPU (bench/lockReadings.ts), the recorder (bench/recorderCost.ts) and the burst at the
//   documented limits (bench/burstAtLimits.ts), the extension host's event-loop delay in code-server
//   (bench/hostDelayRun.ts). Both rewrite docs/benchmarks.md. Both also measure the recording overhead
//   (bench/recordingOverhead.ts: the probe's burst against a plain better-sqlite3 loop; bench/
//   recordingCost.ts: the recording's CPU per transaction on one connection) and the timing
//   fidelity (bench/timingFidelity.ts: the timeline's times against python3's view of the locks), and
//   the panel's timeline explorer (bench/timelineFrames.ts: 1 000 000 spans in headless Chromium) and
//   the static HTML report with 1 000 000 events (bench/staticReport.ts). Both also scan a generated
//   5 000-file workspace for code hints (bench/hintsScan.ts), and explain a log at the editor's and the
//   command line's caps (bench/explainScale.ts).
//   The full mode also runs the 10-minute soak in a real extension host (bench/soakBench.ts).
// - `--locks`, `--burst`, `--record`, `--host`, `--overhead`, `--turns`, `--fidelity`, `--timeline`, `--hints`,
//   `--explain`, `--soak`: one part alone, printed only.
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectDatabase } from '../src/engine/inspect/inspectDatabase';
import { runMatrix } from '../src/engine/probe/runMatrix';
import { runProbe } from '../src/engine/probe/runProbe';
import { openDatabase } from '../src/engine/sqliteModule';
import { BenchReport } from './benchReport';
import { burstAtLimits } from './burstAtLimits';
import { benchExplain } from './explainScale';
import { benchFootprint } from './footprint';
import { benchHintsScan } from './hintsScan';
import { benchHostDelay } from './hostDelayRun';
import { benchLockReadings } from './lockReadings';
import { benchLockScanScale } from './lockScanScale';
import { benchProbeScale } from './probeScale';
import { pushRecordingCost, recordingCost } from './recordingCost';
import { pushOverhead, recordingOverhead } from './recordingOverhead';
import { turnTaking } from './turnTaking';
import { benchTimingFidelity } from './timingFidelity';
import { benchRecorder } from './recorderCost';
import { benchSoak } from './soakBench';
import { benchStaticReport } from './staticReport';
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

/** inspect reads the header only: a 1 GB file must take about as long as a small one. */
function benchInspect(report: BenchReport, folder: string): void {
  const small = join(folder, 'inspect-small.db');
  const large = join(folder, 'inspect-large.db');
  makeDatabase(small);
  makeDatabase(large, 1024 ** 3);
  report.push('Engine: inspect and the probe', {
    figure: 'inspect, 1 GB file (median of 50)',
    goal: 'about the 8 KB file (≈ 1×)',
    measured: timeMs(() => inspectDatabase(large), 50),
    baseline: timeMs(() => inspectDatabase(small), 50),
    baselineIs: '8 KB file',
    unit: 'ms',
  });
}

/** Probe overhead: wall time of a probe minus its schedule, per execution model; the matrix runs in parallel. */
async function benchProbeOverhead(report: BenchReport, database: string): Promise<void> {
  const group = 'Engine: inspect and the probe';
  for (const model of ['blocking', 'threads', 'processes'] as const) {
    const started = Date.now();
    const result = await runProbe({
      database,
      preset: 'seed',
      model,
      journal: 'keep',
      busyTimeoutMs: 5000,
      inPlace: false,
    });
    report.push(group, {
      figure: `probe overhead, seed, ${model} (start-up, copy, setup, clean-up)`,
      measured: Date.now() - started - result.durationMs,
      unit: 'ms',
    });
  }
  const started = Date.now();
  const cells = await runMatrix({ database, preset: 'seed', busyTimeoutMs: 5000 });
  const wall = Date.now() - started;
  const sum = cells.reduce((total, cell) => total + (cell.result?.durationMs ?? 0), 0);
  const slowest = Math.max(...cells.map((cell) => cell.result?.durationMs ?? 0));
  report.push(group, {
    figure: `seed matrix, ${cells.length} configurations, wall time against the slowest`,
    goal: 'about the slowest configuration (≈ 1×)',
    measured: wall,
    baseline: slowest,
    baselineIs: 'slowest schedule',
    unit: 'ms',
  });
  report.push(group, {
    figure: `seed matrix, ${cells.length} configurations, wall time against the sum`,
    goal: 'well under the sum (configurations run side by side)',
    measured: wall,
    baseline: sum,
    baselineIs: 'sum of the schedules',
    unit: 'ms',
  });
}

/** The timeline figures, or why there are none: a benchmark reports, it does not fail. */
async function benchTimeline(report: BenchReport): Promise<void> {
  const group = 'Timeline explorer: 1 000 000 spans in headless Chromium';
  const note =
    'The real webview code (media/panel/timeline, bundled by bench/timelinePage.ts) on a page with a ' +
    "synthetic 1 000 000-span model, in Debian's Chromium. Goal: first draw < 300 ms, 60 fps.";
  try {
    report.pushText(group, await benchTimelineFrames(), note);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    report.push(group, { figure: 'timeline explorer', measured: `not measured: ${reason}` }, note);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const full = argv.includes('--full');
  const part = [
    '--locks',
    '--burst',
    '--record',
    '--host',
    '--overhead',
    '--turns',
    '--fidelity',
    '--timeline',
    '--hints',
    '--explain',
    '--soak',
  ].find((flag) => argv.includes(flag));
  const report = new BenchReport(full ? 'full (`npm run bench -- --full`)' : 'quick (`npm run bench`)');
  const folder = mkdtempSync(join(tmpdir(), 'lock-doctor-bench-'));
  const database = join(folder, 'small.db');
  makeDatabase(database);
  const linux = process.platform === 'linux';
  try {
    // DELETE commits about 50 times slower than WAL: fewer transactions keep its runs as long. WAL at the
    // burst's most (10 000 a writer): a run of 2 000 lasted less than the busy handler's longest sleeps.
    const overheadSettings = { writers: 4, rounds: full ? 7 : 5, transactions: { wal: 10000, delete: 500 } };
    const costSettings = { transactions: 20000, rounds: full ? 9 : 5 };
    const overhead = async () => {
      pushOverhead(report, await recordingOverhead(database, folder, overheadSettings), overheadSettings);
      pushRecordingCost(report, await recordingCost(folder, costSettings), costSettings);
    };
    if (part === '--hints') {
      await benchHintsScan(report, folder);
    } else if (part === '--explain') {
      benchExplain(report);
    } else if (part === '--timeline') {
      await benchTimeline(report);
      benchStaticReport(report);
    } else if (part === '--overhead') {
      await overhead();
    } else if (part === '--turns') {
      // A diagnostic: printed only.
      console.log(
        await turnTaking(database, folder, { writers: 4, transactions: 10000, rounds: full ? 7 : 5 }),
      );
    } else if (part === '--fidelity') {
      await benchTimingFidelity(report);
    } else if (part === '--locks') {
      report.pushText('Lock watcher', await benchLockReadings(folder));
    } else if (part === '--record') {
      report.pushText('Recorder', await benchRecorder(folder));
    } else if (part === '--soak') {
      benchSoak(report);
    } else if (part === '--host') {
      benchHostDelay(report);
    } else if (part === '--burst') {
      report.pushText('Burst at the documented limits', await burstAtLimits(database, folder));
    } else {
      benchInspect(report, folder);
      await benchProbeOverhead(report, database);
      await benchProbeScale(report, database, folder, {
        sessions: full ? [2, 8, 32, 64] : [2, 8, 32],
        transactions: full ? 500 : 200,
      });
      if (linux) {
        benchLockScanScale(report, folder, full ? 100 : 20);
      }
      await overhead();
      if (linux) {
        await benchTimingFidelity(report);
      }
      await benchTimeline(report);
      benchStaticReport(report);
      await benchHintsScan(report, folder);
      benchExplain(report);
      if (full && linux) {
        report.pushText(
          'Lock watcher: CPU per reading',
          await benchLockReadings(folder),
          '40 real python3 clients; see bench/lockReadings.ts.',
        );
        report.pushText(
          'Recorder: cost and reach',
          await benchRecorder(folder),
          'See bench/recorderCost.ts.',
        );
      }
      if (full) {
        report.pushText(
          'Burst at the documented limits',
          await burstAtLimits(database, folder),
          '64 writers × 10 000 transactions in WAL; rows attempted/committed/found.',
        );
      }
      if (full && linux) {
        benchHostDelay(report);
        benchSoak(report);
      }
      // Last: it rebuilds dist/ and out/.
      benchFootprint(report, {
        allPlatforms: full,
        activations: full ? 7 : 3,
        // Each is a fresh code-server (about 20 s): the full mode only, on Linux (code-server's tests).
        hostActivations: full && linux ? 3 : 0,
      });
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    process.stdout.write(report.text());
    if (part === undefined && !report.isEmpty) {
      const file = join(__dirname, '..', '..', 'docs', 'benchmarks.md');
      report.writeMarkdown(file);
      process.stdout.write(`\nWrote ${file}\n`);
    }
  }
}

void main();
