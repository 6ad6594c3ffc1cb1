// The command-line twin's report: the probe's configuration, what each session did, the errors, the
// rows, then the verdict. Plain text with aligned columns; untrusted text is made printable.
import type { ProbeResult } from '../engine/probe/probeTypes';
import { formatMs } from '../engine/text/formatMs';
import { matrixTable, type MatrixRow } from './matrixTable';
import { alignColumns, printable, wrapText } from './plainText';
import { configFacts, describeTarget } from './probeConfigLine';
import { describeOutcome, errorCountRows, sessionRows } from './resultTables';
import { summaryNote } from './summaryNote';

export type { MatrixRow };

const proseWidth = 100;
/** Failed sessions whose error message is printed in full; the rest are counted. */
const maxErrorMessages = 8;

export function renderProbeText(result: ProbeResult): string {
  const lines: string[] = [];
  lines.push(
    `SQLite lock probe: ${configFacts(result)
      .map(([label, value]) => `${label} ${printable(value)}`)
      .join(' · ')}`,
  );
  lines.push(`Database: ${printable(describeTarget(result))}`, '');

  const rows = sessionRows(result);
  const table = [
    ['Session', 'Outcome', 'At', 'Waited', 'Transactions'],
    ...rows.map((row) => [
      printable(row.name),
      describeOutcome(row),
      row.outcomeAtMs === undefined ? '—' : formatMs(row.outcomeAtMs),
      formatMs(row.waitedMs),
      `${row.transactionsCommitted}/${row.transactionsAttempted} committed`,
    ]),
  ];
  lines.push(...alignColumns(table, [2, 3]));

  const failed = rows.filter((row) => row.outcome === 'failed' && row.errorMessage);
  for (const row of failed.slice(0, maxErrorMessages)) {
    lines.push(
      `  ${printable(row.name)}: ${printable(row.errorCode ?? 'error')}: ${printable(row.errorMessage ?? '')}`,
    );
  }
  if (failed.length > maxErrorMessages) {
    lines.push(`  … and ${failed.length - maxErrorMessages} more failed sessions`);
  }

  const errors = errorCountRows(result);
  lines.push('', errors.length === 0 ? 'Errors: none' : 'Errors:');
  lines.push(
    ...alignColumns(
      errors.map((row) => [`  ${printable(row.code)}`, String(row.count)]),
      [1],
    ),
  );
  const { attempted, committed, found } = result.rows;
  lines.push(`Rows: attempted ${attempted}, committed ${committed}, found ${found}`);
  const note = summaryNote(result);
  if (note !== undefined) {
    lines.push('', ...wrapText(note, proseWidth, '', ''));
  }

  lines.push('', ...wrapText(`Verdict: ${printable(result.verdict.summary)}`, proseWidth, '', '  '));
  for (const reason of result.verdict.explanation) {
    lines.push(...wrapText(printable(reason), proseWidth, '  - ', '    '));
  }
  if (result.verdict.fixes.length > 0) {
    lines.push('Fixes:');
    result.verdict.fixes.forEach((fix, index) => {
      lines.push(...wrapText(printable(fix.text), proseWidth, `  ${index + 1}. `, '     '));
    });
  }
  return `${lines.join('\n')}\n`;
}

/** One aligned line per configuration: model, journal, each session's outcome and when, rows, errors, verdict. */
export function renderMatrixText(rows: MatrixRow[]): string {
  const table = matrixTable(rows);
  const header = table.header.map(printable);
  const body = table.rows.map((row) => row.map(printable));
  const widths = header.map((_, column) =>
    [header, ...body].reduce((widest, row) => Math.max(widest, [...(row[column] ?? '')].length), 0),
  );
  const rule = widths.map((width) => '-'.repeat(width));
  return `${alignColumns([header, rule, ...body]).join('\n')}\n`;
}
