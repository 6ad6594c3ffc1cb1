// The matrix as plain cells: one row per configuration (execution model x journal mode), one column
// per session, like the table in the notes ("The seed's scenario, measured").
import type { ProbeResult } from '../engine/probe/probeTypes';
import { formatMs } from '../engine/text/formatMs';
import {
  describeErrorCounts,
  describeJournal,
  describeOutcomeAt,
  outcomeCounts,
  sessionRows,
} from './resultTables';

export interface MatrixRow {
  model: string;
  journal: string;
  result?: ProbeResult;
  /** Why this configuration produced no result. */
  error?: string;
}

export interface MatrixTable {
  header: string[];
  rows: string[][];
}

/** With more sessions than this, one summary column replaces the per-session columns. */
const maxSessionColumns = 6;

export function matrixTable(matrix: MatrixRow[]): MatrixTable {
  const names = [...new Set(matrix.flatMap((row) => row.result?.sessions.map((s) => s.name) ?? []))];
  const perSession = names.length <= maxSessionColumns;
  const sessionHeader = perSession ? names : ['sessions'];

  const rows = matrix.map((row) => {
    const journal = describeJournal(row.journal, row.result?.config.journalMode);
    if (!row.result) {
      const blanks = sessionHeader.map(() => '—');
      return [row.model, journal, ...blanks, '—', '—', `did not run: ${row.error ?? 'no result'}`];
    }
    const result = row.result;
    const sessionCells = perSession ? sessionOutcomes(result, names) : [sessionsSummary(result)];
    const rowsCell =
      result.rows.found === result.rows.attempted
        ? String(result.rows.found)
        : `${result.rows.found} of ${result.rows.attempted}`;
    return [
      row.model,
      journal,
      ...sessionCells,
      rowsCell,
      describeErrorCounts(result),
      result.verdict.summary,
    ];
  });

  return { header: ['model', 'journal', ...sessionHeader, 'rows', 'errors', 'verdict'], rows };
}

function sessionOutcomes(result: ProbeResult, names: string[]): string[] {
  const byName = new Map(sessionRows(result).map((row) => [row.name, row]));
  return names.map((name) => {
    const row = byName.get(name);
    return row ? describeOutcomeAt(row) : '—';
  });
}

/** "30 committed (last @3.20 s), 2 failed SQLITE_BUSY (first @1.10 s)". */
function sessionsSummary(result: ProbeResult): string {
  const rows = sessionRows(result);
  const counts = outcomeCounts(result);
  const times = (outcome: string) =>
    rows.filter((row) => row.outcome === outcome).flatMap((row) => row.outcomeAtMs ?? []);
  const parts: string[] = [];
  if (counts.committed > 0) {
    const last = times('committed').reduce((latest, t) => Math.max(latest, t), -Infinity);
    parts.push(`${counts.committed} committed${Number.isFinite(last) ? ` (last @${formatMs(last)})` : ''}`);
  }
  if (counts.failed > 0) {
    const codes = [...new Set(rows.flatMap((row) => row.errorCode ?? []))].join('/');
    const first = times('failed').reduce((earliest, t) => Math.min(earliest, t), Infinity);
    parts.push(
      `${counts.failed} failed${codes ? ` ${codes}` : ''}${Number.isFinite(first) ? ` (first @${formatMs(first)})` : ''}`,
    );
  }
  if (counts.rolledback > 0) {
    parts.push(`${counts.rolledback} rolled back`);
  }
  return parts.join(', ');
}
