// The load test as Markdown, for an issue or a pull request.
import type { LoadResult } from '../../engine/load/loadResult';
import { formatMs } from '../../engine/text/formatMs';
import { escapeMarkdown as md } from '../escapeMarkdown';
import {
  appErrorLines,
  appExitLine,
  latencyLine,
  loadFacts,
  lockErrorRows,
  responseRows,
  rowsLine,
} from './loadFacts';

function table(header: string[], rows: string[][]): string[] {
  return [header, header.map(() => '---'), ...rows].map((row) => `| ${row.join(' | ')} |`);
}

export function renderLoadMarkdown(result: LoadResult): string {
  const lines = ['# Load test', '', `> ${md(result.check.text)}`, ''];
  lines.push(
    ...table(
      ['Setting', 'Value'],
      loadFacts(result).map(([label, value]) => [md(label), md(value)]),
    ),
  );
  lines.push(
    '',
    '## Responses',
    '',
    ...table(
      ['Response', 'Count'],
      responseRows(result).map(([what, count]) => [md(what), count]),
    ),
  );
  lines.push('', `Latency: ${md(latencyLine(result))}`, '', `Rows: ${md(rowsLine(result))}`);
  if (result.perUrl.length > 1) {
    lines.push(
      '',
      ...table(
        ['URL', 'Sent', 'OK', 'Failed'],
        result.perUrl.map((entry) => [
          md(entry.url),
          String(entry.sent),
          String(entry.successful),
          String(entry.failed),
        ]),
      ),
    );
  }
  const lockErrors = lockErrorRows(result);
  lines.push('', '## Lock errors', '');
  if (lockErrors.length === 0) {
    lines.push('None seen.');
  } else {
    lines.push(
      ...table(
        ['Kind', "App's output", 'Responses', 'Meaning'],
        lockErrors.map((row) => row.map(md)),
      ),
    );
  }
  const { shown, more } = appErrorLines(result);
  if (shown.length > 0) {
    lines.push('', ...shown.map((line) => `- ${formatMs(line.atMs)}: ${md(line.text)}`));
    if (more > 0) {
      lines.push(`- … and ${more} more lock-error lines`);
    }
  }
  const exit = appExitLine(result);
  if (exit !== undefined) {
    lines.push('', md(exit));
  }
  return `${lines.join('\n')}\n`;
}
