// The probe form: the scenario and the settings that decide whether a lock conflict waits or fails,
// each with a line saying what the choice means. Run is a submit button, so Enter in the busy timeout
// field runs the probe too.
import { beginChoices } from '../../../src/engine/options/beginChoices';
import type { Choice } from '../../../src/engine/options/choiceList';
import { executionModels } from '../../../src/engine/options/executionModels';
import { journalChoicesFor } from '../../../src/engine/options/journalModes';
import { presets } from '../../../src/engine/options/presets';
import { probeBusyTimeout } from '../../../src/engine/options/timeLimits';
import type { PanelState } from '../../../src/shared/panelProtocol';
import type { ProbeFormState } from '../probeFormState';
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
    return `Available when this finishes: ${state.busy}`;
  }
  return form.busyTimeoutProblem;
}

export function renderProbeForm(state: PanelState, form: ProbeFormState): string {
  if (state.database === null) {
    return '';
  }
  const values = form.values;
  const journals = journalChoicesFor(state.database.report?.journalMode);
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
${selectField('preset', 'Scenario', presets.choices, values.preset)}
${selectField('model', 'Execution model', executionModels.choices, values.model)}
${selectField('journal', 'Journal mode', journals, values.journal)}
${busyTimeoutField(form)}
${selectField('begin', 'BEGIN', beginChoices.choices, values.begin)}
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
<p id="${id}-hint" class="hint">${h(choices.find((choice) => choice.value === value)?.description ?? '')}</p>
</div>`;
}

function busyTimeoutField(form: ProbeFormState): string {
  const problem = form.busyTimeoutProblem;
  const hint = problem ?? probeBusyTimeout.description;
  return `<div class="field">
<label for="probe-busy-timeout">Busy timeout (ms)</label>
<input${attrs({
    id: 'probe-busy-timeout',
    name: 'busyTimeoutMs',
    type: 'number',
    inputmode: 'numeric',
    min: probeBusyTimeout.min,
    max: probeBusyTimeout.max,
    step: 100,
    value: form.busyTimeoutText,
    'aria-invalid': problem ? 'true' : undefined,
    'aria-describedby': 'probe-busy-timeout-hint',
  })}>
<p id="probe-busy-timeout-hint" class="hint${problem ? ' text-error' : ''}">${h(hint)}</p>
</div>`;
}
