// Runs one session's schedule on its own connection and reports each event as it happens, so a timeline
// survives the session being killed. The same code runs in a child process, a worker thread, or (the
// blocking model) beside the other sessions on one thread, where a statement waiting for a lock blocks
// everyone: better-sqlite3's calls are synchronous, like a sync driver called from an async handler.
import type { SqliteDatabase } from '../sqliteModule';
import { threadId } from 'node:worker_threads';
import { journalFamily, stepLocks } from './lockModel';
import { clockSince, sleepUntil } from './monotonicClock';
import { statementEvent, type StatementRecorder } from './eventBatch';
import type { BeginMode, LockState, SessionPlan, Step, TimelineEvent } from './probeTypes';
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
  /** A statement's 'sent' or outcome event, field by field: a sink that keeps columns builds no object
   * (in WAL a transaction takes microseconds, and eight objects a transaction were a visible part). */
  statement: StatementRecorder;
  /** Any other event (start, error, end), whole. */
  event(event: TimelineEvent): void;
}

/** A sink for code that wants each event as an object (the blocking model's log, a live view). */
export function objectSink(emit: (event: TimelineEvent) => void): EventSink {
  return {
    statement: (...fields) => emit(statementEvent(...fields)),
    event: emit,
  };
}

export interface SessionHooks {
  /** Called when a transaction is over and nothing is held; the session waits for a returned promise. */
  betweenTransactions?: () => Promise<void> | undefined;
}

type StatementOp = Exclude<Step['op'], 'hold'>;

export async function runSession(
  plan: SessionPlan,
  db: SqliteDatabase,
  settings: SessionSettings,
  t0Ns: bigint,
  sink: EventSink,
  hooks: SessionHooks = {},
): Promise<void> {
  // SQLite's page cache is per connection (better-sqlite3 builds it at 16 MB): 64 sessions in one
  // process would hold a gigabyte of it. The locking under study does not depend on the cache size.
  db.pragma(`cache_size = -${sessionCacheKiB}`);
  const family = journalFamily(settings.journalMode);
  const sql = probeTableSql(settings.probeTable);
  const insert = db.prepare(sql.insert);
  const read = db.prepare(sql.read);
  let held: LockState = 'none';
  // Whether a transaction is open, kept here: better-sqlite3's db.inTransaction is a native call, and
  // five per transaction are a measurable part of a WAL transaction. Read from SQLite after an error,
  // which may have ended the transaction.
  let inTransaction = db.inTransaction;
  const nowUs = clockSince(t0Ns);
  const beginText: Record<BeginMode, string> = {
    deferred: 'BEGIN DEFERRED',
    immediate: 'BEGIN IMMEDIATE',
    exclusive: 'BEGIN EXCLUSIVE',
  };

  sink.event({ tUs: nowUs(), kind: 'start', lock: held, pid: process.pid, threadId });
  const repeat = plan.repeat ?? 1;
  for (let iteration = 0; iteration < repeat; iteration++) {
    for (const step of plan.steps) {
      if (step.at !== undefined && iteration === 0) {
        await sleepUntil(t0Ns, step.at);
      }
      if (step.op === 'hold') {
        await sleepUntil(t0Ns, nowUs() / 1000 + (step.ms ?? 0));
        continue;
      }
      const beginMode = settings.begin ?? step.mode ?? 'deferred';
      const ok = runStatement(step.op, beginMode, iteration);
      if (!ok) {
        rollbackAfterError(iteration);
        break;
      }
    }
    if (inTransaction) {
      // A schedule that ends inside a transaction must not leave it open.
      runStatement('rollback', 'deferred', iteration);
    }
    const pause = hooks.betweenTransactions?.();
    if (pause) {
      await pause;
    }
  }
  sink.event({ tUs: nowUs(), kind: 'end', lock: 'none' });

  function runStatement(op: StatementOp, beginMode: BeginMode, iteration: number): boolean {
    const locks = stepLocks(op, held, inTransaction, family, beginMode);
    const text = statementText(op, beginMode);
    const sentUs = nowUs();
    sink.statement(sentUs, 'sent', op, iteration, locks.heldWhileRunning, locks.wants, text, undefined);
    try {
      execute(op, text, iteration, sentUs);
    } catch (error) {
      const failedUs = nowUs();
      inTransaction = db.inTransaction;
      const code = errorCode(error);
      sink.event({
        tUs: failedUs,
        kind: 'error',
        op,
        iteration,
        lock: held,
        elapsedUs: failedUs - sentUs,
        code,
        errno: sqliteCodeNumber(code),
        message: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
    const doneUs = nowUs();
    held = locks.after;
    if (op === 'begin') {
      inTransaction = true;
    } else if (op === 'commit' || op === 'rollback') {
      inTransaction = false;
    }
    const kind = op === 'begin' || op === 'commit' || op === 'rollback' ? op : 'returned';
    sink.statement(doneUs, kind, op, iteration, held, undefined, undefined, doneUs - sentUs);
    return true;
  }

  function execute(op: StatementOp, text: string, iteration: number, sentUs: number): void {
    if (op === 'read') {
      read.get();
    } else if (op === 'write') {
      insert.run(plan.name, iteration, sentUs);
    } else {
      db.exec(text);
    }
  }

  function statementText(op: StatementOp, beginMode: BeginMode): string {
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
    }
  }

  function rollbackAfterError(iteration: number): void {
    if (inTransaction) {
      runStatement('rollback', 'deferred', iteration);
    } else {
      held = 'none';
    }
  }
}

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'ERROR';
}
