// The result's numbers: errors by extended code, each session's outcome, the rows, and what was run.
// The ids are what the end-to-end tests read (#error-counts: code in the first cell, count in the
// second; #session-outcomes; #rows).
import type { ProbeResult } from '../../../src/engine/probe/probeTypes';
import { formatMs } from '../../../src/engine/text/formatMs';
import { configFacts, describeTarget } from '../../../src/report/probeConfigLine';
import { errorCountRows, sessionRows } from '../../../src/report/resultTables';
import { errorCodeMeaning } from './errorCodes';
import { formatCount } from './format';
import { h, table } from './html';

export function renderErrorCounts(result: ProbeResult): string {
  const rows = errorCountRows(result);
  if (rows.length === 0) {
    return '<p id="error-counts" class="muted">No errors.</p>';
  }
  return table(
    { id: 'error-counts', className: 'error-counts', caption: 'Errors by SQLite extended code' },
    [{ html: 'Code' }, { html: 'Count', numeric: true }, { html: 'Meaning' }],
    rows.map((row) => ({
      cells: [`<code>${h(row.code)}</code>`, formatCount(row.count), h(errorCodeMeaning(row.code))],
      attributes: { 'data-code': row.code },
    })),
  );
}

const outcomeLabel = { committed: 'committed', failed: 'failed', rolledback: 'rolled back' } as const;

export function renderSessionOutcomes(result: ProbeResult): string {
  return table(
    { id: 'session-outcomes', className: 'sessions', caption: 'Outcome of each session' },
    [
      { html: 'Session' },
      { html: 'Outcome' },
      { html: 'Error' },
      { html: 'At', numeric: true },
      { html: 'Waited', numeric: true },
      { html: 'Transactions', numeric: true },
    ],
    sessionRows(result).map((row) => {
      const error = row.errorCode
        ? `<code>${h(row.errorCode)}</code>${row.errorElapsedMs === undefined ? '' : ` after ${h(formatMs(row.errorElapsedMs))}`}` +
          (row.errorMessage ? ` <span class="muted">— ${h(row.errorMessage)}</span>` : '')
        : '—';
      return {
        cells: [
          `<span class="session-name">${h(row.name)}</span>`,
          `<span class="outcome outcome-${row.outcome}">${outcomeLabel[row.outcome]}</span>`,
          error,
          row.outcomeAtMs === undefined ? '—' : h(formatMs(row.outcomeAtMs)),
          h(formatMs(row.waitedMs)),
          `${formatCount(row.transactionsCommitted)} of ${formatCount(row.transactionsAttempted)}`,
        ],
        attributes: { 'data-session': row.name, 'data-outcome': row.outcome },
      };
    }),
  );
}

export function renderRows(result: ProbeResult): string {
  const { attempted, committed, found } = result.rows;
  const missing =
    found < committed
      ? `<p class="text-error">${formatCount(committed - found)} committed rows are missing from the file.</p>`
      : '';
  const fact = (label: string, value: number, key: string) =>
    `<div class="fact"><dt>${label}</dt><dd data-rows="${key}">${formatCount(value)}</dd></div>`;
  return `<dl id="rows" class="facts-grid rows">${fact('Attempted', attempted, 'attempted')}${fact('Committed', committed, 'committed')}${fact('Found afterwards', found, 'found')}</dl>${missing}`;
}

export function renderConfiguration(result: ProbeResult): string {
  const facts = [...configFacts(result), ['database', describeTarget(result)]]
    .map(
      ([label, value]) =>
        // The paths get a row of their own instead of a narrow column.
        `<div class="fact${label === 'database' ? ' fact-wide' : ''}"><dt>${h(label)}</dt><dd>${h(value)}</dd></div>`,
    )
    .join('');
  return `<dl id="probe-config" class="facts-grid config">${facts}</dl>`;
}
