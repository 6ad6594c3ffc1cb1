// The load test in HTML: a section (the summary a recording's report shows above its timeline) and a
// standalone page for `load --html`. No scripts, every untrusted string escaped.
import type { LoadResult } from '../../engine/load/loadResult';
import { formatMs } from '../../engine/text/formatMs';
import { escapeHtml as h } from '../escapeHtml';
import { htmlPage } from '../htmlPage';
import {
  appErrorLines,
  appExitLine,
  latencyLine,
  loadFacts,
  lockErrorRows,
  responseRows,
  rowsLine,
} from './loadFacts';

function table(header: string[], rows: string[][], numeric: readonly number[] = []): string {
  const cell = (tag: 'th' | 'td', text: string, column: number) =>
    `<${tag}${numeric.includes(column) ? ' class="num"' : ''}>${h(text)}</${tag}>`;
  return `<table><thead><tr>${header.map((text, column) => cell('th', text, column)).join('')}</tr></thead>
<tbody>${rows.map((row) => `<tr>${row.map((text, column) => cell('td', text, column)).join('')}</tr>`).join('\n')}</tbody></table>`;
}

export function loadSectionHtml(result: LoadResult): string {
  const facts = loadFacts(result)
    .map(([label, value]) => `<div><dt>${h(label)}</dt><dd>${h(value)}</dd></div>`)
    .join('');
  const problem = result.failed > 0 || !result.check.rowsMatchSuccesses;
  const lockErrors = lockErrorRows(result);
  const { shown, more } = appErrorLines(result);
  const exit = appExitLine(result);
  const perUrl =
    result.perUrl.length > 1
      ? table(
          ['URL', 'Sent', 'OK', 'Failed'],
          result.perUrl.map((entry) => [
            entry.url,
            String(entry.sent),
            String(entry.successful),
            String(entry.failed),
          ]),
          [1, 2, 3],
        )
      : '';
  return `<section class="result load" id="load">
<h2>Load test</h2>
<p class="verdict${problem ? ' problem' : ''}"><strong>${h(result.check.text)}</strong></p>
${result.cancelled ? `<p class="note">Cancelled after ${result.sent} of ${result.config.requests} requests.</p>` : ''}
<dl class="config">${facts}</dl>
<div class="columns">
<div><h3>Responses</h3>${table(['Response', 'Count'], responseRows(result), [1])}
<p>Latency: ${h(latencyLine(result))}</p><p>Rows: ${h(rowsLine(result))}</p></div>
<div><h3>Lock errors</h3>${
    lockErrors.length === 0
      ? '<p class="muted">None seen.</p>'
      : table(['Kind', "App's output", 'Responses', 'Meaning'], lockErrors, [1, 2])
  }
${
  shown.length === 0
    ? ''
    : `<ul class="message">${shown.map((line) => `<li>${h(formatMs(line.atMs))}: ${h(line.text)}</li>`).join('')}${
        more > 0 ? `<li>… and ${more} more lock-error lines</li>` : ''
      }</ul>`
}
${exit === undefined ? '' : `<p class="note">${h(exit)}</p>`}</div>
</div>
${perUrl}
</section>`;
}

/** A standalone page: the load summary, then whatever sections follow it (a recording's timeline). */
export function renderLoadHtml(result: LoadResult, title: string, following = ''): string {
  return htmlPage(title, `${loadSectionHtml(result)}\n${following}`);
}
