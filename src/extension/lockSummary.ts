// The phrases the status bar gives the live lock state: who writes (and for how long), or how many
// read; and the one warning that outranks them: a holder that is stopped or traced, or lost its locks.
import { processLabel } from '../engine/holders/processAdvice';
import { heldForText } from '../engine/text/heldForText';
import type { LockReport } from '../engine/locks/lockReport';
import { isWriteLock, readLockOf } from '../engine/locks/lockStates';

export function lockSummary(report: LockReport | null): string | undefined {
  if (!report || !report.supported) {
    return undefined;
  }
  const holding = report.holders.filter((holder) => !holder.waiting);
  const writer = holding.find((holder) => isWriteLock(holder.lock));
  if (writer) {
    const held = heldForText(writer);
    return `writer: ${writer.command ?? 'pid'} ${writer.pid}${held ? `, ${held}` : ''}`;
  }
  // In WAL mode every open connection holds SHARED on the database file: readers hold WAL_READ there.
  const readLock = readLockOf(report.journalMode);
  const readers = new Set(holding.filter((holder) => holder.lock === readLock).map((holder) => holder.pid));
  if (readers.size > 0) {
    return `${readers.size} reader${readers.size === 1 ? '' : 's'}`;
  }
  return undefined;
}

export interface LockWarning {
  /** For the status bar's text: "python3 4711 stopped, keeps its write lock". */
  short: string;
  /** Every full sentence, for the tooltip. */
  sentences: string[];
}

export function lockWarning(report: LockReport | null): LockWarning | undefined {
  if (!report || !report.supported) {
    return undefined;
  }
  const shorts: string[] = [];
  const sentences: string[] = [];
  for (const facts of report.processes ?? []) {
    if (facts.lostLocks.length > 0) {
      shorts.push(`${processLabel(facts)} lost its locks`);
    } else if (facts.warnings.length > 0) {
      shorts.push(`${processLabel(facts)} ${facts.state?.name ?? 'stopped'}, holding a lock`);
    }
    sentences.push(...facts.warnings);
  }
  if (shorts.length === 0) {
    return undefined;
  }
  const more = shorts.length > 1 ? ` (+${shorts.length - 1} more)` : '';
  return { short: `${shorts[0]}${more}`, sentences };
}
