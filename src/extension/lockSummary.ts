// The one phrase the status bar gives the live lock state: who writes, or how many read.
import type { LockReport } from '../engine/locks/lockReport';
import { isWriteLock, readLockOf } from '../engine/locks/lockStates';

export function lockSummary(report: LockReport | null): string | undefined {
  if (!report || !report.supported) {
    return undefined;
  }
  const holding = report.holders.filter((holder) => !holder.waiting);
  const writer = holding.find((holder) => isWriteLock(holder.lock));
  if (writer) {
    return `writer: ${writer.command ?? 'pid'} ${writer.pid}`;
  }
  // In WAL mode every open connection holds SHARED on the database file: readers hold WAL_READ there.
  const readLock = readLockOf(report.journalMode);
  const readers = new Set(holding.filter((holder) => holder.lock === readLock).map((holder) => holder.pid));
  if (readers.size > 0) {
    return `${readers.size} reader${readers.size === 1 ? '' : 's'}`;
  }
  return undefined;
}
