// Diagnostic for the WAL overhead gap (issue 9, item 1; `npm run bench -- --turns`): does the probe lose
// to the plain loop through turn-taking at the lock rather than through CPU? Four writers on BEGIN
// IMMEDIATE: the one that just committed re-takes the lock at once unless something runs between its
// COMMIT and its next BEGIN, while the others sleep in SQLite's busy handler (1 to 100 ms). Per round,
// interleaved: the plain loop, the plain loop timing its gaps, and the probe's sessions (runSessions,
// processes model, as runProbe runs them). Measured: commits/s; the gap from COMMIT returning to the next
// BEGIN being sent (the probe's own events; the plain loop's two extra clock reads); how many commits in
// a row one writer makes before another gets the lock (from the rows' order in the file, ids follow the
// commits); and the writers' CPU (their processes' user + system time, from /proc/self/stat's cutime and
// cstime once they exited, start-up included, and the plain loop's in-loop share).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildPreset } from '../src/engine/probe/presetSchedules';
import { defaultProbeTable } from '../src/engine/probe/probeTable';
import { runSessions } from '../src/engine/probe/runSessions';
import { eventKinds, stepOps, type SessionLog } from '../src/engine/probe/sessionLog';
import { openDatabase } from '../src/engine/sqliteModule';
import { longGapUs } from './plainLoopEntry';
import { busyTimeoutMs, median, plainLoopReports, preparePlainTarget } from './recordingOverhead';

export interface TurnSettings {
  writers: number;
  transactions: number;
  rounds: number;
}

interface RunFigures {
  commitsPerSecond: number;
  wallMs: number;
  /** Commits / (hand-overs + 1): how long one writer keeps the lock, in transactions. */
  meanStreak: number;
  /** The writers' processes' CPU per commit, start-up included, µs. */
  childCpuUsPerCommit: number;
  /** The same less the start-up (a run of one transaction a writer), µs. */
  runCpuUsPerCommit?: number;
  childCpuUs: number;
  commits: number;
  /** The gap from COMMIT returning to the next BEGIN being sent: mean, p99, max (µs), and the share of the
   * run's wall time the writer that holds the turn spends there (sum of gaps / writers / duration). */
  gap?: { meanUs: number; p99Us: number; maxUs: number; longPerRun: number; longSumMs: number };
  /** The plain loop's CPU in its loop per commit, µs. */
  loopCpuUsPerCommit?: number;
}

const clockTicksPerSecond = 100;

/** CPU (µs) of this process's children that have ended and been waited for. */
function endedChildrenCpuUs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of proc(5), counted from 1; the slice starts at field 3.
  return ((Number(fields[13]) + Number(fields[14])) / clockTicksPerSecond) * 1e6;
}

