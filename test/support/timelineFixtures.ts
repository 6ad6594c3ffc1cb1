// Synthetic timelines for deterministic tests of the diagnosis. A SessionScript writes the events one
// session would produce, the way src/engine/probe/sessionRunner.ts writes them: the locks come from the
// engine's own lock model, a failed statement is followed by the runner's rollback. fixtureResult turns
// scripts into a ProbeResult with the engine's own analysis and verdict, so a test states a scenario
// (who ran what, when, how long it took, what failed) and never the conclusions.
import type { PresetName } from '../../src/engine/options/presets';
import { journalFamily, stepLocks, type JournalFamily } from '../../src/engine/probe/lockModel';
import { probeResult } from '../../src/engine/probe/probeResult';
import type {
  BeginMode,
  ExecutionModel,
  LockState,
  ProbeConfig,
  ProbeResult,
  StepOp,
  TimelineEvent,
} from '../../src/engine/probe/probeTypes';
import { SessionLog } from '../../src/engine/probe/sessionLog';
import { sqliteCodeNumber } from '../../src/engine/probe/sqliteCodes';

type StatementOp = Exclude<StepOp, 'hold'>;

export interface StatementTiming {
  /** How long the statement ran, µs (default 50). */
  tookUs?: number;
  /** For 'begin'. */
  mode?: BeginMode;
}

export class SessionScript {
  readonly events: TimelineEvent[] = [];
  private held: LockState = 'none';
  private inTransaction = false;
  private iteration = 0;
  private nowUs: number;

  constructor(
    readonly name: string,
    private readonly family: JournalFamily,
    startUs = 0,
  ) {
    this.nowUs = startUs;
    this.events.push({ tUs: startUs, kind: 'start', lock: 'none', pid: 4242 });
  }

  /** Does nothing (or keeps what it holds) until `us` after time zero. */
  at(us: number): this {
    if (us < this.nowUs) {
      throw new Error(`${this.name}: ${us} µs is before ${this.nowUs} µs`);
    }
    this.nowUs = us;
    return this;
  }

  /** A statement that succeeds. */
  run(op: StatementOp, timing: StatementTiming = {}): this {
    const locks = this.sent(op, timing.mode);
    this.nowUs += timing.tookUs ?? 50;
    this.held = locks.after;
    if (op === 'begin') {
      this.inTransaction = true;
    } else if (op === 'commit' || op === 'rollback') {
      this.inTransaction = false;
    }
    const kind = op === 'begin' || op === 'commit' || op === 'rollback' ? op : 'returned';
    this.events.push({
      tUs: this.nowUs,
      kind,
      op,
      iteration: this.iteration,
      lock: this.held,
      elapsedUs: timing.tookUs ?? 50,
    });
    return this;
  }

  /** A statement that fails with `code` after `tookUs`; an open transaction is then rolled back. */
  fail(op: StatementOp, code: string, timing: StatementTiming = {}, message = 'database is locked'): this {
    this.sent(op, timing.mode);
    this.nowUs += timing.tookUs ?? 50;
    this.events.push({
      tUs: this.nowUs,
      kind: 'error',
      op,
      iteration: this.iteration,
      lock: this.held,
      elapsedUs: timing.tookUs ?? 50,
      code,
      errno: sqliteCodeNumber(code),
      message,
    });
    if (this.inTransaction && op !== 'begin') {
      this.run('rollback', { tookUs: 20 });
    } else {
      this.held = 'none';
    }
    return this;
  }

  /** The next round of the session's steps. */
  nextIteration(): this {
    this.iteration++;
    return this;
  }

  /** The session finished its schedule. */
  end(afterUs = 10): this {
    this.nowUs += afterUs;
    this.events.push({ tUs: this.nowUs, kind: 'end', lock: 'none' });
    return this;
  }

  private sent(op: StatementOp, mode: BeginMode = 'deferred') {
    const locks = stepLocks(op, this.held, this.inTransaction, this.family, mode);
    this.events.push({
      tUs: this.nowUs,
      kind: 'sent',
      op,
      iteration: this.iteration,
      wants: locks.wants,
      lock: locks.heldWhileRunning,
    });
    return locks;
  }
}

export interface FixtureConfig {
  model?: ExecutionModel;
  /** 'wal' or 'delete', as SQLite names the mode the sessions ran in. */
  journalMode?: string;
  busyTimeoutMs?: number;
  preset?: PresetName;
  begin?: BeginMode;
}

