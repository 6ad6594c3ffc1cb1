// A recording in the terminal: the findings first, then the tables and the limits. Every process name,
// command line and app line is made printable (no control characters reach the terminal).
import type { Recording } from '../engine/record/recordingTypes';
import { alignColumns, printable, wrapText } from './plainText';
import {
  type Table,
  pendingTable,
  pinningTable,
  processTable,
  recordingFindings,
  samplingLine,
  writeHoldTable,
} from './recordingFindings';

const proseWidth = 100;

export function renderRecordingText(recording: Recording): string {
  const lines: string[] = [
    `SQLite lock recording: ${printable(recording.database)} (${recording.journalMode === 'wal' ? 'WAL' : 'rollback journal'})`,
    samplingLine(recording),
    '',
  ];
  for (const finding of recordingFindings(recording)) {
    lines.push(...wrapText(printable(finding), proseWidth, '  - ', '    '));
  }
  section(lines, 'Processes', processTable(recording));
  section(lines, 'Longest write-lock holds', writeHoldTable(recording));
  section(lines, 'Writers kept in PENDING by readers', pendingTable(recording));
  section(lines, 'Read snapshots held while the WAL grew', pinningTable(recording));
  if (recording.app !== undefined) {
    const counts = Object.entries(recording.app.errorCounts).map(([kind, count]) => `${kind} ×${count}`);
    lines.push('', `App lock errors: ${counts.length === 0 ? 'none' : printable(counts.join(', '))}`);
  }
  lines.push('', 'Limits:');
  for (const limit of recording.limits) {
    lines.push(...wrapText(limit, proseWidth, '  - ', '    '));
  }
  return `${lines.join('\n')}\n`;
}

function section(lines: string[], title: string, table: Table): void {
  if (table.rows.length === 0) {
    return;
  }
  lines.push('', `${title}:`);
  const rows = [table.header, ...table.rows.map((row) => row.map(printable))];
  lines.push(...alignColumns(rows, table.numeric).map((line) => `  ${line}`));
}
