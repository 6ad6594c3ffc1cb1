// The recording's own cost (issue 9, item 1): CPU time per WAL transaction of the probe's session runner,
// with its outbox, the batches serialised as the "advanced" IPC serialisation does and read into a log
// as the coordinator does, all on one thread, against a plain better-sqlite3 loop of the same
// transactions on the same kind of file. One connection, no other writer: no busy handler, no
// scheduling, so the machine's load moves this figure far less than the throughput of
// recordingOverhead.ts, whose four writers' turns at the lock depend on who gets a CPU when.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { logBatch } from '../src/engine/probe/eventBatch';
import { buildPreset } from '../src/engine/probe/presetSchedules';
import { defaultProbeTable, probeTableSql } from '../src/engine/probe/probeTable';
import { SessionLog } from '../src/engine/probe/sessionLog';
import { runSession, sessionCacheKiB } from '../src/engine/probe/sessionRunner';
import { SessionOutbox } from '../src/engine/process/sessionOutbox';
import { openDatabase, type SqliteDatabase } from '../src/engine/sqliteModule';
import type { BenchReport } from './benchReport';

export interface RecordingCostSettings {
  transactions: number;
  rounds: number;
}

export interface RecordingCost {
  /** Median CPU µs per transaction, every thread of the process (V8's collector and compiler included). */
  plainUs: number;
  probeUs: number;
  /** The same on the main thread alone. */
  plainThreadUs: number;
  probeThreadUs: number;
  /** Median over the rounds of plain / probe (the throughput ratio one CPU would give). */
  ratio: number;
  ratioRange: [number, number];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface CpuTime {
  processUs: number;
  threadUs: number;
}

function cpuNow(): CpuTime {
  const all = process.cpuUsage();
  const thread = process.threadCpuUsage();
  return { processUs: all.user + all.system, threadUs: thread.user + thread.system };
}

/** CPU µs per transaction since `start`. */
function perTransaction(start: CpuTime, transactions: number): CpuTime {
  const end = cpuNow();
  return {
    processUs: (end.processUs - start.processUs) / transactions,
    threadUs: (end.threadUs - start.threadUs) / transactions,
  };
}

function freshWalFile(file: string): SqliteDatabase {
  for (const suffix of ['', '-wal', '-shm']) {
    rmSync(`${file}${suffix}`, { force: true });
  }
  const setup = openDatabase(file);
  setup.pragma('journal_mode = wal');
  setup.exec(probeTableSql(defaultProbeTable).create);
  setup.close();
  const db = openDatabase(file, { timeout: 5000, fileMustExist: true });
  db.pragma(`cache_size = -${sessionCacheKiB}`);
  return db;
}

/** bench/plainLoopEntry.ts's loop. */
function plainLoop(file: string, transactions: number): CpuTime {
  const db = freshWalFile(file);
  try {
    const sql = probeTableSql(defaultProbeTable);
    const read = db.prepare(sql.read);
    const insert = db.prepare(sql.insert);
    const start = cpuNow();
    for (let iteration = 0; iteration < transactions; iteration++) {
      db.exec('BEGIN IMMEDIATE');
      read.get();
      insert.run('w1', iteration, iteration);
      db.exec('COMMIT');
    }
    return perTransaction(start, transactions);
  } finally {
    db.close();
  }
}

/** One burst session as a session process runs it (serveSession.ts), its coordinator's side included. */
async function probeSession(file: string, transactions: number): Promise<CpuTime> {
  const db = freshWalFile(file);
  try {
    const log = new SessionLog('w1');
    const outbox: SessionOutbox = new SessionOutbox((batch) => {
      // What crosses the IPC channel, and what the coordinator does with it.
      serialize({ type: 'events', batch });
      logBatch(batch, log);
      setImmediate(() => outbox.received());
      return Promise.resolve();
    });
    // The burst's plan, past the preset's limit of transactions so that the run is long enough.
    const plan = { ...buildPreset('burst', { writers: 2, transactions: 1 })[0], repeat: transactions };
    const start = cpuNow();
    await runSession(
      plan,
      db,
      { journalMode: 'wal', probeTable: defaultProbeTable, begin: 'immediate' },
      process.hrtime.bigint(),
      outbox.runner.sink,
      outbox.runner.hooks,
    );
    await outbox.close();
    const cost = perTransaction(start, transactions);
    if (log.count !== transactions * 8 + 2) {
      throw new Error(`the session logged ${log.count} events, not ${transactions * 8 + 2}`);
    }
    return cost;
  } finally {
    db.close();
  }
}

export async function recordingCost(folder: string, settings: RecordingCostSettings): Promise<RecordingCost> {
  const file = join(folder, 'recording-cost.db');
  const plain: CpuTime[] = [];
  const probe: CpuTime[] = [];
  // A first pair warms the JIT and the file system's caches; it is not counted.
  plainLoop(file, settings.transactions / 4);
  await probeSession(file, settings.transactions / 4);
  for (let round = 0; round < settings.rounds; round++) {
    plain.push(plainLoop(file, settings.transactions));
    probe.push(await probeSession(file, settings.transactions));
  }
  const ratios = probe.map((value, round) => plain[round].processUs / value.processUs);
  return {
    plainUs: median(plain.map((cost) => cost.processUs)),
    probeUs: median(probe.map((cost) => cost.processUs)),
    plainThreadUs: median(plain.map((cost) => cost.threadUs)),
    probeThreadUs: median(probe.map((cost) => cost.threadUs)),
    ratio: median(ratios),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
  };
}

/** Pushed after pushOverhead's rows, into its group (whose note describes this row too). */
export function pushRecordingCost(
  report: BenchReport,
  cost: RecordingCost,
  settings: RecordingCostSettings,
): void {
  const range = cost.ratioRange.map((ratio) => (ratio * 100).toFixed(0)).join('-');
  report.push('Recording overhead: the probe against a plain loop', {
    figure:
      `WAL, one connection x ${settings.transactions} transactions, transactions per CPU second, recording ` +
      `included: ${cost.probeUs.toFixed(1)} µs against ${cost.plainUs.toFixed(1)} µs a transaction, main ` +
      `thread alone ${cost.probeThreadUs.toFixed(1)} µs against ${cost.plainThreadUs.toFixed(1)} µs ` +
      `(median of ${settings.rounds} rounds; rounds' ratios ${range} %)`,
    goal: '≥ 0.9× the plain loop',
    measured: 1e6 / cost.probeUs,
    baseline: 1e6 / cost.plainUs,
    baselineIs: 'plain better-sqlite3 loop',
    unit: 'tx/CPU-s',
  });
}
