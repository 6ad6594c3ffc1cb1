// The load test in the terminal: the seed's check first, then the numbers behind it.
import type { LoadResult } from '../../engine/load/loadResult';
import { formatMs } from '../../engine/text/formatMs';
import { alignColumns, printable, wrapText } from '../plainText';
import {
  appErrorLines,
  appExitLine,
  latencyLine,
  loadFacts,
  lockErrorRows,
  responseRows,
  rowsLine,
} from './loadFacts';

const proseWidth = 100;

export function renderLoadText(result: LoadResult): string {
  const lines: string[] = [];
  lines.push(...wrapText(printable(result.check.text), proseWidth, '', '  '));
  if (result.cancelled) {
    lines.push(`Cancelled after ${result.sent} of ${result.config.requests} requests.`);
  }
  lines.push('', ...alignColumns(loadFacts(result).map(([label, value]) => [`${label}:`, printable(value)])));
  lines.push(
    '',
    'Responses:',
    ...alignColumns(
      responseRows(result).map(([what, count]) => [`  ${printable(what)}`, count]),
      [1],
    ),
  );
  lines.push(`Latency: ${latencyLine(result)}`);
  lines.push(`Rows: ${printable(rowsLine(result))}`);
  if (result.perUrl.length > 1) {
    lines.push(
      '',
      ...alignColumns(
        [
          ['URL', 'Sent', 'OK', 'Failed'],
          ...result.perUrl.map((entry) => [
            printable(entry.url),
            String(entry.sent),
            String(entry.successful),
            String(entry.failed),
          ]),
        ],
        [1, 2, 3],
      ),
    );
  }
  const lockErrors = lockErrorRows(result);
  lines.push('', lockErrors.length === 0 ? 'Lock errors: none seen' : 'Lock errors:');
  if (lockErrors.length > 0) {
    lines.push(
      ...alignColumns(
        [
          ['  Kind', "App's output", 'Responses'],
          ...lockErrors.map(([kind, app, responses]) => [`  ${kind}`, app, responses]),
        ],
        [1, 2],
      ),
    );
  }
  const { shown, more } = appErrorLines(result);
  for (const line of shown) {
    lines.push(`  ${formatMs(line.atMs).padStart(8)}  ${printable(line.text)}`);
  }
  if (more > 0) {
    lines.push(`  … and ${more} more lock-error lines`);
  }
  const exit = appExitLine(result);
  if (exit !== undefined) {
    lines.push(exit);
  }
  return `${lines.join('\n')}\n`;
}
