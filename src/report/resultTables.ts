// Plain data drawn from a ProbeResult, shared by the terminal, Markdown and HTML reports so that all
// three say the same thing in the same order.
import type { ProbeResult, SessionOutcome, SessionResult } from '../engine/probe/probeTypes';
import { formatMs } from '../engine/text/formatMs';

export interface ErrorCountRow {
  code: string;
  count: number;
}

export interface SessionRow {
  name: string;
  outcome: SessionOutcome;
  /** The first error's extended code, when the session failed. */
  errorCode?: string;
  errorMessage?: string;
  /** How long the failing statement ran before the error. */
  errorElapsedMs?: number;
  /** When the outcome happened, ms since time zero: the error, else the last commit or rollback. */
  outcomeAtMs?: number;
  waitedMs: number;
  transactionsCommitted: number;
  transactionsAttempted: number;
}

export interface OutcomeCounts {
  committed: number;
  failed: number;
  rolledback: number;
}

/** Most frequent first; ties by code so the order is stable. */
export function errorCountRows(result: ProbeResult): ErrorCountRow[] {
  return Object.entries(result.errorCounts)
    .filter(([, count]) => count > 0)
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

export function sessionRows(result: ProbeResult): SessionRow[] {
  return result.sessions.map((session) => ({
    name: session.name,
    outcome: session.outcome,
    errorCode: session.error?.code,
    errorMessage: session.error?.message,
    errorElapsedMs: session.error?.elapsedMs,
    outcomeAtMs: outcomeAtMs(session),
    waitedMs: session.waitedMs,
    transactionsCommitted: session.transactions.committed,
    transactionsAttempted: session.transactions.attempted,
  }));
}

/** The error's time when the session failed; otherwise its last commit (or rollback). */
export function outcomeAtMs(session: SessionResult): number | undefined {
  return session.outcomeAtMs;
}

/** "failed SQLITE_BUSY after 5.00 s", "committed", "rolled back". */
export function describeOutcome(row: SessionRow): string {
  if (row.outcome === 'failed') {
    const code = row.errorCode ?? 'error';
    return row.errorElapsedMs === undefined
      ? `failed ${code}`
      : `failed ${code} after ${formatMs(row.errorElapsedMs)}`;
  }
  return row.outcome === 'rolledback' ? 'rolled back' : 'committed';
}

/** "failed SQLITE_BUSY @5.50 s", "committed @5.51 s": what happened and when, for one-line tables. */
export function describeOutcomeAt(row: SessionRow): string {
  const what = row.outcome === 'failed' ? `failed ${row.errorCode ?? 'error'}` : describeOutcome(row);
  return row.outcomeAtMs === undefined ? what : `${what} @${formatMs(row.outcomeAtMs)}`;
}

export function outcomeCounts(result: ProbeResult): OutcomeCounts {
  const counts: OutcomeCounts = { committed: 0, failed: 0, rolledback: 0 };
  for (const session of result.sessions) {
    counts[session.outcome] += 1;
  }
  return counts;
}

/** "SQLITE_BUSY 3, SQLITE_BUSY_SNAPSHOT 1", or "none". */
export function describeErrorCounts(result: ProbeResult): string {
  const rows = errorCountRows(result);
  return rows.length === 0 ? 'none' : rows.map((row) => `${row.code} ${row.count}`).join(', ');
}

/** A run worth a closer look: a session failed, an error was counted, or rows went missing. */
export function hasProblem(result: ProbeResult): boolean {
  return (
    result.sessions.some((session) => session.outcome === 'failed') ||
    errorCountRows(result).length > 0 ||
    result.rows.found < result.rows.committed
  );
}

/** "delete", or "keep (ran in wal)" when the choice and what SQLite actually ran differ. */
export function describeJournal(journal: string, journalMode: string | undefined): string {
  if (journalMode === undefined || journalMode.toLowerCase() === journal.toLowerCase()) {
    return journal;
  }
  return `${journal} (ran in ${journalMode})`;
}
