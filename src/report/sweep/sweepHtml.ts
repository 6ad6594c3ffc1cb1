// `sweep --html FILE`: one standalone page with the headroom chart and the levels' table. No scripts,
// no external resources, every string escaped.
import type { SweepResult } from '../../engine/sweep/sweepTypes';
import { escapeHtml as h } from '../escapeHtml';
import { htmlPage } from '../htmlPage';
import { headroomGeometry } from './headroomGeometry';
import { headroomSvgOf } from './headroomSvg';
import { sweepFacts, sweepLevelHeader, sweepLevelRows, sweepNumericColumns } from './sweepFacts';

export function sweepSectionHtml(result: SweepResult): string {
  const geometry = headroomGeometry(result, 960);
  const facts = sweepFacts(result)
    .map(([label, value]) => `<div><dt>${h(label)}</dt><dd>${h(value)}</dd></div>`)
    .join('');
  const cell = (tag: 'th' | 'td', text: string, column: number) =>
    `<${tag}${sweepNumericColumns.includes(column) ? ' class="num"' : ''}>${h(text)}</${tag}>`;
  const rows = sweepLevelRows(result).map(
    (row, index) =>
      `<tr${result.levels[index]?.clients === result.firstFailingClients ? ' class="failed"' : ''}>${row.map((text, column) => cell('td', text, column)).join('')}</tr>`,
  );
  return `<section class="result sweep" id="sweep">
<h2>Headroom</h2>
<p class="verdict${result.firstFailingClients === undefined ? '' : ' problem'}"><strong>${h(geometry.summary)}</strong></p>
<dl class="config">${facts}</dl>
<figure>${headroomSvgOf(geometry, { inHtml: true })}</figure>
<p class="note">Hover a level (or focus it with Tab) for its exact figures; the table has the same.</p>
<div class="scroll"><table><thead><tr>${sweepLevelHeader.map((text, column) => cell('th', text, column)).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>
</section>`;
}

export function renderSweepHtml(result: SweepResult, title: string): string {
  return htmlPage(title, sweepSectionHtml(result));
}
