// The one phrase the status bar gives the live lock state: who writes, or how many read.
import type { LockReport } from '../engine/locks/lockReport';

const writerLocks = new Set(['EXCLUSIVE', 'PENDING', 'RESERVED', 'WAL_WRITE']);

export function lockSummary(report: LockReport | null): string | undefined {
  if (!report || !report.supported) {
    return undefined;
  }
  const holding = report.holders.filter((holder) => !holder.waiting);
  const writer = holding.find((holder) => writerLocks.has(holder.lock));
  if (writer) {
    return `writer: ${writer.command ?? 'pid'} ${writer.pid}`;
  }
  // In WAL mode every open connection holds SHARED on the database file: count readers by WAL_READ.
  const readLock = report.journalMode === 'wal' ? 'WAL_READ' : 'SHARED';
  const readers = new Set(holding.filter((holder) => holder.lock === readLock).map((holder) => holder.pid));
  if (readers.size > 0) {
    return `${readers.size} reader${readers.size === 1 ? '' : 's'}`;
  }
  return undefined;
}
