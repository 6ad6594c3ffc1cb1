// Turns the logged events of every session into per-session results: outcome, first error, lock waits
// (time spent in a statement while another session held a conflicting lock), rows, and lane spans.
// Counts and waits are exact for every event; the events and spans listed in the result are bounded
// (sessionLog.ts, coarseSpans.ts), so a burst at the documented limits stays a usable result.
import { CoarseSpans, maxSpansPerSession } from './coarseSpans';
import { LockCoverage } from './lockCoverage';
import { acquiresLock, type JournalFamily } from './lockModel';
import type {
  EventKind,
  LockSpan,
  LockState,
  SessionOutcome,
  SessionResult,
  TimelineEvent,
} from './probeTypes';
import type { SessionLog } from './sessionLog';

/** A statement shorter than this is drawn as holding, not waiting: SQLite's first busy sleep is 1 ms. */
const minimumDrawnWaitUs = 1000;

/** The last event time over all sessions, µs. */
export function lastEventUs(logs: readonly SessionLog[]): number {
  let endUs = 0;
  for (const log of logs) {
    for (let index = 0; index < log.count; index++) {
      endUs = Math.max(endUs, log.tUs[index]);
    }
  }
  return endUs;
}

export function analyzeSessions(logs: readonly SessionLog[], family: JournalFamily): SessionResult[] {
  const endUs = lastEventUs(logs);
  const coverage = new LockCoverage(logs, family, endUs);
  return logs.map((log) => summarize(log, waitsOf(log, coverage), endUs));
}

/** Per event, the time its statement waited for a lock another session held (on completion events). */
function waitsOf(log: SessionLog, coverage: LockCoverage): Float64Array {
  const waited = new Float64Array(log.count).fill(-1);
  let sent = -1;
  for (let index = 0; index < log.count; index++) {
    const kind = log.kind(index);
    if (kind === 'sent') {
      sent = index;
      continue;
    }
    if (sent >= 0 && statementEnds.has(kind)) {
      const wants = log.wantsAt(sent) ?? 'none';
      const held = log.lockAt(sent);
      waited[index] = acquiresLock(held, wants)
        ? Math.round(coverage.otherHoldersUs(log.tUs[sent], log.tUs[index], wants, held))
        : 0;
      sent = -1;
    }
  }
  return waited;
}

/** The events that end a statement, and carry its elapsed time. */
const statementEnds = new Set<EventKind>(['returned', 'begin', 'commit', 'rollback', 'error']);

function summarize(log: SessionLog, waited: Float64Array, endUs: number): SessionResult {
  const transactions = { attempted: 0, committed: 0, failed: 0 };
  const rows = { attempted: 0, committed: 0 };
  const longestWaitUs = new Map<LockState, number>();
  let pendingWrites = 0;
  let inTransaction = false;
  let failedIteration = false;
  let lastEnding: 'commit' | 'rollback' | undefined;
  const lastUs = { commit: -1, rollback: -1 };
  let waitedUs = 0;
  let sentWants: LockState | undefined;

  for (let index = 0; index < log.count; index++) {
    const kind = log.kind(index);
    const op = log.op(index);
    if (waited[index] > 0) {
      waitedUs += waited[index];
      const wants = sentWants ?? 'none';
      longestWaitUs.set(wants, Math.max(longestWaitUs.get(wants) ?? 0, waited[index]));
    }
    switch (kind) {
      case 'begin':
        inTransaction = true;
        failedIteration = false;
        pendingWrites = 0;
        transactions.attempted++;
        break;
      case 'sent':
        sentWants = log.wantsAt(index);
        if (op === 'write') {
          rows.attempted++;
        }
        break;
      case 'returned':
        if (op === 'write') {
          if (inTransaction) {
            pendingWrites++;
          } else {
            rows.committed++;
          }
        }
        break;
      case 'commit':
        rows.committed += pendingWrites;
        pendingWrites = 0;
        inTransaction = false;
        transactions.committed++;
        lastEnding = 'commit';
        lastUs.commit = log.tUs[index];
        break;
      case 'rollback':
        pendingWrites = 0;
        inTransaction = false;
        lastUs.rollback = log.tUs[index];
        if (!failedIteration) {
          lastEnding = 'rollback';
        }
        break;
      case 'error':
        if (!failedIteration) {
          transactions.failed++;
          failedIteration = true;
        }
        break;
      default:
        break;
    }
  }
  const first = log.firstError;
  const outcome: SessionOutcome = first ? 'failed' : lastEnding === 'rollback' ? 'rolledback' : 'committed';
  const spans = lockSpans(log, waited, endUs);
  const endedUs = first ? first.tUs : lastUs[outcome === 'rolledback' ? 'rollback' : 'commit'];
  return {
    name: log.name,
    outcome,
    ...(first
      ? {
          error: {
            code: first.code ?? 'ERROR',
            errno: first.errno,
            message: first.message ?? '',
            elapsedMs: (first.elapsedUs ?? 0) / 1000,
            atMs: first.tUs / 1000,
          },
        }
      : {}),
    ...(endedUs >= 0 ? { outcomeAtMs: endedUs / 1000 } : {}),
    waitedMs: waitedUs / 1000,
    longestWaitMs: Object.fromEntries([...longestWaitUs].map(([lock, us]) => [lock, us / 1000])),
    transactions,
    rows,
    eventCount: log.count,
    events: keptEvents(log, waited),
    ...spans,
  };
}

/** The events kept whole, in order, with the waits the analysis found. */
function keptEvents(log: SessionLog, waited: Float64Array): TimelineEvent[] {
  return [...log.kept.keys()]
    .sort((a, b) => a - b)
    .map((index) => {
      const event = log.kept.get(index) as TimelineEvent;
      return waited[index] >= 0 ? { ...event, waitedUs: waited[index] } : { ...event };
    });
}

/**
 * Lane spans: held locks, with statements that waited for a lock drawn as waits. Bucketed at a fixed
 * resolution when the session has more than `maxSpansPerSession` of them.
 */
function lockSpans(
  log: SessionLog,
  waited: Float64Array,
  endUs: number,
): { spans: LockSpan[]; spanResolutionUs?: number } {
  let spans: LockSpan[] = [];
  let coarse: CoarseSpans | undefined;
  let open: LockSpan | undefined;
  const emit = (span: LockSpan) => {
    if (coarse) {
      coarse.add(span);
      return;
    }
    spans.push(span);
    if (spans.length > maxSpansPerSession) {
      coarse = new CoarseSpans(endUs);
      spans.forEach((kept) => coarse?.add(kept));
      spans = [];
    }
  };
  for (let index = 0; index < log.count; index++) {
    const fromUs = log.tUs[index];
    const hasNext = index + 1 < log.count;
    const toUs = hasNext ? log.tUs[index + 1] : Math.max(endUs, fromUs);
    if (toUs <= fromUs) {
      continue;
    }
    const lock = log.lockAt(index);
    const waitedForLock = log.kind(index) === 'sent' && hasNext && waited[index + 1] >= minimumDrawnWaitUs;
    if (waitedForLock) {
      if (open) {
        emit(open);
        open = undefined;
      }
      emit({ fromUs, toUs, lock, waitingFor: log.wantsAt(index) });
    } else if (lock !== 'none') {
      if (open && open.lock === lock && open.toUs === fromUs) {
        open.toUs = toUs;
      } else {
        if (open) {
          emit(open);
        }
        open = { fromUs, toUs, lock };
      }
    }
  }
  if (open) {
    emit(open);
  }
  return coarse ? { spans: coarse.spans(), spanResolutionUs: coarse.resolutionUs } : { spans };
}
