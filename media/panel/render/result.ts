// The last probe's result: the verdict first, then the lock timeline, the numbers behind it, what was
// run, and the exports.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { ProbeResult } from '../../../src/engine/probe/probeTypes';
import { formatMs } from '../../../src/engine/text/formatMs';
import { describeJournal } from '../../../src/report/resultTables';
import { probeName } from '../../../src/report/probeName';
import type { PanelState } from '../../../src/shared/panelProtocol';
import type { ViewActions } from './actions';
import { exportButtons } from './exportButtons';
import { renderConfiguration, renderErrorCounts, renderRows, renderSessionOutcomes } from './resultTables';
import { renderTimeline } from './timeline';
import { renderVerdict } from './verdict';

/** More sessions than this scroll in a box of their own, so what follows stays in reach. */
const tallFrom = 12;

export function renderResult(
  state: PanelState,
  timelineWidth: number,
  actions: ViewActions,
): TemplateResult | typeof nothing {
  const result = state.lastResult;
  if (result === null) {
    return nothing;
  }
  const config = result.config;
  const subtitle = [
    probeName(config),
    ...(config.poolSize !== undefined ? [`pool of ${config.poolSize}`] : []),
    ...(config.clientProfile !== undefined ? [`client ${config.clientProfile}`] : []),
    config.model,
    describeJournal(config.journal, config.journalMode),
    `busy timeout ${formatMs(config.busyTimeoutMs)}`,
    `${result.sessions.length} session${result.sessions.length === 1 ? '' : 's'}`,
  ].join(' · ');
  return html`<section id="result" aria-labelledby="result-title">
    <div class="section-head">
      <div>
        <h2 id="result-title">Probe result</h2>
        <p class="muted">${subtitle}</p>
        ${
          state.database !== null && config.database !== state.database.path
            ? html`<p class="hint">From a probe of ${config.database}.</p>`
            : nothing
        }
      </div>
      ${exportButtons('probe', actions)}
    </div>
    ${renderVerdict(result)}
    <h3>Lock timeline</h3>
    ${renderTimeline(result, timelineWidth)}
    <div class="result-columns">
      <div>
        <h3>Errors by code</h3>
        ${renderErrorCounts(result)}
      </div>
      <div>
        <h3>Rows</h3>
        ${renderRows(result)}
      </div>
    </div>
    <h3>Sessions</h3>
    ${sessionsBox(result)}
    <vscode-collapsible heading="Configuration">${renderConfiguration(result)}</vscode-collapsible>
  </section>`;
}

/** Many sessions scroll inside their own box (focusable, so the keyboard can scroll it too). */
function sessionsBox(result: ProbeResult): TemplateResult {
  const tall = result.sessions.length > tallFrom;
  return tall
    ? html`<div
        class="table-scroll tall"
        tabindex="0"
        role="region"
        aria-label="Outcomes of ${result.sessions.length} sessions"
      >
        ${renderSessionOutcomes(result)}
      </div>`
    : html`<div class="table-scroll">${renderSessionOutcomes(result)}</div>`;
}
