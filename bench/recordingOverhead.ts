// Recording overhead (issue 9, item 1): the probe's `burst --model processes --begin immediate` against a
// plain better-sqlite3 loop of the same transactions (bench/plainLoopEntry.ts), same process count, same
// busy timeout, same page cache, a fresh file made the same way, in WAL and in DELETE. Runs alternate
// (plain, probe, plain, probe...) so a load that comes and goes on the machine hits both alike; the
// figures are the median commits/s of each and the median of the rounds' ratios (goal: >= 90 %).
import { fork } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runProbe } from '../src/engine/probe/runProbe';
import { defaultProbeTable, probeTableSql } from '../src/engine/probe/probeTable';
import { sessionCacheKiB } from '../src/engine/probe/sessionRunner';
import { openDatabase } from '../src/engine/sqliteModule';
import type { BenchReport } from './benchReport';
import type { PlainLoopOrders, PlainLoopReport } from './plainLoopEntry';

export const busyTimeoutMs = 5000;

export interface OverheadSettings {
  writers: number;
  /** Per writer, per journal mode. */
  transactions: Record<'wal' | 'delete', number>;
  rounds: number;
}

export interface OverheadFigure {
  journalMode: 'wal' | 'delete';
  plainCommitsPerSecond: number;
  probeCommitsPerSecond: number;
  /** Median over the rounds of probe / plain. */
  ratio: number;
  /** The lowest and highest round's ratio. */
  ratioRange: [number, number];
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The plain loop's file: a copy of `source` in `journalMode` with the probe's table, as runProbe makes it. */
export function preparePlainTarget(source: string, target: string, journalMode: string): void {
  rmSync(target, { force: true });
  rmSync(`${target}-wal`, { force: true });
  rmSync(`${target}-shm`, { force: true });
  copyFileSync(source, target);
  const db = openDatabase(target);
  try {
    db.pragma(`journal_mode = ${journalMode}`);
    const sql = probeTableSql(defaultProbeTable);
    db.exec(sql.drop);
    db.exec(sql.create);
  } finally {
    db.close();
  }
}

/** Runs the plain loop's writers on `target` (made by preparePlainTarget); each writer's report, and time zero. */
export async function plainLoopReports(
  target: string,
  writers: number,
  transactions: number,
  timeGaps = false,
): Promise<{ t0Ns: bigint; reports: PlainLoopReport[] }> {
  const entry = join(__dirname, 'plain-loop.js');
  const children = Array.from({ length: writers }, (_, index) => {
    const child = fork(entry, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
    const orders: PlainLoopOrders = {
      target,
      table: defaultProbeTable,
      name: `w${index + 1}`,
      transactions,
      busyTimeoutMs,
      cacheKiB: sessionCacheKiB,
      timeGaps,
    };
    const ready = new Promise<void>((resolve) => child.once('message', () => resolve()));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const report = ready.then(
      () =>
        new Promise<PlainLoopReport>((resolve) =>
          child.once('message', (m) => resolve(m as PlainLoopReport)),
        ),
    );
    child.send(orders);
    return { child, ready, report, exited };
  });
  await Promise.all(children.map((writer) => writer.ready));
  const t0Ns = process.hrtime.bigint();
  for (const writer of children) {
    writer.child.send('go');
  }
  const reports = await Promise.all(children.map((writer) => writer.report));
  await Promise.all(children.map((writer) => writer.exited));
  return { t0Ns, reports };
}

async function plainLoop(target: string, settings: OverheadSettings, transactions: number): Promise<number> {
  const { t0Ns, reports } = await plainLoopReports(target, settings.writers, transactions);
  const lastEndNs = reports.reduce(
    (last, report) => (BigInt(report.endNs) > last ? BigInt(report.endNs) : last),
    t0Ns,
  );
  const commits = reports.reduce((sum, report) => sum + report.commits, 0);
  return commits / (Number(lastEndNs - t0Ns) / 1e9);
}

async function probeBurst(
  source: string,
  journalMode: 'wal' | 'delete',
  settings: OverheadSettings,
): Promise<number> {
  const result = await runProbe({
    database: source,
    preset: 'burst',
    presetOptions: { writers: settings.writers, transactions: settings.transactions[journalMode] },
    model: 'processes',
    journal: journalMode,
    busyTimeoutMs,
    begin: 'immediate',
    inPlace: false,
  });
  // Rows found in the file, counted the same way for both.
  return result.rows.found / (result.durationMs / 1000);
}

/** `source` is a small database made by the caller; `folder` a scratch folder. */
export async function recordingOverhead(
  source: string,
  folder: string,
  settings: OverheadSettings,
): Promise<OverheadFigure[]> {
  const figures: OverheadFigure[] = [];
  for (const journalMode of ['wal', 'delete'] as const) {
    const plain: number[] = [];
    const probe: number[] = [];
    for (let round = 0; round < settings.rounds; round++) {
      const target = join(folder, 'plain-loop.db');
      preparePlainTarget(source, target, journalMode);
      plain.push(await plainLoop(target, settings, settings.transactions[journalMode]));
      probe.push(await probeBurst(source, journalMode, settings));
    }
    figures.push({
      journalMode,
      plainCommitsPerSecond: median(plain),
      probeCommitsPerSecond: median(probe),
      // Each round's pair ran back to back, under the same load: the median of their ratios.
      ratio: median(probe.map((value, round) => value / plain[round])),
      ratioRange: [
        Math.min(...probe.map((value, round) => value / plain[round])),
        Math.max(...probe.map((value, round) => value / plain[round])),
      ],
    });
  }
  return figures;
}

export function pushOverhead(
  report: BenchReport,
  figures: OverheadFigure[],
  settings: OverheadSettings,
): void {
  report.push(
    'Recording overhead: the probe against a plain loop',
    figures.map((figure) => ({
      figure: `${figure.journalMode.toUpperCase()}, ${settings.writers} processes x ${settings.transactions[figure.journalMode]} transactions (median of ${settings.rounds} rounds; rounds' ratios ${figure.ratioRange.map((ratio) => (ratio * 100).toFixed(0)).join('-')} %)`,
      goal: '≥ 0.9× the plain loop',
      measured: figure.probeCommitsPerSecond,
      baseline: figure.plainCommitsPerSecond,
      baselineIs: 'plain better-sqlite3 loop',
      unit: 'commits/s',
    })),
    "The probe's `burst --model processes --begin immediate` against a plain better-sqlite3 loop of the " +
      'same transactions, same process count, busy timeout, page cache and a fresh copy of the same file; ' +
      "rounds alternate plain and probe. The ratio shown is of the medians; the rounds' ratios are per pair. " +
      "Four writers take turns at the lock through SQLite's busy handler (sleeps of 1 to 100 ms), so these " +
      "rows move with the machine's load. The CPU row (bench/recordingCost.ts) is the recording alone: the " +
      'session runner with its outbox, batches serialised as the IPC does and read into a log as the ' +
      'coordinator does, on one thread and one connection, against the plain loop.',
  );
}
