// Runs one session's schedule on its own connection and reports each event as it happens, so a timeline
// survives the session being killed. The same code runs in a child process, a worker thread, or (the
// blocking model) beside the other sessions on one thread, where a statement waiting for a lock blocks
// everyone: better-sqlite3's calls are synchronous, like a sync driver called from an async handler.
import type { SessionDatabase, SessionStatement } from './sessionDatabase';
import { threadId } from 'node:worker_threads';
import { journalFamily, stepLocks, type JournalFamily } from './lockModel';
import { clockSince, sleepUntil } from './monotonicClock';
import {
  codedStatementEvent,
  kindAndOpCode,
  lockCode,
  noCode,
  SqlTexts,
  type StatementRecorder,
} from './eventBatch';
import type { BeginMode, EventKind, SessionPlan, Step, TimelineEvent } from './probeTypes';
import { timelineLockStates } from './sessionLog';
import { sqliteCodeNumber } from './sqliteCodes';
import { probeTableSql } from './probeTable';

export interface SessionSettings {
  journalMode: string;
  probeTable: string;
  /** Overrides every begin step's mode. */
  begin?: BeginMode;
}

/** Each session's page cache, KiB. */
export const sessionCacheKiB = 1024;

/** Where a session's events go. */
export interface EventSink {
  /** A statement's 'sent' or outcome event in codes: a sink that keeps columns builds no object and looks
   * nothing up (in WAL a transaction takes microseconds, and eight events a transaction were a visible part). */
  statement: StatementRecorder;
  /** The code `statement` takes for a statement text; asked once per text, before the run. */
  sqlCode(text: string): number;
  /** Any other event (start, error, end), whole. */
  event(event: TimelineEvent): void;
}

/** A sink for code that wants each event as an object (the blocking model's log, a live view). */
export function objectSink(emit: (event: TimelineEvent) => void): EventSink {
  const sqlTexts = new SqlTexts();
  return {
    statement: (tUs, kindAndOp, iteration, lock, wants, sql, elapsedUs) =>
      emit(codedStatementEvent(tUs, kindAndOp, iteration, lock, wants, sql, sqlTexts.texts, elapsedUs)),
    sqlCode: (text) => sqlTexts.code(text),
    event: emit,
  };
}

export interface SessionHooks {
  /** Asked when a transaction is over and nothing is held: whether betweenTransactions has work now. It
   * runs in the session's hot loop, so it should be a few comparisons. Without it, betweenTransactions is
   * called after every transaction. */
  handOverDue?: () => boolean;
  /** Called when a transaction is over and nothing is held (and handOverDue said so); the session waits
   * for a returned promise. */
  betweenTransactions?: () => Promise<void> | undefined;
  /** Called before the session waits for a timed step or a hold, so its events so far can leave while
   * it sleeps (it may hold a lock: nothing may make it wait longer). */
  beforeSleep?: () => void;
}

/** Why the runner's synchronous loop stopped. */
const enum Stop {
  Done,
  Sleep,
  BetweenTransactions,
}

type StatementOp = Exclude<Step['op'], 'hold'>;

/** The locks of lockModel.ts's stepLocks as timeline lock codes. */
interface CodedLocks {
  wants: number;
  heldWhileRunning: number;
  after: number;
}

/** A statement step with what the runner would otherwise work out on every iteration. */
class PreparedStatement {
  readonly sentCode: number;
  readonly doneCode: number;
  readonly sql: number;
  /** stepLocks for this step by (held lock code, in a transaction), worked out on first use. */
  private readonly locksByState: (CodedLocks | undefined)[] = [];

  constructor(
    readonly op: StatementOp,
    readonly beginMode: BeginMode,
    readonly text: string,
    sink: EventSink,
    /** A scenario file's own statement for a read or write step (`text` is then its SQL). */
    readonly custom?: SessionStatement,
  ) {
    const outcome: EventKind = op === 'begin' || op === 'commit' || op === 'rollback' ? op : 'returned';
    this.sentCode = kindAndOpCode('sent', op);
    this.doneCode = kindAndOpCode(outcome, op);
    this.sql = sink.sqlCode(text);
  }

