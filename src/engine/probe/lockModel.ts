// The lock each probe step implies, from SQLite's locking protocol (lockingv3, wal). The probe cannot ask
// SQLite which lock a connection holds, so the timeline shows the state the step implies; the live
// holders view (/proc/locks) is where the kernel's own view is shown.
import type { BeginMode, LockState, StepOp } from './probeTypes';

export type JournalFamily = 'rollback' | 'wal';

export function journalFamily(journalMode: string): JournalFamily {
  return journalMode.toLowerCase() === 'wal' ? 'wal' : 'rollback';
}

const rollbackRank: Record<LockState, number> = {
  none: 0,
  SHARED: 1,
  RESERVED: 2,
  PENDING: 3,
  EXCLUSIVE: 4,
  WAL_READ: 1,
  WAL_WRITE: 2,
};

function atLeast(current: LockState, wanted: LockState): LockState {
  return rollbackRank[wanted] > rollbackRank[current] ? wanted : current;
}

export interface StepLocks {
  /** The lock the statement must get (equal to `held` when it needs nothing new). */
  wants: LockState;
  /** What the session holds while the statement runs or waits. */
  heldWhileRunning: LockState;
  /** What the session holds once the statement succeeded. */
  after: LockState;
}

/** Locks for a statement step, given what the session holds and whether a transaction is open. */
export function stepLocks(
  op: Exclude<StepOp, 'hold'>,
  held: LockState,
  inTransaction: boolean,
  family: JournalFamily,
  beginMode: BeginMode = 'deferred',
): StepLocks {
  const read: LockState = family === 'wal' ? 'WAL_READ' : 'SHARED';
  const write: LockState = family === 'wal' ? 'WAL_WRITE' : 'RESERVED';
  switch (op) {
    case 'begin': {
      if (beginMode === 'deferred') {
        return { wants: held, heldWhileRunning: held, after: held };
      }
      const wants: LockState = beginMode === 'exclusive' && family === 'rollback' ? 'EXCLUSIVE' : write;
      return { wants, heldWhileRunning: held, after: wants };
    }
    case 'read': {
      const wants = atLeast(held, read);
      return { wants, heldWhileRunning: held, after: inTransaction ? wants : 'none' };
    }
    case 'write': {
      const wants = atLeast(held, write);
      // Outside a transaction the statement commits by itself, which in rollback mode needs EXCLUSIVE.
      if (!inTransaction) {
        return { wants: family === 'wal' ? write : 'EXCLUSIVE', heldWhileRunning: held, after: 'none' };
      }
      return { wants, heldWhileRunning: held, after: wants };
    }
    case 'commit': {
      // A rollback-mode writer commits through PENDING (no new readers) to EXCLUSIVE.
      if (family === 'rollback' && rollbackRank[held] >= rollbackRank.RESERVED) {
        return { wants: 'EXCLUSIVE', heldWhileRunning: 'PENDING', after: 'none' };
      }
      return { wants: held, heldWhileRunning: held, after: 'none' };
    }
    case 'rollback':
      return { wants: held, heldWhileRunning: held, after: 'none' };
    case 'cursor': {
      // The unfinished statement keeps the read lock, in a transaction or not, until it is reset.
      const wants = atLeast(held, read);
      return { wants, heldWhileRunning: held, after: wants };
    }
    case 'close':
      return { wants: held, heldWhileRunning: held, after: inTransaction ? held : 'none' };
  }
}

/** Whether another session holding `held` keeps a session from getting `wants`. */
export function lockConflicts(wants: LockState, held: LockState, family: JournalFamily): boolean {
  if (held === 'none') {
    return false;
  }
  if (family === 'wal') {
    return wants === 'WAL_WRITE' && held === 'WAL_WRITE';
  }
  switch (wants) {
    case 'SHARED':
      return held === 'PENDING' || held === 'EXCLUSIVE';
    case 'RESERVED':
      return held === 'RESERVED' || held === 'PENDING' || held === 'EXCLUSIVE';
    case 'EXCLUSIVE':
      return true;
    default:
      return false;
  }
}

/** Whether the statement asks for more than the session already holds. */
export function acquiresLock(held: LockState, wants: LockState): boolean {
  return wants !== held && rollbackRank[wants] > rollbackRank[held];
}