/** Resolves once no child of this process is left (runSessions does not wait for its sessions' exit). */
async function childrenEnded(): Promise<void> {
  for (;;) {
    const alive = readdirSync('/proc').some((entry) => {
      if (!/^\d+$/.test(entry)) {
        return false;
      }
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid;
      } catch {
        return false;
      }
    });
    if (!alive) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function meanStreak(target: string): { commits: number; meanStreak: number } {
  const db = openDatabase(target, { readonly: true });
  try {
    const sessions = db
      .prepare(`SELECT session FROM "${defaultProbeTable}" ORDER BY id`)
      .pluck()
      .all() as string[];
    let handOvers = 0;
    for (let index = 1; index < sessions.length; index++) {
      if (sessions[index] !== sessions[index - 1]) {
        handOvers++;
      }
    }
    return { commits: sessions.length, meanStreak: sessions.length / (handOvers + 1) };
  } finally {
    db.close();
  }
}

function percentile(sorted: Float64Array, fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

/** Gaps from each commit's outcome to the same session's next begin 'sent', and the last end's time. */
function probeGaps(logs: SessionLog[]): { gaps: Float64Array; endUs: number } {
  const commitKind = eventKinds.indexOf('commit');
  const sentKind = eventKinds.indexOf('sent');
  const endKind = eventKinds.indexOf('end');
  const beginOp = stepOps.indexOf('begin');
  const gaps: number[] = [];
  let endUs = 0;
  for (const log of logs) {
    let committedUs = NaN;
    for (let index = 0; index < log.count; index++) {
      const code = log.kindAndOp[index];
      const kind = code & 0x0f;
      if (kind === commitKind) {
        committedUs = log.tUs[index];
      } else if (kind === sentKind && code >> 4 === beginOp) {
        if (!Number.isNaN(committedUs)) {
          gaps.push(log.tUs[index] - committedUs);
        }
        committedUs = NaN;
      } else if (kind === endKind) {
        endUs = Math.max(endUs, log.tUs[index]);
      }
    }
  }
  return { gaps: Float64Array.from(gaps).sort(), endUs };
}

async function plainRun(
  source: string,
  folder: string,
  settings: TurnSettings,
  timeGaps: boolean,
): Promise<RunFigures> {
  const target = join(folder, 'turns-plain.db');
  preparePlainTarget(source, target, 'wal');
  const cpuBefore = endedChildrenCpuUs();
  const { t0Ns, reports } = await plainLoopReports(target, settings.writers, settings.transactions, timeGaps);
  const cpuUs = endedChildrenCpuUs() - cpuBefore;
  const lastEndNs = reports.reduce((last, r) => (BigInt(r.endNs) > last ? BigInt(r.endNs) : last), t0Ns);
  const streak = meanStreak(target);
  const loopCpuUs = reports.reduce((sum, report) => sum + report.loopCpuUs, 0);
  const figures: RunFigures = {
    commitsPerSecond: streak.commits / (Number(lastEndNs - t0Ns) / 1e9),
    wallMs: Number(lastEndNs - t0Ns) / 1e6,
    meanStreak: streak.meanStreak,
    childCpuUsPerCommit: cpuUs / streak.commits,
    childCpuUs: cpuUs,
    commits: streak.commits,
    loopCpuUsPerCommit: loopCpuUs / streak.commits,
  };
  if (timeGaps) {
    const count = reports.reduce((sum, report) => sum + (report.gaps?.count ?? 0), 0);
    const sumUs = reports.reduce((sum, report) => sum + (report.gaps?.sumUs ?? 0), 0);
    const maxUs = Math.max(...reports.map((report) => report.gaps?.maxUs ?? 0));
    figures.gap = {
      meanUs: sumUs / count,
      p99Us: NaN,
      maxUs,
      longPerRun: reports.reduce((sum, report) => sum + (report.gaps?.longCount ?? 0), 0),
      longSumMs: reports.reduce((sum, report) => sum + (report.gaps?.longSumUs ?? 0), 0) / 1000,
    };
  }
  return figures;
}

async function probeRun(source: string, folder: string, settings: TurnSettings): Promise<RunFigures> {
  const target = join(folder, 'turns-probe.db');
  preparePlainTarget(source, target, 'wal');
  const cpuBefore = endedChildrenCpuUs();
  const logs = await runSessions({
    model: 'processes',
    plans: buildPreset('burst', { writers: settings.writers, transactions: settings.transactions }),
    target,
    busyTimeoutMs,
    settings: { journalMode: 'wal', probeTable: defaultProbeTable, begin: 'immediate' },
  });
  await childrenEnded();
  const cpuUs = endedChildrenCpuUs() - cpuBefore;
  const streak = meanStreak(target);
  const { gaps, endUs } = probeGaps(logs);
  const sumUs = gaps.reduce((sum, gap) => sum + gap, 0);
  const long = gaps.filter((gap) => gap >= longGapUs);
  return {
    commitsPerSecond: streak.commits / (endUs / 1e6),
    wallMs: endUs / 1000,
    meanStreak: streak.meanStreak,
    childCpuUsPerCommit: cpuUs / streak.commits,
    childCpuUs: cpuUs,
    commits: streak.commits,
    gap: {
      meanUs: sumUs / gaps.length,
      p99Us: percentile(gaps, 0.99),
      maxUs: gaps[gaps.length - 1],
      longPerRun: long.length,
      longSumMs: long.reduce((sum, gap) => sum + gap, 0) / 1000,
    },
  };
}

function describe(name: string, runs: RunFigures[]): string {
  const m = (pick: (run: RunFigures) => number | undefined) => {
    const values = runs
      .map(pick)
      .filter((value): value is number => value !== undefined && !Number.isNaN(value));
    return values.length === 0
      ? '-'
      : `${median(values).toFixed(2)} (${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)})`;
  };
  return [
    `${name}:`,
    `  commits/s ${m((run) => run.commitsPerSecond)}`,
    `  mean streak (commits by one writer before a hand-over) ${m((run) => run.meanStreak)}`,
    `  writers' CPU per commit, start-up included ${m((run) => run.childCpuUsPerCommit)} µs, without ${m((run) => run.runCpuUsPerCommit)} µs`,
    `  in-loop CPU per commit ${m((run) => run.loopCpuUsPerCommit)} µs`,
    `  gap COMMIT -> next BEGIN: mean ${m((run) => run.gap?.meanUs)} µs, p99 ${m((run) => run.gap?.p99Us)} µs, max ${m((run) => run.gap?.maxUs)} µs`,
    `  gaps of ${longGapUs} µs or more: ${m((run) => run.gap?.longPerRun)} a run, together ${m((run) => run.gap?.longSumMs)} ms`,
    `  run time ${m((run) => run.wallMs)} ms`,
  ].join('\n');
}

export async function turnTaking(source: string, folder: string, settings: TurnSettings): Promise<string> {
  // The writers' start-up CPU: runs of one transaction a writer.
  const once = { ...settings, transactions: 1 };
  const plainStartUs: number[] = [];
  const probeStartUs: number[] = [];
  for (let round = 0; round < 3; round++) {
    plainStartUs.push((await plainRun(source, folder, once, false)).childCpuUs);
    probeStartUs.push((await probeRun(source, folder, once)).childCpuUs);
  }
  const withoutStart = (runs: RunFigures[], startUs: number) => {
    for (const run of runs) {
      run.runCpuUsPerCommit = (run.childCpuUs - startUs) / run.commits;
    }
  };
  const plain: RunFigures[] = [];
  const plainTimed: RunFigures[] = [];
  const probe: RunFigures[] = [];
  for (let round = 0; round < settings.rounds; round++) {
    plain.push(await plainRun(source, folder, settings, false));
    probe.push(await probeRun(source, folder, settings));
    plainTimed.push(await plainRun(source, folder, settings, true));
  }
  withoutStart(plain, median(plainStartUs));
  withoutStart(plainTimed, median(plainStartUs));
  withoutStart(probe, median(probeStartUs));
  const ratios = probe.map((run, round) => run.commitsPerSecond / plain[round].commitsPerSecond);
  return [
    `Turn-taking, WAL, ${settings.writers} writers x ${settings.transactions} transactions, ${settings.rounds} rounds (median (min-max)):`,
    `writers' start-up CPU (median of 3 runs of one transaction): plain ${(median(plainStartUs) / 1000).toFixed(0)} ms, probe ${(median(probeStartUs) / 1000).toFixed(0)} ms`,
    describe('plain loop', plain),
    describe('plain loop timing its gaps', plainTimed),
    describe('probe sessions (processes)', probe),
    `probe / plain commits/s per round: ${ratios.map((ratio) => ratio.toFixed(2)).join(' ')}; median ${median(ratios).toFixed(3)}`,
  ].join('\n');
}
