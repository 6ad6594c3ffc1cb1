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
}

export interface PlainLoopReport {
  commits: number;
  failures: number;
  /** process.hrtime.bigint() when the last transaction ended, as a decimal string. */
  endNs: string;
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
    const report: PlainLoopReport = { commits, failures, endNs: process.hrtime.bigint().toString() };
    db.close();
    process.send?.(report, undefined, {}, () => process.disconnect());
  });
  process.send?.('ready');
});