/** Scripts for the sessions of one configuration, in its journal family. */
export function scripts(config: FixtureConfig, ...names: string[]): SessionScript[] {
  const family = journalFamily(config.journalMode ?? 'delete');
  return names.map((name) => new SessionScript(name, family));
}

export function fixtureConfig(config: FixtureConfig, sessionNames: string[]): ProbeConfig {
  const journalMode = config.journalMode ?? 'delete';
  return {
    preset: config.preset ?? 'seed',
    model: config.model ?? 'threads',
    journal: journalMode === 'wal' ? 'wal' : 'delete',
    journalMode,
    busyTimeoutMs: config.busyTimeoutMs ?? 5000,
    ...(config.begin ? { begin: config.begin } : {}),
    inPlace: false,
    database: '/home/dev/app/test_locked.db',
    target: '/tmp/sqlite-lock-doctor-1234/test_locked.db',
    probeTable: '_lock_doctor_probe',
    sessions: sessionNames.map((name) => ({ name, steps: [] })),
  };
}

/** The result the engine makes of these scripts; `rowsFound` defaults to the rows committed. */
export function fixtureResult(
  config: FixtureConfig,
  sessions: SessionScript[],
  rowsFound?: number,
): ProbeResult {
  const logs = sessions.map((session) => SessionLog.of(session.name, session.events));
  const result = probeResult(
    fixtureConfig(
      config,
      sessions.map((session) => session.name),
    ),
    '3.46.1',
    logs,
    rowsFound ?? -1,
  );
  if (rowsFound === undefined) {
    result.rows.found = result.rows.committed;
  }
  return result;
}

/**
 * The seed scenario (docs/probe-result.md): B begins at 100 ms, writes and holds its write lock; A's
 * INSERT at 500 ms waits for it. With one blocked event loop B cannot commit until A gives up after the
 * busy timeout; with threads A's INSERT returns once B commits at 1.1 s.
 */
export function seedScripts(config: FixtureConfig, names = { a: 'A', b: 'B' }): SessionScript[] {
  const [a, b] = scripts(config, names.a, names.b);
  const timeoutUs = (config.busyTimeoutMs ?? 5000) * 1000;
  b.at(100_000).run('begin').run('write', { tookUs: 250 });
  a.at(500_000).run('begin');
  if (config.model === 'blocking') {
    a.fail('write', 'SQLITE_BUSY', { tookUs: timeoutUs }).end();
    b.at(a.events.at(-1)!.tUs).run('commit', { tookUs: 4_000 }).end();
  } else {
    b.at(1_100_000).run('commit', { tookUs: 4_000 }).end();
    const bCommitUs = b.events.at(-2)!.tUs;
    a.run('write', { tookUs: bCommitUs - 500_050 })
      .run('commit', { tookUs: 3_000 })
      .end();
  }
  return [a, b];
}

/**
 * `writers` sessions doing `transactions` BEGIN IMMEDIATE transactions each in WAL, taking turns on
 * the write lock: each waits until the previous writer committed. Every `snapshotEvery`-th
 * transaction fails at once with SQLITE_BUSY_SNAPSHOT instead (0: never).
 */
export function burstScripts(writers: number, transactions: number, snapshotEvery = 0): SessionScript[] {
  const sessions = scripts(
    { journalMode: 'wal' },
    ...Array.from({ length: writers }, (_, index) => `writer-${String(index + 1).padStart(2, '0')}`),
  );
  let lockFreeUs = 1_000;
  let count = 0;
  for (let round = 0; round < transactions; round++) {
    sessions.forEach((session, index) => {
      const requestUs = round * 1_000 + index * 7 + 500;
      session.at(Math.max(requestUs, session.events.at(-1)!.tUs));
      count++;
      if (snapshotEvery > 0 && count % snapshotEvery === 0) {
        session
          .run('begin')
          .run('read', { tookUs: 10 })
          .fail('write', 'SQLITE_BUSY_SNAPSHOT', { tookUs: 55 });
      } else {
        const startUs = session.events.at(-1)!.tUs;
        const waitUs = Math.max(50, lockFreeUs - startUs);
        session
          .run('begin', { mode: 'immediate', tookUs: waitUs })
          .run('write', { tookUs: 40 })
          .run('commit', { tookUs: 60 });
        lockFreeUs = session.events.at(-1)!.tUs;
      }
      session.nextIteration();
    });
  }
  return sessions.map((session) => session.end());
}
