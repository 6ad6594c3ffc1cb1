// One writer of the benchmark's plain better-sqlite3 loop (bench/recordingOverhead.ts): the probe's burst
// transaction with nothing recorded, so the probe's throughput has a baseline from the same machine.
// Started with fork(): gets its orders, opens, says ready, waits for "go", runs, reports, ends.
import { openDatabase } from '../src/engine/sqliteModule';
import { probeTableSql } from '../src/engine/probe/probeTable';

export interface PlainLoopOrders {
  target: string;
  table: string;
  name: string;
  transactions: number;
  busyTimeoutMs: number;
  /** The probe's sessions' page cache (sessionRunner.ts), so only the recording differs. */
  cacheKiB: number;
  /** Diagnostic (bench/turnTaking.ts): time the gap from COMMIT returning to the next BEGIN being sent.
   * Two clock reads a transaction, so the benchmark's baseline runs without. */
  timeGaps?: boolean;
}

/** A gap this long (µs) is not the loop's own work: the process was descheduled, or waited. */
export const longGapUs = 100;

export interface PlainLoopReport {
  commits: number;
  failures: number;
  /** process.hrtime.bigint() when the last transaction ended, as a decimal string. */
  endNs: string;
  /** CPU of this process (user + system) during the loop, µs. */
  loopCpuUs: number;
  /** With timeGaps: the gaps' sum and largest, µs, and how many. */
  gaps?: { count: number; sumUs: number; maxUs: number; longCount: number; longSumUs: number };
}

process.once('message', (orders: PlainLoopOrders) => {
  const db = openDatabase(orders.target, { timeout: orders.busyTimeoutMs, fileMustExist: true });
  db.pragma(`cache_size = -${orders.cacheKiB}`);
  const sql = probeTableSql(orders.table);
  const read = db.prepare(sql.read);
  const insert = db.prepare(sql.insert);
  process.once('message', () => {
    let commits = 0;
    let failures = 0;
    const cpuBefore = process.cpuUsage();
    if (orders.timeGaps) {
      const gaps = { count: 0, sumUs: 0, maxUs: 0, longCount: 0, longSumUs: 0 };
      let committedMs = NaN;
      for (let iteration = 0; iteration < orders.transactions; iteration++) {
        try {
          const gapUs = (performance.now() - committedMs) * 1000;
          if (gapUs >= 0) {
            gaps.count++;
            gaps.sumUs += gapUs;
            gaps.maxUs = Math.max(gaps.maxUs, gapUs);
            if (gapUs >= longGapUs) {
              gaps.longCount++;
              gaps.longSumUs += gapUs;
            }
          }
          db.exec('BEGIN IMMEDIATE');
          read.get();
          insert.run(orders.name, iteration, iteration);
          db.exec('COMMIT');
          committedMs = performance.now();
          commits++;
        } catch {
          committedMs = NaN;
          failures++;
          if (db.inTransaction) {
            db.exec('ROLLBACK');
          }
        }
      }
      finish(commits, failures, cpuBefore, gaps);
      return;
    }
    for (let iteration = 0; iteration < orders.transactions; iteration++) {
      try {
        db.exec('BEGIN IMMEDIATE'); // as the probe's sessions run it
        read.get();
        insert.run(orders.name, iteration, iteration);
        db.exec('COMMIT');
        commits++;
      } catch {
        failures++;
        if (db.inTransaction) {
          db.exec('ROLLBACK');
        }
      }
    }
    finish(commits, failures, cpuBefore);
  });
  function finish(
    commits: number,
    failures: number,
    cpuBefore: NodeJS.CpuUsage,
    gaps?: PlainLoopReport['gaps'],
  ): void {
    const endNs = process.hrtime.bigint().toString();
    const cpu = process.cpuUsage(cpuBefore);
    const report: PlainLoopReport = {
      commits,
      failures,
      endNs,
      loopCpuUs: cpu.user + cpu.system,
      ...(gaps ? { gaps } : {}),
    };
    db.close();
    process.send?.(report, undefined, {}, () => process.disconnect());
  }
  process.send?.('ready');
});
