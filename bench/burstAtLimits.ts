// The documented limits: a burst of 64 writers x 10 000 transactions in WAL, in every execution model,
// once through the engine child the extension uses (callEngine) and once through the command line
// (`probe --json`, output included). Reported: wall time, rows (attempted, committed, found: found must
// equal committed), and the peak RSS of each Node process involved, read by bench/peakRss.mjs.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { burstThroughEngine } from './burstThroughEngine';
import type { ExecutionModel, ProbeResult } from '../src/engine/probe/probeTypes';
import { type PeakRecord, withPeakRss } from './withPeakRss';

const writers = 64;
const transactions = 10_000;
const models: ExecutionModel[] = ['blocking', 'threads', 'processes'];

/** "coordinator 210 MB; sessions up to 60 MB each": the process that ran the probe, and its session children. */
function describePeaks(peaks: PeakRecord[], coordinatorPid: number | undefined): string {
  const mb = (kb: number) => `${Math.round(kb / 1024)} MB`;
  const coordinator = peaks.find((peak) => peak.pid === coordinatorPid);
  const sessions = peaks.filter((peak) => peak.ppid === coordinatorPid && peak.pid !== coordinatorPid);
  const largestSession = sessions.reduce((largest, peak) => Math.max(largest, peak.maxRssKb), 0);
  return [
    `peak RSS ${coordinator ? mb(coordinator.maxRssKb) : '?'}`,
    sessions.length > 0 ? `${sessions.length} session processes up to ${mb(largestSession)} each` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function describeRows(result: Pick<ProbeResult, 'rows'>): string {
  const { attempted, committed, found } = result.rows;
  return `rows ${attempted}/${committed}/${found}${found === committed ? '' : ' LOST ROWS'}`;
}

async function throughEngine(database: string, model: ExecutionModel, folder: string): Promise<string> {
  const {
    result,
    peaks,
    wallMs: wall,
  } = await burstThroughEngine(database, folder, model, writers, transactions);
  const engine = peaks.find((peak) => peak.ppid === process.pid && peak.script === 'engine-process.js');
  return `${(wall / 1000).toFixed(1)} s, ${describeRows(result)}, engine ${describePeaks(peaks, engine?.pid)}`;
}

async function throughCli(database: string, model: ExecutionModel, folder: string): Promise<string> {
  const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
  const args = [
    'probe',
    database,
    '--preset',
    'burst',
    '--writers',
    `${writers}`,
    '--transactions',
    `${transactions}`,
  ];
  const started = Date.now();
  const { value: run, peaks } = await withPeakRss(
    folder,
    () =>
      new Promise<{ pid: number | undefined; json: string }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          [cli, ...args, '--journal', 'wal', '--model', model, '--json'],
          {
            stdio: ['ignore', 'pipe', 'inherit'],
          },
        );
        let json = '';
        child.stdout.on('data', (chunk: Buffer) => (json += chunk.toString()));
        child.on('error', reject);
        child.on('close', () => resolve({ pid: child.pid, json }));
      }),
  );
  const wall = Date.now() - started;
  const result = JSON.parse(run.json) as ProbeResult;
  const mb = (Buffer.byteLength(run.json) / 1e6).toFixed(1);
  return `${(wall / 1000).toFixed(1)} s, ${describeRows(result)}, ${mb} MB JSON, CLI ${describePeaks(peaks, run.pid)}`;
}

/** Rows for the bench table; `folder` holds a small WAL database made by the caller. */
export async function burstAtLimits(database: string, folder: string): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  for (const model of models) {
    const label = `burst ${writers} x ${transactions}, wal, ${model}`;
    rows.push([`${label}, engine`, await throughEngine(database, model, folder)]);
    process.stderr.write(`${rows.at(-1)?.join(': ')}\n`);
    rows.push([`${label}, CLI`, await throughCli(database, model, folder)]);
    process.stderr.write(`${rows.at(-1)?.join(': ')}\n`);
  }
  return rows;
}
