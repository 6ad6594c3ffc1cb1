// The probe form: the scenario and the settings that decide whether a lock conflict waits or fails,
// each with a line saying what the choice means. Run is a submit button, so Enter in the busy timeout
// field runs the probe too.
import type { PanelState } from '../../../src/shared/panelProtocol';
import {
  beginChoices,
  hintOf,
  journalChoices,
  modelChoices,
  presetChoices,
  type Choice,
} from '../../../src/shared/probeChoices';
import { busyTimeoutMaxMs, type ProbeFormState } from '../probeFormState';
import { attrs, h } from './html';
import { probeRunning } from './status';

/** Why Run cannot be used now, or undefined when it can. */
export function runBlockedReason(state: PanelState, form: ProbeFormState): string | undefined {
  if (state.database === null) {
    return 'Open a database first.';
  }
  if (!state.trusted) {
    return 'The probe is off in an untrusted workspace. Trust the workspace to run it.';
  }
  if (state.busy) {
    return `Available when this finishes: ${state.busy.label}`;
  }
  return form.busyTimeoutProblem;
}

export function renderProbeForm(state: PanelState, form: ProbeFormState): string {
  if (state.database === null) {
    return '';
  }
  const values = form.values;
  const journals = journalChoices(state.database.report?.journalMode);
  const reason = runBlockedReason(state, form);
  const running = probeRunning(state);
  const cancel = running
    ? `<button type="button"${attrs({ id: 'probe-cancel', class: 'secondary', 'data-action': 'cancelProbe' })}>Cancel Probe</button>`
    : '';
  const where =
    'Reproduces concurrent writes, by default on a scratch copy of the file that is deleted afterwards, and explains what the locks did. Your own tables are never written.';
  return `<section id="probe" class="card" aria-labelledby="probe-title">
<h2 id="probe-title">Concurrent-write probe</h2>
<p class="muted">${h(where)}</p>
<form id="probe-form" novalidate>
<div class="form-grid">
${selectField('preset', 'Scenario', presetChoices, values.preset)}
${selectField('model', 'Execution model', modelChoices, values.model)}
${selectField('journal', 'Journal mode', journals, values.journal)}
${busyTimeoutField(form)}
${selectField('begin', 'BEGIN', beginChoices, values.begin)}
</div>
<div class="form-actions">
<button type="submit"${attrs({ id: 'probe-run', disabled: reason !== undefined, 'aria-describedby': reason ? 'probe-run-reason' : undefined })}>Run Probe</button>
${cancel}
<span id="probe-run-reason" class="hint">${reason ? h(reason) : ''}</span>
</div>
</form>
</section>`;
}

function selectField<T extends string>(
  name: string,
  label: string,
  choices: readonly Choice<T>[],
  value: T,
): string {
  const id = `probe-${name}`;
  const options = choices
    .map(
      (choice) =>
        `<option${attrs({ value: choice.value, selected: choice.value === value })}>${h(choice.label)}</option>`,
    )
    .join('');
  return `<div class="field">
<label for="${id}">${h(label)}</label>
<select${attrs({ id, name, 'aria-describedby': `${id}-hint` })}>${options}</select>
<p id="${id}-hint" class="hint">${h(hintOf(choices, value))}</p>
</div>`;
}

function busyTimeoutField(form: ProbeFormState): string {
  const problem = form.busyTimeoutProblem;
  const hint =
    problem ??
    'How long a statement waits for a lock before SQLITE_BUSY; 0 fails at once. Python and better-sqlite3 default to 5000, the C API and node:sqlite to 0.';
  return `<div class="field">
<label for="probe-busy-timeout">Busy timeout (ms)</label>
<input${attrs({
    id: 'probe-busy-timeout',
    name: 'busyTimeoutMs',
    type: 'number',
    inputmode: 'numeric',
    min: 0,
    max: busyTimeoutMaxMs,
    step: 100,
    value: form.busyTimeoutText,
    'aria-invalid': problem ? 'true' : undefined,
    'aria-describedby': 'probe-busy-timeout-hint',
  })}>
<p id="probe-busy-timeout-hint" class="hint${problem ? ' text-error' : ''}">${h(hint)}</p>
</div>`;
}
