// The result's numbers: errors by extended code, each session's outcome, the rows, and what was run.
// The ids are what the end-to-end tests read (#error-counts: code in the first cell, count in the
// second; #session-outcomes; #rows).
import { html, nothing, type TemplateResult } from 'lit-html';
import type { ProbeResult } from '../../../src/engine/probe/probeTypes';
import { formatMs } from '../../../src/engine/text/formatMs';
import { configFacts, describeTarget } from '../../../src/report/probeConfigLine';
import { errorCountRows, sessionRows } from '../../../src/report/resultTables';
import { errorCodeMeaning } from './errorCodes';
import { formatCount } from './format';
import { dataTable } from './table';

export function renderErrorCounts(result: ProbeResult): TemplateResult {
  const rows = errorCountRows(result);
  if (rows.length === 0) {
    return html`<p id="error-counts" class="muted">No errors.</p>`;
  }
  return dataTable(
    'error-counts',
    'Errors by SQLite extended code',
    [{ label: 'Code' }, { label: 'Count', numeric: true }, { label: 'Meaning' }],
    rows.map((row) => ({
      key: row.code,
      data: { code: row.code },
      cells: [html`<code>${row.code}</code>`, formatCount(row.count), errorCodeMeaning(row.code)],
    })),
  );
}

const outcomeLabel = { committed: 'committed', failed: 'failed', rolledback: 'rolled back' } as const;

export function renderSessionOutcomes(result: ProbeResult): TemplateResult {
  return dataTable(
    'session-outcomes',
    'Outcome of each session',
    [
      { label: 'Session' },
      { label: 'Outcome' },
      { label: 'Error' },
      { label: 'At', numeric: true },
      { label: 'Waited', numeric: true },
      { label: 'Transactions', numeric: true },
    ],
    sessionRows(result).map((row) => ({
      key: row.name,
      data: { session: row.name, outcome: row.outcome },
      cells: [
        html`<span class="session-name">${row.name}</span>`,
        html`<span class="outcome outcome-${row.outcome}">${outcomeLabel[row.outcome]}</span>`,
        row.errorCode
          ? html`<code>${row.errorCode}</code>${
                row.errorElapsedMs === undefined ? nothing : ` after ${formatMs(row.errorElapsedMs)}`
              }${row.errorMessage ? html` <span class="muted">— ${row.errorMessage}</span>` : nothing}`
          : '—',
        row.outcomeAtMs === undefined ? '—' : formatMs(row.outcomeAtMs),
        formatMs(row.waitedMs),
        `${formatCount(row.transactionsCommitted)} of ${formatCount(row.transactionsAttempted)}`,
      ],
    })),
  );
}

export function renderRows(result: ProbeResult): TemplateResult {
  const { attempted, committed, found } = result.rows;
  const fact = (label: string, value: number, key: string) =>
    html`<div class="fact">
      <dt>${label}</dt>
      <dd data-rows=${key}>${formatCount(value)}</dd>
    </div>`;
  return html`<dl id="rows" class="facts-grid rows">
      ${fact('Attempted', attempted, 'attempted')}${fact('Committed', committed, 'committed')}${fact(
        'Found afterwards',
        found,
        'found',
      )}
    </dl>
    ${
      found < committed
        ? html`<p class="text-error">
            ${formatCount(committed - found)} committed rows are missing from the file.
          </p>`
        : nothing
    }`;
}

export function renderConfiguration(result: ProbeResult): TemplateResult {
  const facts = [...configFacts(result), ['database', describeTarget(result)]];
  return html`<dl id="probe-config" class="facts-grid config">
    ${facts.map(
      ([label, value]) =>
        // The paths get a row of their own instead of a narrow column.
        html`<div class="fact ${label === 'database' ? 'fact-wide' : ''}">
          <dt>${label}</dt>
          <dd>${value}</dd>
        </div>`,
    )}
  </dl>`;
}
