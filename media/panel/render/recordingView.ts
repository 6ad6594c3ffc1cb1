// The Recording view: a recording under way (with Stop), then the last recording: its summary first
// (the report's findings and the app's lock errors by kind), the lanes drawn by the probe's timeline
// code, the tables, the limits, and the exports.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { AppOutput } from '../../../src/engine/record/recordingTypes';
import { formatMs } from '../../../src/engine/text/formatMs';
import {
  type Table,
  pendingTable,
  pinningTable,
  processTable,
  recordingFindings,
  samplingLine,
  writeHoldTable,
} from '../../../src/report/recordingFindings';
import type { PanelState } from '../../../src/shared/panelProtocol';
import type { ViewActions } from './actions';
import { exportButtons } from './exportButtons';
import { renderLoad } from './loadView';
import { type Row, dataTable } from './table';
import { renderLanes } from './timeline';

export function renderRecordingView(
  state: PanelState,
  timelineWidth: number,
  actions: ViewActions,
): TemplateResult {
  return html`${renderRecordingNow(state, actions)} ${renderRecording(state, timelineWidth, actions)}`;
}

function renderRecordingNow(state: PanelState, actions: ViewActions): TemplateResult {
  const now = state.recordingNow;
  if (now === null) {
    if (state.lastRecording === null && !state.trusted) {
      return html`<p class="muted" id="recording-empty">
        Recording lock activity needs a trusted workspace: it can run a command you give it.
      </p>`;
    }
    return state.lastRecording === null
      ? html`<p class="muted" id="recording-empty">
          No recording yet. Run <strong>SQLite Lock Doctor: Record Lock Activity</strong> from the command
          palette: it records who holds which lock on this database, optionally while your app runs, until you
          stop it.
        </p>`
      : html``;
  }
  const what = now.command === undefined ? '' : html` while running <code>${now.command}</code>`;
  return html`<section id="recording-now" class="message message-info" aria-live="polite">
    <p>
      Recording the locks on ${now.name}${what} since ${new Date(now.startedAt).toLocaleTimeString()}.
      <vscode-button id="stop-recording" @click=${() => actions.post({ type: 'stopRecording' })}
        >Stop and show</vscode-button
      >
    </p>
  </section>`;
}

function renderRecording(
  state: PanelState,
  timelineWidth: number,
  actions: ViewActions,
): TemplateResult | typeof nothing {
  const recording = state.lastRecording;
  if (recording === null) {
    return nothing;
  }
  const app = recording.app;
  return html`<section id="recording" aria-labelledby="recording-title">
    <div class="section-head">
      <div>
        <h2 id="recording-title">
          ${recording.load === undefined ? 'Lock recording' : 'Load test and the locks during it'}
        </h2>
        <p class="muted">
          ${new Date(recording.startedAt).toLocaleString()} · ${formatMs(recording.durationMs)} ·
          ${samplingLine(recording)}
        </p>
        ${
          state.database !== null && recording.database !== state.database.path
            ? html`<p class="hint">A recording of ${recording.database}.</p>`
            : nothing
        }
      </div>
      ${exportButtons('recording', actions)}
    </div>
    <ul class="findings" id="recording-summary" aria-label="Summary">
      ${recordingFindings(recording).map(
        (finding) =>
          html`<li class="finding severity-info"><span class="finding-text">${finding}</span></li>`,
      )}
      ${app === undefined ? nothing : html`<li class="finding severity-info">${appSentence(app)}</li>`}
    </ul>
    ${renderLoad(recording.load)} ${app === undefined ? nothing : renderErrorKinds(app)}
    <h3>Lanes</h3>
    ${renderLanes(recording, timelineWidth)}
    ${table('recording-processes', 'Processes', processTable(recording))}
    ${table('recording-write-holds', 'Longest write-lock holds', writeHoldTable(recording))}
    ${table('recording-pending', 'Writers kept in PENDING by readers', pendingTable(recording))}
    ${table('recording-pinning', 'Read snapshots held while the WAL grew', pinningTable(recording))}
    <h3>Limits</h3>
    <ul id="recording-limits" class="limits">
      ${recording.limits.map((limit) => html`<li>${limit}</li>`)}
    </ul>
  </section>`;
}

function appSentence(app: AppOutput): TemplateResult {
  const total = Object.values(app.errorCounts).reduce((sum, count) => sum + (count ?? 0), 0);
  const source =
    app.source.kind === 'run'
      ? html`<code>${app.source.command}</code> (PID ${app.source.pid}${exitOf(app.source)})`
      : html`the log ${app.source.file}`;
  return html`<span class="finding-text"
    >${source} printed ${total === 0 ? 'no lock errors' : `${total} lock error${total === 1 ? '' : 's'}`}
    (${app.lines.length + app.droppedLines} lines).</span
  >`;
}

function exitOf(source: { exitCode: number | null; signal: string | null }): string {
  if (source.signal !== null) {
    return `, ended by ${source.signal}`;
  }
  return source.exitCode === null ? '' : `, exit code ${source.exitCode}`;
}

function renderErrorKinds(app: AppOutput): TemplateResult | typeof nothing {
  const rows: Row[] = Object.entries(app.errorCounts).map(([kind, count]) => ({
    key: kind,
    cells: [kind, String(count ?? 0)],
    data: { kind },
  }));
  if (rows.length === 0) {
    return nothing;
  }
  return html`<h3>The app's lock errors by kind</h3>
    ${dataTable('recording-app-errors', 'Lock errors by kind', [{ label: 'Kind' }, { label: 'Lines', numeric: true }], rows)}`;
}

function table(id: string, title: string, content: Table): TemplateResult | typeof nothing {
  if (content.rows.length === 0) {
    return nothing;
  }
  const columns = content.header.map((label, index) => ({ label, numeric: content.numeric.includes(index) }));
  const rows: Row[] = content.rows.map((cells, index) => ({ key: `${index}:${cells[0] ?? ''}`, cells }));
  return html`<h3>${title}</h3>
    <div class="table-scroll">${dataTable(id, title, columns, rows)}</div>`;
}
