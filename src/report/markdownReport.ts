// The probe as Markdown, for pasting into an issue or a pull request.
import { probeName } from './probeName';
import type { ProbeResult } from '../engine/probe/probeTypes';
import { escapeMarkdown } from './escapeMarkdown';
import { formatMs } from '../engine/text/formatMs';
import { configFacts, describeTarget } from './probeConfigLine';
import { describeOutcome, errorCountRows, sessionRows } from './resultTables';

function table(header: string[], rows: string[][], rightAligned: readonly number[] = []): string[] {
  const rule = header.map((_, column) => (rightAligned.includes(column) ? '---:' : '---'));
  return [header, rule, ...rows].map((row) => `| ${row.join(' | ')} |`);
}

export function renderProbeMarkdown(result: ProbeResult): string {
  const md = escapeMarkdown;
  const lines: string[] = [`# SQLite lock probe: ${md(probeName(result.config))}`, ''];

  lines.push(`> ${md(result.verdict.summary)}`, '', '## Configuration', '');
  lines.push(
    ...table(
      ['Setting', 'Value'],
      [
        ...configFacts(result).map(([label, value]) => [md(label), md(value)]),
        ['database', md(describeTarget(result))],
      ],
    ),
  );

  lines.push('', '## Sessions', '');
  lines.push(
    ...table(
      ['Session', 'Outcome', 'At', 'Waited', 'Transactions committed', 'Error message'],
      sessionRows(result).map((row) => [
        md(row.name),
        md(describeOutcome(row)),
        row.outcomeAtMs === undefined ? '—' : formatMs(row.outcomeAtMs),
        formatMs(row.waitedMs),
        `${row.transactionsCommitted} of ${row.transactionsAttempted}`,
        row.errorMessage ? md(row.errorMessage) : '',
      ]),
      [2, 3],
    ),
  );

  const errors = errorCountRows(result);
  lines.push('', '## Errors', '');
  if (errors.length === 0) {
    lines.push('No errors.');
  } else {
    lines.push(
      ...table(
        ['Code', 'Count'],
        errors.map((row) => [md(row.code), String(row.count)]),
        [1],
      ),
    );
  }

  const { attempted, committed, found } = result.rows;
  lines.push('', '## Rows', '', `Attempted ${attempted}, committed ${committed}, found ${found}.`);

  lines.push('', '## Verdict', '', md(result.verdict.summary), '');
  lines.push(...result.verdict.explanation.map((reason) => `- ${md(reason)}`));
  if (result.verdict.fixes.length > 0) {
    lines.push('', '### Fixes', '');
    lines.push(...result.verdict.fixes.map((fix, index) => `${index + 1}. ${md(fix.text)}`));
  }
  return `${lines.join('\n')}\n`;
}
