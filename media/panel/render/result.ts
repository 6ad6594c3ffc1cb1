// The last probe's result: the verdict first, then the lock timeline, the numbers behind it, what was
// run, and the exports.
import type { ProbeResult } from '../../../src/engine/probe/probeTypes';
import { formatMs } from '../../../src/engine/text/formatMs';
import { describeJournal } from '../../../src/report/resultTables';
import type { PanelState } from '../../../src/shared/panelProtocol';
import { attrs, h } from './html';
import { renderConfiguration, renderErrorCounts, renderRows, renderSessionOutcomes } from './resultTables';
import { timelineSvg } from './timeline';
import { renderVerdict } from './verdict';

/** More sessions than this scroll in a box of their own, so what follows stays in reach. */
const tallFrom = 12;

export interface ResultView {
  /** The width the timeline is drawn at: the panel's content width. */
  timelineWidth: number;
  /** Changes when the result does; lets the page skip re-drawing an unchanged timeline. */
  resultKey: string;
}

export function renderResult(state: PanelState, view: ResultView): string {
  const result = state.lastResult;
  if (result === null) {
    return '';
  }
  const config = result.config;
  const subtitle = [
    config.preset,
    config.model,
    describeJournal(config.journal, config.journalMode),
    `busy timeout ${formatMs(config.busyTimeoutMs)}`,
    `${result.sessions.length} session${result.sessions.length === 1 ? '' : 's'}`,
  ].join(' · ');
  const elsewhere =
    state.database !== null && config.database !== state.database.path
      ? `<p class="hint">From a probe of ${h(config.database)}.</p>`
      : '';
  return `<section id="result" class="card" aria-labelledby="result-title">
<div class="section-head">
<div>
<h2 id="result-title">Probe result</h2>
<p class="muted">${h(subtitle)}</p>
${elsewhere}
</div>
${exportButtons()}
</div>
${renderVerdict(result)}
<h3>Lock timeline</h3>
${timeline(result, view)}
<div class="result-columns">
<div><h3>Errors by code</h3>${renderErrorCounts(result)}</div>
<div><h3>Rows</h3>${renderRows(result)}</div>
</div>
<h3>Sessions</h3>
${sessionsBox(result)}
<h3>Configuration</h3>
${renderConfiguration(result)}
</section>`;
}

function timeline(result: ProbeResult, view: ResultView): string {
  const svg = timelineSvg(result, view.timelineWidth);
  // Focusable so the keyboard can scroll it sideways when the panel is narrower than the drawing.
  return `<div${attrs({
    id: 'timeline',
    class: 'timeline',
    tabindex: 0,
    role: 'group',
    'aria-label': 'Lock timeline (hover a bar for details)',
    'data-key': `${view.resultKey}@${Math.floor(view.timelineWidth)}`,
  })}>${svg}</div>
<p class="hint">Each lane is a session; bars are the locks it held, hatched stretches are waits for a lock, ticks are commits and diamonds errors. Hover for exact times.</p>`;
}

/** Many sessions scroll inside their own box (focusable, so the keyboard can scroll it too). */
function sessionsBox(result: ProbeResult): string {
  const tall = result.sessions.length > tallFrom;
  return `<div${attrs({
    class: tall ? 'table-scroll tall' : 'table-scroll',
    tabindex: tall ? 0 : undefined,
    role: tall ? 'region' : undefined,
    'aria-label': tall ? `Outcomes of ${result.sessions.length} sessions` : undefined,
  })}>${renderSessionOutcomes(result)}</div>`;
}

function exportButtons(): string {
  const button = (format: string, label: string) =>
    `<button type="button"${attrs({ id: `export-${format}`, class: 'secondary', 'data-action': 'export', 'data-format': format })}>${label}</button>`;
  return `<div class="export" role="group" aria-label="Export the result">
<span class="muted">Export</span>${button('json', 'JSON')}${button('markdown', 'Markdown')}${button('svg', 'SVG')}
</div>`;
}
