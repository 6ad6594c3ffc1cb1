// The probe view: the form, the running probe's locks beside it, and the last result.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { PanelState } from '../../../src/shared/panelProtocol';
import type { ProbeFormState } from '../probeFormState';
import type { ViewActions } from './actions';
import { renderLockHolders } from './lockHolders';
import { renderProbeForm } from './probeForm';
import { renderResult } from './result';

export function renderProbeView(
  state: PanelState,
  form: ProbeFormState,
  timelineWidth: number,
  actions: ViewActions,
): TemplateResult {
  return html`${renderProbeForm(state, form, actions)} ${renderProbeLocks(state)}
  ${renderResult(state, timelineWidth, actions)}`;
}

/** While a probe runs: the kernel's view of its sessions' locks, to compare with the timeline. */
function renderProbeLocks(state: PanelState): TemplateResult | typeof nothing {
  const watch = state.probeLocks;
  if (!watch?.report) {
    return nothing;
  }
  return html`<section id="probe-locks" aria-live="polite">
    <h3>The probe's sessions now</h3>
    <p class="muted">On ${watch.target}, read from /proc/locks while the probe runs.</p>
    ${renderLockHolders(watch.report, 'probe-lock-holders', watch.sessionsByPid)}
  </section>`;
}
