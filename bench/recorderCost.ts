// The recorder's cost and reach (npm run bench -- --record): CPU of the recorder process per second of
// recording at the default interval with 0, 10 and 40 busy python3 clients (goal: under 5 % of one
// core, i.e. 50 ms per second), its sampling jitter, and the shortest lock hold it reliably catches
// (holds of 1, 2, 5, 10 and 20 ms: the fraction that shows as an interval).
import { type ChildProcess, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { recordInterval } from '../src/engine/options/recordLimits';
import { startRecorder } from '../src/engine/process/startRecorder';
import type { RecorderProgress } from '../src/engine/record/lockRecorder';
import type { Recording } from '../src/engine/record/recordingTypes';
import { openDatabase } from '../src/engine/sqliteModule';
import { hourOfBusyApp } from './hourOfBusyApp';

/** A busy client: short transactions, a read or a write, with pauses of 50 to 250 ms. */
const busyClient = `
import random, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)
db.execute("SELECT count(*) FROM items").fetchall()
print("ready", flush=True)
while True:
    if random.random() < 0.3:
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO items (name) VALUES ('x')")
        db.execute("COMMIT")
    else:
        db.execute("BEGIN")
        db.execute("SELECT count(*) FROM items").fetchall()
        time.sleep(random.uniform(0.001, 0.02))
        db.execute("COMMIT")
    time.sleep(random.uniform(0.05, 0.25))
`;

/**
 * Holds the write lock `count` times for `ms` each (busy-waiting, so the hold is exact), with 40 to
 * 80 ms between: far enough apart that two holds never look like one, so what is measured is the
 * hold's length alone.
 */
const holdingClient = `
import random, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)
hold = float(sys.argv[2]) / 1000
for i in range(int(sys.argv[3])):
    db.execute("BEGIN IMMEDIATE")
    end = time.perf_counter() + hold
    while time.perf_counter() < end:
        pass
    db.execute("COMMIT")
    time.sleep(random.uniform(0.04, 0.08))
`;

function startBusyClient(file: string): Promise<ChildProcess> {
  const child = spawn('python3', ['-c', busyClient, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`a python3 client exited (${code}) before it was ready`)));
  });
}

function runHoldingClient(file: string, holdMs: number, count: number): { pid: number; done: Promise<void> } {
  const child = spawn('python3', ['-c', holdingClient, file, String(holdMs), String(count)], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    pid: child.pid ?? -1,
    done: new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`holding client exited ${code}`)),
      );
    }),
  };
}

function makeDatabase(file: string, journal: 'wal' | 'delete'): void {
  const db = openDatabase(file);
  db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO items (name) VALUES (1), (2)');
  db.pragma(`journal_mode = ${journal}`);
  db.close();
}

/**
 * Records for `ms`; the steady cost is the CPU between the progress at 1 s and the last one, so the
 * process's start-up (loading, the first /proc/*\/fd scan, compiling) is left out: over an hour it is
 * nothing.
 */
async function recordFor(
  file: string,
  ms: number,
  intervalMs: number,
): Promise<{ recording: Recording; steadyCpuMsPerSecond: number }> {
  const progress: RecorderProgress[] = [];
  const recorder = startRecorder(file, {
    intervalMs,
    progressEveryMs: 1000,
    onProgress: (p) => progress.push(p),
  });
  await recorder.started;
  await new Promise((resolve) => setTimeout(resolve, ms));
  const recording = await recorder.stop();
  const first = progress[0];
  const last = progress.at(-1);
  const steadyCpuMsPerSecond =
    first === undefined || last === undefined || last === first
      ? (recording.sampling.cpuMsPerSecond ?? 0)
      : ((last.cpuMs - first.cpuMs) / (last.elapsedMs - first.elapsedMs)) * 1000;
  return { recording, steadyCpuMsPerSecond };
}

