// The journal mode, what it means for locking, and the one switch that applies to it. Switching
// writes to the file, so it is off in an untrusted workspace and while another operation runs; the
// button then stays visible, disabled, with the reason next to it.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { InspectReport } from '../../../src/engine/inspect/inspectReport';
import type { PanelState } from '../../../src/shared/panelProtocol';
import type { ViewActions } from './actions';

const meaning = {
  wal: 'Readers and the writer work at the same time: commits are appended to the write-ahead log and checkpointed into the database later. Still one writer at a time.',
  delete:
    "Rollback journal: a writer's commit waits until every reader has finished, and readers wait while it writes. WAL lets readers and the writer run side by side.",
} as const;

/** Why the switch cannot be used now, or undefined when it can. */
export function switchBlockedReason(state: PanelState): string | undefined {
  if (!state.trusted) {
    return 'Switching writes to the file, so it is off in an untrusted workspace. Trust the workspace to switch or to run the probe.';
  }
  if (state.busy) {
    return `Available when this finishes: ${state.busy.label}`;
  }
  return undefined;
}

export function renderJournalMode(
  report: InspectReport,
  state: PanelState,
  actions: ViewActions,
): TemplateResult {
  const mode = report.journalMode;
  return html`<div class="journal">
    <h3 class="journal-title">Journal mode <span class="journal-name">${mode.toUpperCase()}</span></h3>
    <p>${meaning[mode]}</p>
    ${mode === 'delete' ? html`<p class="hint">${report.journalModeNote}</p>` : nothing}
    ${switchControl(mode, state, actions)}
  </div>`;
}

function switchControl(
  mode: InspectReport['journalMode'],
  state: PanelState,
  actions: ViewActions,
): TemplateResult {
  const target = mode === 'wal' ? 'delete' : 'wal';
  const reason = switchBlockedReason(state);
  const explanation =
    reason ??
    (target === 'wal'
      ? 'Runs PRAGMA journal_mode=WAL and reads it back; refused with a reason when another connection holds a lock.'
      : 'Runs PRAGMA journal_mode=DELETE and reads it back; needs every other connection closed.');
  // One element for both directions: after a switch the same button, focused or not, offers the way back.
  return html`<div class="journal-switch">
    <vscode-button
      id="switch-${target}"
      ?secondary=${target === 'delete'}
      ?disabled=${reason !== undefined}
      aria-describedby="switch-reason"
      @click=${() => {
        if (switchBlockedReason(state) === undefined) {
          actions.post({ type: 'switchJournal', target });
        }
      }}
      >Switch to ${target === 'wal' ? 'WAL' : 'DELETE'}</vscode-button
    >
    <p id="switch-reason" class="hint">${explanation}</p>
  </div>`;
}
