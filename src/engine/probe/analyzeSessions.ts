// Turns the raw events of every session into per-session results: outcome, first error, lock waits
// (time spent in a statement while another session held a conflicting lock), rows, and lane spans.
import { coveredLength, heldIntervals, type HeldInterval } from './lockIntervals';
import { acquiresLock, lockConflicts, type JournalFamily } from './lockModel';
import type { LockSpan, SessionOutcome, SessionResult, TimelineEvent } from './probeTypes';

export interface RawSession {
  name: string;
  events: TimelineEvent[];
}

/** A statement shorter than this is drawn as holding, not waiting: SQLite's first busy sleep is 1 ms. */
const minimumDrawnWaitUs = 1000;

export function analyzeSessions(raw: RawSession[], family: JournalFamily): SessionResult[] {
  const endUs = Math.max(0, ...raw.flatMap((session) => session.events.map((event) => event.tUs)));
  const held = raw.map((session) => heldIntervals(session.events, endUs));
  const withWaits = raw.map((session, index) => {
    const others = held.filter((_, otherIndex) => otherIndex !== index).flat();
    return addWaits(session.events, others, family);
  });
  return raw.map((session, index) => summarize(session.name, withWaits[index], endUs));
}

function addWaits(events: TimelineEvent[], others: HeldInterval[], family: JournalFamily): TimelineEvent[] {
  const result = events.map((event) => ({ ...event }));
  let sent: TimelineEvent | undefined;
  for (const event of result) {
    if (event.kind === 'sent') {
      sent = event;
      continue;
    }
    if (sent && event.elapsedUs !== undefined) {
      const wants = sent.wants ?? 'none';
      const conflicting = acquiresLock(sent.lock, wants)
        ? others.filter((interval) => lockConflicts(wants, interval.lock, family))
        : [];
      event.waitedUs = Math.round(coveredLength(sent.tUs, event.tUs, conflicting));
      sent = undefined;
    }
  }
  return result;
}

function summarize(name: string, events: TimelineEvent[], endUs: number): SessionResult {
  const transactions = { attempted: 0, committed: 0, failed: 0 };
  const rows = { attempted: 0, committed: 0 };
  let pendingWrites = 0;
  let inTransaction = false;
  let failedIteration = false;
  let lastEnding: 'commit' | 'rollback' | undefined;
  let firstError: SessionResult['error'];
  let waitedUs = 0;

  for (const event of events) {
    waitedUs += event.waitedUs ?? 0;
    switch (event.kind) {
      case 'begin':
        inTransaction = true;
        failedIteration = false;
        pendingWrites = 0;
        transactions.attempted++;
        break;
      case 'sent':
        if (event.op === 'write') {
          rows.attempted++;
        }
        break;
      case 'returned':
        if (event.op === 'write') {
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
        break;
      case 'rollback':
        pendingWrites = 0;
        inTransaction = false;
        if (!failedIteration) {
          lastEnding = 'rollback';
        }
        break;
      case 'error':
        if (!failedIteration) {
          transactions.failed++;
          failedIteration = true;
        }
        firstError ??= {
          code: event.code ?? 'ERROR',
          errno: event.errno,
          message: event.message ?? '',
          elapsedMs: (event.elapsedUs ?? 0) / 1000,
          atMs: event.tUs / 1000,
        };
        break;
      default:
        break;
    }
  }
  const outcome: SessionOutcome = firstError
    ? 'failed'
    : lastEnding === 'rollback'
      ? 'rolledback'
      : 'committed';
  return {
    name,
    outcome,
    ...(firstError ? { error: firstError } : {}),
    waitedMs: waitedUs / 1000,
    transactions,
    rows,
    events,
    spans: lockSpans(events, endUs),
  };
}

/** Lane spans: held locks, with statements that waited for a lock drawn as waits. */
function lockSpans(events: TimelineEvent[], endUs: number): LockSpan[] {
  const spans: LockSpan[] = [];
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    const next = events[index + 1];
    const toUs = next ? next.tUs : Math.max(endUs, event.tUs);
    if (toUs <= event.tUs) {
      continue;
    }
    const waited = event.kind === 'sent' && next !== undefined && (next.waitedUs ?? 0) >= minimumDrawnWaitUs;
    if (waited) {
      spans.push({ fromUs: event.tUs, toUs, lock: event.lock, waitingFor: event.wants });
    } else if (event.lock !== 'none') {
      const previous = spans.at(-1);
      if (previous && !previous.waitingFor && previous.lock === event.lock && previous.toUs === event.tUs) {
        previous.toUs = toUs;
      } else {
        spans.push({ fromUs: event.tUs, toUs, lock: event.lock });
      }
    }
  }
  return spans;
}