function costRow(
  clients: number,
  { recording, steadyCpuMsPerSecond }: { recording: Recording; steadyCpuMsPerSecond: number },
): [string, string] {
  const { sampling } = recording;
  const intervals = recording.processes.reduce((sum, process) => sum + process.intervals.length, 0);
  return [
    `recorder, ${clients} busy clients, every ${recording.intervalMs} ms`,
    `${steadyCpuMsPerSecond.toFixed(1)} ms CPU per second (${(steadyCpuMsPerSecond / 10).toFixed(1)} % of a core) after ` +
      `the first second, ${(sampling.cpuMsPerSecond ?? 0).toFixed(1)} with start-up; ` +
      `off schedule by ${sampling.jitterP50Ms} ms (p50), ${sampling.jitterP99Ms} ms (p99); ${sampling.missedSamples} of ` +
      `${recording.samples + sampling.missedSamples} samples skipped; ${intervals} intervals, ${recording.processes.length} lanes`,
  ];
}

/** What waking up alone costs here now (the machine's load shows in it): an empty timer, ms CPU per second. */
async function emptyTimerCpuMsPerSecond(intervalMs: number, seconds: number): Promise<number> {
  const before = process.cpuUsage();
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const tick = () =>
      performance.now() - started >= seconds * 1000 ? resolve() : setTimeout(tick, intervalMs);
    tick();
  });
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / ((performance.now() - started) / 1000);
}

export async function benchRecorder(folder: string): Promise<[string, string][]> {
  const rows: [string, string][] = [];
  const intervalMs = Number(process.env.RECORD_INTERVAL ?? recordInterval.default);
  const seconds = Number(process.env.RECORD_SECONDS ?? 10);
  rows.push([
    'machine',
    `${cpus().length} cores, load average ${loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')} (other work on it inflates every figure below)`,
  ]);
  rows.push([
    `reference: an empty Node timer every ${intervalMs} ms`,
    `${(await emptyTimerCpuMsPerSecond(intervalMs, 3)).toFixed(1)} ms CPU per second (the floor of any sampler in Node here, now)`,
  ]);
  const file = join(folder, 'record.db');
  makeDatabase(file, 'wal');
  const clients: ChildProcess[] = [];
  try {
    for (const count of [0, 10, 40]) {
      while (clients.length < count) {
        clients.push(await startBusyClient(file));
      }
      rows.push(costRow(count, await recordFor(file, seconds * 1000, intervalMs)));
    }
  } finally {
    for (const client of clients) {
      client.kill('SIGKILL');
    }
  }

  // The shortest hold caught: a writer holds RESERVED (rollback mode) for a known time, again and again.
  const holds = join(folder, 'holds.db');
  makeDatabase(holds, 'delete');
  const count = 100;
  const caught: string[] = [];
  for (const holdMs of [1, 2, 5, 10, 20]) {
    const recorder = startRecorder(holds, { intervalMs });
    await recorder.started;
    const client = runHoldingClient(holds, holdMs, count);
    await client.done;
    const recording = await recorder.stop();
    const lane = recording.processes.find((process) => process.pid === client.pid);
    const seen = new Set(
      (lane?.intervals ?? [])
        .filter((interval) => interval.state === 'RESERVED')
        .map((interval) => interval.startMs),
    ).size;
    caught.push(`${holdMs} ms: ${Math.round((Math.min(seen, count) / count) * 100)} %`);
  }
  rows.push([`shortest hold caught, every ${intervalMs} ms (${count} holds each)`, caught.join(', ')]);

  const hour = hourOfBusyApp(intervalMs);
  rows.push([
    `an hour of 40 busy connections, every ${intervalMs} ms (synthetic)`,
    `${hour.samples} samples, ${hour.writeHolds} write holds counted; ${hour.intervalsKept} intervals kept ` +
      `(${hour.mergedIntervals} merged into spans, gap ${hour.resolutionMs} ms); JSON ${(hour.jsonBytes / 1024 / 1024).toFixed(1)} MB; ` +
      `heap ${hour.heapMb.toFixed(0)} MB after; built in ${hour.seconds.toFixed(1)} s`,
  ]);
  return rows;
}
