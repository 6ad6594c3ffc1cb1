// A recording as Markdown, for an issue or a pull request: findings, tables, limits.
import type { Recording } from '../engine/record/recordingTypes';
import { escapeMarkdown } from './escapeMarkdown';
import {
  type Table,
  pendingTable,
  pinningTable,
  processTable,
  recordingFindings,
  samplingLine,
  writeHoldTable,
} from './recordingFindings';

const md = escapeMarkdown;

export function renderRecordingMarkdown(recording: Recording): string {
  const lines = [`# SQLite lock recording: ${md(recording.database)}`, '', md(samplingLine(recording)), ''];
  lines.push(...recordingFindings(recording).map((finding) => `- ${md(finding)}`));
  section(lines, 'Processes', processTable(recording));
  section(lines, 'Longest write-lock holds', writeHoldTable(recording));
  section(lines, 'Writers kept in PENDING by readers', pendingTable(recording));
  section(lines, 'Read snapshots held while the WAL grew', pinningTable(recording));
  lines.push('', '## Limits', '', ...recording.limits.map((limit) => `- ${md(limit)}`));
  return `${lines.join('\n')}\n`;
}

function section(lines: string[], title: string, table: Table): void {
  if (table.rows.length === 0) {
    return;
  }
  const rule = table.header.map((_, column) => (table.numeric.includes(column) ? '---:' : '---'));
  lines.push('', `## ${title}`, '');
  for (const row of [table.header, rule, ...table.rows.map((cells) => cells.map(md))]) {
    lines.push(`| ${row.join(' | ')} |`);
  }
}
