// What is happening now and what just happened. The three regions are always in the page (empty when
// there is nothing to say), so screen readers announce a change of their text.
import type { PanelState } from '../../../src/shared/panelProtocol';
import { h } from './html';

export function renderStatus(state: PanelState): string {
  const busy = state.busy
    ? `<span class="spinner" aria-hidden="true"></span><span>${h(state.busy.label)}</span>`
    : '';
  const error = state.lastError ? `<p>${h(state.lastError)}</p>` : '';
  const notice = state.lastNotice ? `<p>${h(state.lastNotice)}</p>` : '';
  return `<div id="busy" class="busy" role="status">${busy}</div>
<div id="last-error" class="message message-error" role="alert">${error}</div>
<div id="last-notice" class="message message-notice" role="status">${notice}</div>`;
}

/** A probe is what runs (so Cancel applies), as opposed to a switch or an inspection. */
export function probeRunning(state: PanelState): boolean {
  return state.busy?.kind === 'probe';
}