  locks(held: number, inTransaction: boolean, family: JournalFamily): CodedLocks {
    const key = held * 2 + (inTransaction ? 1 : 0);
    let coded = this.locksByState[key];
    if (coded === undefined) {
      const locks = stepLocks(this.op, timelineLockStates[held], inTransaction, family, this.beginMode);
      coded = {
        wants: lockCode(locks.wants),
        heldWhileRunning: lockCode(locks.heldWhileRunning),
        after: lockCode(locks.after),
      };
      this.locksByState[key] = coded;
    }
    return coded;
  }
}

const beginText: Record<BeginMode, string> = {
  deferred: 'BEGIN DEFERRED',
  immediate: 'BEGIN IMMEDIATE',
  exclusive: 'BEGIN EXCLUSIVE',
};

export async function runSession(
  plan: SessionPlan,
  db: SessionDatabase,
  settings: SessionSettings,
  t0Ns: bigint,
  sink: EventSink,
  hooks: SessionHooks = {},
): Promise<void> {
  // SQLite's page cache is per connection (better-sqlite3 builds it at 16 MB): 64 sessions in one
  // process would hold a gigabyte of it. The locking under study does not depend on the cache size.
  db.pragma(`cache_size = -${sessionCacheKiB}`);
  if (plan.busyTimeoutMs !== undefined) {
    // A session configured apart from the others (no-timeout's connection without a busy timeout).
    db.pragma(`busy_timeout = ${plan.busyTimeoutMs}`);
  }
  const family = journalFamily(settings.journalMode);
  const sql = probeTableSql(settings.probeTable);
  const insert = db.prepare(sql.insert);
  const read = db.prepare(sql.read);
  // The 'cursor' step's statement, prepared on first use; its iterator stays open until 'close'.
  let cursorStatement: SessionStatement | undefined;
  let openCursor: Iterator<unknown> | undefined;
  const none = lockCode('none');
  let held = none;
  // Whether a transaction is open, kept here: better-sqlite3's db.inTransaction is a native call, and
  // five per transaction are a measurable part of a WAL transaction. Read from SQLite after an error,
  // which may have ended the transaction.
  let inTransaction = db.inTransaction;
  const nowUs = clockSince(t0Ns);
  // A statement's 'sent' time is the previous statement's outcome time when nothing ran between them but
  // the recording (a fraction of a microsecond, under the times' resolution): a clock read costs about
  // 50 ns, and eight reads a transaction were a third of the recording's cost in WAL (issue 9).
  let outcomeUs = 0;
  let outcomeIsNow = false;
  const textOf = (op: StatementOp, beginMode: BeginMode): string => {
    switch (op) {
      case 'begin':
        return beginText[beginMode];
      case 'read':
        return sql.read;
      case 'write':
        return sql.insert;
      case 'commit':
        return 'COMMIT';
      case 'rollback':
        return 'ROLLBACK';
      case 'cursor':
        return sql.cursor;
      case 'close':
        return `(reset) ${sql.cursor}`;
    }
  };
  const prepare = (op: StatementOp, beginMode: BeginMode) =>
    new PreparedStatement(op, beginMode, textOf(op, beginMode), sink);
  const steps = plan.steps.map((step) =>
    step.op === 'hold'
      ? undefined
      : step.sql !== undefined
        ? new PreparedStatement(step.op, 'deferred', step.sql, sink, db.prepare(step.sql))
        : prepare(step.op, settings.begin ?? step.mode ?? 'deferred'),
  );
  const rollback = prepare('rollback', 'deferred');

  const repeat = plan.repeat ?? 1;
  const { handOverDue, betweenTransactions, beforeSleep } = hooks;
  // Where the synchronous loop stands, so that it can stop for an await and carry on.
  let iteration = 0;
  let index = 0;
  /** The step whose 'at' was waited for (iteration 0 only). */
  let sleptAtIndex = -1;
  /** When a Stop.Sleep ends, ms since time zero. */
  let wakeMs = 0;

  sink.event({ tUs: nowUs(), kind: 'start', lock: 'none', pid: process.pid, threadId });
  for (;;) {
    const stop = runUntilAwait();
    if (stop === Stop.Done) {
      break;
    }
    if (stop === Stop.Sleep) {
      beforeSleep?.();
      await sleepUntil(t0Ns, wakeMs);
    } else {
      const pause = betweenTransactions?.();
      if (pause) {
        await pause;
      }
    }
  }
  sink.event({ tUs: nowUs(), kind: 'end', lock: 'none' });

  /**
   * Runs the plan's steps, transaction after transaction, until one needs an await (a timed step, a hold,
   * the hook between transactions) or the plan is done. Synchronous, and without the awaits' paths, so
   * that V8 optimises it once: in an async loop every await's first resumption deoptimised the optimised
   * loop, and each of the three or four re-optimisations of a burst session cost milliseconds of
   * compilation on a core the writers share (issue 9).
   */
  function runUntilAwait(): Stop {
    while (iteration < repeat) {
      while (index < steps.length) {
        const step = plan.steps[index];
        if (step.at !== undefined && iteration === 0 && sleptAtIndex !== index) {
          sleptAtIndex = index;
          outcomeIsNow = false;
          wakeMs = step.at;
          return Stop.Sleep;
        }
        const statement = steps[index];
        index++;
        if (statement === undefined) {
          outcomeIsNow = false;
          wakeMs = nowUs() / 1000 + (step.ms ?? 0);
          return Stop.Sleep;
        }
        if (!runStatement(statement, iteration)) {
          rollbackAfterError(iteration);
          break;
        }
      }
      endTransaction(iteration);
      iteration++;
      index = 0;
      if (handOverDue === undefined ? betweenTransactions !== undefined : handOverDue()) {
        return Stop.BetweenTransactions;
      }
    }
    return Stop.Done;
  }

  function endTransaction(iteration: number): void {
    if (openCursor) {
      openCursor.return?.();
      openCursor = undefined;
      held = inTransaction ? held : none;
    }
    if (inTransaction) {
      // A schedule that ends inside a transaction must not leave it open.
      runStatement(rollback, iteration);
    }
    // The hook may send a batch, and the next transaction may wait: its first statement reads the clock.
    outcomeIsNow = false;
  }

  function runStatement(statement: PreparedStatement, iteration: number): boolean {
    const locks = statement.locks(held, inTransaction, family);
    const sentUs = outcomeIsNow ? outcomeUs : nowUs();
    sink.statement(
      sentUs,
      statement.sentCode,
      iteration,
      locks.heldWhileRunning,
      locks.wants,
      statement.sql,
      NaN,
    );
    const op = statement.op;
    try {
      if (op === 'read') {
        if (statement.custom) {
          runCustom(statement.custom);
        } else {
          read.get();
        }
      } else if (op === 'write') {
        if (statement.custom) {
          runCustom(statement.custom);
        }
        // Also for the user's own write: the probe's row shows that the step's write was committed.
        insert.run(plan.name, iteration, sentUs);
      } else if (op === 'cursor' || op === 'close') {
        runCursorStep(op);
      } else {
        db.exec(statement.text);
      }
    } catch (error) {
      recordFailure(error, op, iteration, sentUs);
      return false;
    }
    const doneUs = nowUs();
    held = locks.after;
    if (op === 'begin') {
      inTransaction = true;
    } else if (op === 'commit' || op === 'rollback') {
      inTransaction = false;
    }
    sink.statement(doneUs, statement.doneCode, iteration, held, noCode, noCode, doneUs - sentUs);
    outcomeUs = doneUs;
    outcomeIsNow = true;
    return true;
  }

  function runCursorStep(op: 'cursor' | 'close'): void {
    if (op === 'cursor') {
      cursorStatement ??= db.prepare(sql.cursor);
      const iterator = cursorStatement.iterate();
      iterator.next();
      openCursor = iterator;
    } else {
      openCursor?.return?.();
      openCursor = undefined;
    }
  }

  /** Out of runStatement, so that the optimised statement path does not carry the failure's code. */
  function recordFailure(error: unknown, op: StatementOp, iteration: number, sentUs: number): void {
    const failedUs = nowUs();
    outcomeIsNow = false;
    inTransaction = db.inTransaction;
    const code = errorCode(error);
    sink.event({
      tUs: failedUs,
      kind: 'error',
      op,
      iteration,
      lock: timelineLockStates[held],
      elapsedUs: failedUs - sentUs,
      code,
      errno: sqliteCodeNumber(code),
      message: error instanceof Error ? error.message : String(error),
    });
  }

  function rollbackAfterError(iteration: number): void {
    if (inTransaction) {
      runStatement(rollback, iteration);
    } else {
      held = none;
    }
  }
}

/** The user's statement: one that returns rows is stepped to its first row, as a read would be. */
function runCustom(statement: SessionStatement): void {
  if (statement.reader) {
    statement.get();
  } else {
    statement.run();
  }
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'ERROR';
}
