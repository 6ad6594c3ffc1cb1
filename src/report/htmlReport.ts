// One standalone HTML file for one probe (probe --html) or a matrix of them: no scripts and no
// external resources, every untrusted string escaped.
import type { ProbeResult } from '../engine/probe/probeTypes';
import { escapeHtml } from './escapeHtml';
import { probeName } from './probeName';
import { formatMs } from '../engine/text/formatMs';
import { htmlPage } from './htmlPage';
import { matrixTable } from './matrixTable';
import { configFacts, describeTarget } from './probeConfigLine';
import { describeJournal, describeOutcome, errorCountRows, hasProblem, sessionRows } from './resultTables';
import { renderTimelineSvg } from './timelineSvg';
import { summaryNote } from './summaryNote';

const h = escapeHtml;

export function renderProbeHtml(results: ProbeResult[], title: string): string {
  const sections = results.map((result, index) => resultSection(result, index, results.length > 1));
  const intro =
    results.length === 0
      ? '<p>No probe results.</p>'
      : `<p class="muted">${results.length === 1 ? 'One probe' : `${results.length} probes`} of SQLite locking under concurrent writes.</p>`;
  return htmlPage(
    title,
    `${intro}
${results.length > 1 ? overview(results) : ''}
${sections.join('\n')}`,
  );
}

function overview(results: ProbeResult[]): string {
  const table = matrixTable(
    results.map((result) => ({ model: result.config.model, journal: result.config.journal, result })),
  );
  const verdictColumn = table.header.length - 1;
  // Short cells stay on one line; only the verdict wraps.
  const cell = (text: string, column: number, index: number) => {
    const content = column === 0 ? `<a href="#result-${index + 1}">${h(text)}</a>` : h(text);
    return column === verdictColumn ? `<td>${content}</td>` : `<td class="nowrap">${content}</td>`;
  };
  const rows = table.rows.map(
    (cells, index) => `<tr>${cells.map((text, column) => cell(text, column, index)).join('')}</tr>`,
  );
  return `<section class="overview"><h2>Overview</h2><table>
<thead><tr>${table.header.map((text) => `<th>${h(text)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

function resultSection(result: ProbeResult, index: number, numbered: boolean): string {
  const config = result.config;
  const heading = [
    numbered ? `${index + 1}.` : '',
    `${probeName(config)} · ${config.model} · ${describeJournal(config.journal, config.journalMode)}`,
  ]
    .filter(Boolean)
    .join(' ');
  const facts = [...configFacts(result), ['database', describeTarget(result)]]
    .map(([label, value]) => `<div><dt>${h(label)}</dt><dd>${h(value)}</dd></div>`)
    .join('');
  const svg = renderTimelineSvg(result, { idPrefix: `sld${index + 1}`, inHtml: true });
  const note = summaryNote(result);

  return `<section class="result" id="result-${index + 1}">
<h2>${h(heading)}</h2>
<p class="verdict${hasProblem(result) ? ' problem' : ''}"><strong>Verdict:</strong> ${h(result.verdict.summary)}</p>
<dl class="config">${facts}</dl>
<figure>${svg}</figure>
${note === undefined ? '' : `<p class="note">${h(note)}</p>`}
<h3>Sessions</h3>
<div class="scroll">${sessionsTable(result)}</div>
<div class="columns">
<div><h3>Errors</h3>${errorsTable(result)}</div>
<div><h3>Rows</h3>${rowsFacts(result)}</div>
</div>
${verdictDetails(result)}
</section>`;
}

function sessionsTable(result: ProbeResult): string {
  const rows = sessionRows(result).map((row) => {
    const message = row.errorMessage ? `<div class="message">${h(row.errorMessage)}</div>` : '';
    return `<tr><td>${h(row.name)}</td><td class="${row.outcome}"><span class="nowrap">${h(describeOutcome(row))}</span>${message}</td>
<td class="num">${row.outcomeAtMs === undefined ? '—' : h(formatMs(row.outcomeAtMs))}</td>
<td class="num">${h(formatMs(row.waitedMs))}</td>
<td class="num">${row.transactionsCommitted} of ${row.transactionsAttempted}</td></tr>`;
  });
  return `<table><thead><tr><th>Session</th><th>Outcome</th><th class="num">At</th><th class="num">Waited</th>
<th class="num">Committed</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

function errorsTable(result: ProbeResult): string {
  const rows = errorCountRows(result);
  if (rows.length === 0) {
    return '<p>No errors.</p>';
  }
  const body = rows
    .map((row) => `<tr><td>${h(row.code)}</td><td class="num">${row.count}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>Code</th><th class="num">Count</th></tr></thead><tbody>${body}</tbody></table>`;
}

function rowsFacts(result: ProbeResult): string {
  const { attempted, committed, found } = result.rows;
  const missing =
    found < committed ? ` <span class="failed">${committed - found} committed rows missing</span>` : '';
  return `<p>Attempted ${attempted}, committed ${committed}, found ${found}.${missing}</p>`;
}

function verdictDetails(result: ProbeResult): string {
  const { explanation, fixes } = result.verdict;
  const why =
    explanation.length === 0
      ? ''
      : `<h3>Why</h3><ul>${explanation.map((reason) => `<li>${h(reason)}</li>`).join('')}</ul>`;
  const fix =
    fixes.length === 0
      ? ''
      : `<h3>Fixes</h3><ol>${fixes.map((item) => `<li>${h(item.text)}</li>`).join('')}</ol>`;
  return why + fix;
}
