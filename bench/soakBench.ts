// The soak in the benchmark's full mode (and `npm run bench -- --soak`): 10 minutes of the in-host
// tests' soak (test/vscode/soak/soakRun.ts) in a fresh code-server extension host (bench/hostSoak.ts),
// reported as what it did and what the host held before and after. LOCK_DOCTOR_SOAK_SECONDS changes the
// length. A benchmark reports, it does not fail: a problem is a row saying so.
import type { BenchReport, BenchRow } from './benchReport';
import { runInHost } from './runInHost';
import type { SoakFigures } from '../test/vscode/soak/soakRun';

/** Slope of the least-squares line through the values (one a round), in MB per minute. */
function heapSlopeMbPerMinute(values: number[], secondsPerRound: number): number {
  const n = values.length;
  if (n < 2) {
    return 0;
  }
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((sum, value) => sum + value, 0) / n;
  let covariance = 0;
  let variance = 0;
  values.forEach((value, index) => {
    covariance += (index - meanX) * (value - meanY);
    variance += (index - meanX) ** 2;
  });
  return (covariance / variance) * (60 / secondsPerRound);
}

/** At most `count` values, evenly spread, the first and the last included. */
function spread(values: number[], count: number): number[] {
  if (values.length <= count) {
    return values;
  }
  return Array.from(
    { length: count },
    (_, index) => values[Math.round((index * (values.length - 1)) / (count - 1))],
  );
}

export function benchSoak(report: BenchReport): void {
  const seconds = Number(process.env.LOCK_DOCTOR_SOAK_SECONDS ?? 600);
  const group = `Soak: ${Math.round(seconds / 60)} minutes in the extension host`;
  const note =
    'test/vscode/soak/soakRun.ts in code-server (a fresh host, bench/hostSoak.ts): rounds of a recording, ' +
    'two probes (every preset and model in turn, one in three in place), lock readings, a checkpoint (WAL) and ' +
    'a journal switch under load, one python3 writer SIGKILLed mid-transaction, then a switch and a reading in ' +
    'the quiet; 3 writers and a reader (python3 sqlite3) come and go throughout. Rows counted by the sqlite3 ' +
    "shell against what each client saw commit. The host's descriptors and processes are compared with the " +
    'start, its heap after gc with the end of the first round (which loads the panel and lazy modules). ' +
    'The 1-minute version runs in `npm run test:vscode` and fails on any of these.';
  const run = runInHost<SoakFigures>('out/vscode-test/hostSoak.js', seconds + 600);
  if ('failure' in run) {
    report.push(group, { figure: 'soak', measured: `not measured: ${run.failure}` }, note);
    return;
  }
  const soak = run.figures;
  const { operations, clients, rows, footprint } = soak;
  const { cold, warm, end } = footprint;
  const done =
    operations.probes +
    operations.switches +
    operations.switchesRefused +
    operations.checkpoints +
    operations.recordings +
    operations.lockReadings;
  const heapRow: BenchRow =
    warm.heapAfterGcMb === undefined || end.heapAfterGcMb === undefined
      ? { figure: 'heap after gc', measured: 'not measured: gc not reachable' }
      : {
          figure: 'heap after gc, end against the end of the first round',
          goal: 'no growth beyond 5 MB',
          measured: end.heapAfterGcMb,
          baseline: warm.heapAfterGcMb,
          baselineIs: 'after round 1',
          unit: 'MB',
        };
  report.push(
    group,
    [
      { figure: 'length', measured: soak.durationS, unit: 's' },
      {
        figure: `operations through the extension (${soak.rounds} rounds)`,
        measured:
          `${done}: ${operations.probes} probes (${operations.probesInPlace} in place, ${operations.probesRefused} refused under load), ` +
          `${operations.switches} journal switches (+${operations.switchesRefused} refused under load), ` +
          `${operations.checkpoints} checkpoints, ${operations.recordings} recordings ` +
          `(${operations.recordedLanes} process lanes), ${operations.lockReadings} lock readings`,
      },
      {
        figure: 'python3 clients',
        measured:
          `${clients.started} started, ${clients.killed} SIGKILLed with a transaction open ` +
          `(${clients.killedMidTransaction} rolled back), ${clients.transactionsBusy} transactions refused busy, ` +
          `${clients.reads} reads`,
      },
      {
        figure: 'rows found (sqlite3 shell) against rows the clients saw commit',
        goal: 'all (1×)',
        measured: rows.rowsFound,
        baseline: rows.rowsCommitted,
        baselineIs: `${rows.transactionsCommitted} transactions`,
      },
      { figure: 'PRAGMA integrity_check', goal: 'ok', measured: rows.integrity },
      {
        figure: 'problems (failed operations, client faults, lost rows), leftovers',
        goal: 'none',
        measured:
          [...soak.problems, ...soak.leftovers].length === 0
            ? 'none'
            : [...soak.problems, ...soak.leftovers].slice(0, 5).join('; '),
      },
      {
        figure: "extension host's open descriptors, end against start",
        goal: 'the same (1×)',
        measured: end.fds,
        baseline: cold.fds,
        baselineIs: 'start',
      },
      {
        figure: "extension host's child processes, end against start",
        goal: 'the same (1×)',
        measured: end.processes,
        baseline: cold.processes,
        baselineIs: 'start',
      },
      heapRow,
      {
        figure: 'heap after gc: trend over the rounds after the first (least-squares slope)',
        goal: 'flat',
        measured: heapSlopeMbPerMinute(soak.heapByRoundMb.slice(1), soak.durationS / soak.rounds),
        unit: 'MB/min',
      },
      {
        figure: 'heap after gc at the end of rounds, first to last (at most 10 shown)',
        measured:
          spread(soak.heapByRoundMb, 10)
            .map((mb) => mb.toFixed(1))
            .join(', ') + ' MB',
      },
      {
        figure: 'RSS, end against start',
        measured: end.rssMb,
        baseline: cold.rssMb,
        baselineIs: 'start',
        unit: 'MB',
      },
    ],
    note,
  );
}
