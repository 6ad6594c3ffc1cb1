// Scale (issue 9, item 5): the burst probe with 2, 8, 32 and 64 sessions in the processes and threads
// models, through the engine child the extension uses (callEngine). Per run: the time outside the
// schedule (start-up of the engine and sessions, copy, setup, clean-up), the peak memory of every Node
// process involved (bench/peakRss.mjs), events per second of the schedule, and the result's JSON size.
// The baseline of each figure is the 2-session run of the same model, measured in the same run.
import { burstThroughEngine } from './burstThroughEngine';
import type { ExecutionModel } from '../src/engine/probe/probeTypes';
import type { BenchReport, BenchRow } from './benchReport';

interface ScaleFigures {
  startupMs: number;
  peakMb: number;
  eventsPerSecond: number;
  resultKb: number;
}

async function measure(
  database: string,
  folder: string,
  model: ExecutionModel,
  writers: number,
  transactions: number,
): Promise<ScaleFigures> {
  const {
    result,
    peaks,
    wallMs: wall,
  } = await burstThroughEngine(database, folder, model, writers, transactions);
  const events = result.sessions.reduce((sum, session) => sum + session.eventCount, 0);
  // Every Node process the call started: the engine child and, in the processes model, its sessions.
  // Worker threads log their process's peak too (same pid): one figure per process.
  const peakKbByPid = new Map<number, number>();
  for (const peak of peaks.filter((record) => record.pid !== process.pid)) {
    peakKbByPid.set(peak.pid, Math.max(peakKbByPid.get(peak.pid) ?? 0, peak.maxRssKb));
  }
  const peakKb = [...peakKbByPid.values()].reduce((sum, kb) => sum + kb, 0);
  return {
    startupMs: wall - result.durationMs,
    peakMb: peakKb / 1024,
    eventsPerSecond: events / (result.durationMs / 1000),
    resultKb: Buffer.byteLength(JSON.stringify(result)) / 1024,
  };
}

export async function benchProbeScale(
  report: BenchReport,
  database: string,
  folder: string,
  options: { sessions: number[]; transactions: number },
): Promise<void> {
  const group = 'Scale: the probe with many sessions';
  const note =
    `Burst preset in WAL, ${options.transactions} transactions per session, through the engine child process ` +
    'the extension uses. Outside the schedule: wall time minus the schedule (engine and session start-up, ' +
    'copy, setup, clean-up). Peak memory: the sum of the peak RSS of every Node process of the run (engine ' +
    'child, and each session process in the processes model). Result: the compact JSON of the result. ' +
    'Baseline: 2 sessions of the same model; no goal is set, the ratios show how each cost grows.';
  for (const model of ['processes', 'threads'] as const) {
    const baseline = await measure(database, folder, model, 2, options.transactions);
    for (const sessions of options.sessions) {
      const figures =
        sessions === 2 ? baseline : await measure(database, folder, model, sessions, options.transactions);
      const row = (figure: string, key: keyof ScaleFigures, unit: string): BenchRow => ({
        figure: `${model}, ${sessions} sessions: ${figure}`,
        measured: figures[key],
        ...(sessions === 2 ? {} : { baseline: baseline[key], baselineIs: '2 sessions' }),
        unit,
      });
      report.push(
        group,
        [
          row('outside the schedule', 'startupMs', 'ms'),
          row('peak memory', 'peakMb', 'MB'),
          row('events per second', 'eventsPerSecond', 'events/s'),
          row('result size', 'resultKb', 'KB'),
        ],
        note,
      );
    }
  }
}
