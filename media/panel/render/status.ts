// What is happening now and what just happened. The three regions are always in the page (empty when
// there is nothing to say), so screen readers announce a change of their text.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { PanelState } from '../../../src/shared/panelProtocol';

export function renderStatus(state: PanelState): TemplateResult {
  // No whitespace inside the regions: an empty one is :empty and takes no room.
  const busy = state.busy
    ? html`<vscode-progress-ring aria-hidden="true"></vscode-progress-ring><span>${state.busy.label}</span>`
    : nothing;
  const error = state.lastError ? html`<p>${state.lastError}</p>` : nothing;
  const notice = state.lastNotice ? html`<p>${state.lastNotice}</p>` : nothing;
  return html`<div id="busy" class="busy" role="status">${busy}</div>
    <div id="last-error" class="message message-error" role="alert">${error}</div>
    <div id="last-notice" class="message message-notice" role="status">${notice}</div>`;
}

/** A probe is what runs (so Cancel applies), as opposed to a switch or a checkpoint. */
export function probeRunning(state: PanelState): boolean {
  return state.busy?.kind === 'probe';
}
