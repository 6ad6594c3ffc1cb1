// The probe form: the scenario and the settings that decide whether a lock conflict waits or fails,
// each with a line saying what the choice means. Enter in the busy timeout field runs the probe too.
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import { beginChoices } from '../../../src/engine/options/beginChoices';
import type { Choice } from '../../../src/engine/options/choiceList';
import { executionModels } from '../../../src/engine/options/executionModels';
import { journalChoicesFor } from '../../../src/engine/options/journalModes';
import { poolSize, presets } from '../../../src/engine/options/presets';
import { probeBusyTimeout } from '../../../src/engine/options/timeLimits';
import type { PanelState } from '../../../src/shared/panelProtocol';
import { formProblem, type ProbeField, type ProbeFormState } from '../probeFormState';
import { clientProfiles } from '../../../src/engine/options/clientProfiles';
import type { ViewActions } from './actions';
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
  return formProblem(form);
}

const where =
  'Reproduces concurrent writes, by default on a scratch copy of the file that is deleted afterwards, and explains what the locks did. Your own tables are never written.';

export function renderProbeForm(
  state: PanelState,
  form: ProbeFormState,
  actions: ViewActions,
): TemplateResult {
  const values = form.values;
  const journals = journalChoicesFor(state.database?.report?.journalMode);
  const running = probeRunning(state);
  const reason = running ? undefined : runBlockedReason(state, form);
  return html`<section id="probe" aria-labelledby="probe-title">
    <h2 id="probe-title">Concurrent-write probe</h2>
    <p class="muted">${where}</p>
    <form
      id="probe-form"
      novalidate
      @submit=${(event: Event) => {
        event.preventDefault();
        actions.runProbe();
      }}
    >
      <div class="form-grid">
        ${selectField('preset', 'Scenario', presets.choices, values.preset, actions)}
        ${values.preset === 'pool' ? poolSizeField(form, actions) : nothing}
        ${selectField('client', 'Driver', clientProfiles.choices, values.client ?? clientProfiles.default, actions)}
        ${selectField('model', 'Execution model', executionModels.choices, values.model, actions)}
        ${selectField('journal', 'Journal mode', journals, values.journal, actions)}
        ${busyTimeoutField(form, actions)}
        ${selectField('begin', 'BEGIN', beginChoices.choices, values.begin, actions)}
      </div>
      <div class="form-actions">
        ${
          // One element that is Run, then Cancel while the probe runs: the focus stays on it.
          html`<vscode-button
            id=${running ? 'probe-cancel' : 'probe-run'}
            ?secondary=${running}
            ?disabled=${reason !== undefined}
            aria-describedby=${reason ? 'probe-run-reason' : ''}
            @click=${() => (running ? actions.post({ type: 'cancelProbe' }) : actions.runProbe())}
            >${running ? 'Cancel Probe' : 'Run Probe'}</vscode-button
          >`
        }
        <span id="probe-run-reason" class="hint">${reason ?? ''}</span>
      </div>
    </form>
  </section>`;
}

function selectField<T extends string>(
  name: ProbeField,
  label: string,
  choices: readonly Choice<T>[],
  value: T,
  actions: ViewActions,
): TemplateResult {
  const id = `probe-${name}`;
  return html`<div class="field">
    <vscode-label for=${id}>${label}</vscode-label>
    <vscode-single-select
      id=${id}
      name=${name}
      aria-describedby="${id}-hint"
      .value=${live(value)}
      @change=${(event: Event) => actions.editField(name, valueOf(event))}
    >
      ${repeat(
        choices,
        // A new label is a new option element: the select reads its options' text when they are added.
        (choice) => `${choice.value}|${choice.label}`,
        (choice) =>
          html`<vscode-option value=${choice.value} ?selected=${choice.value === value}
            >${choice.label}</vscode-option
          >`,
      )}
    </vscode-single-select>
    <p id="${id}-hint" class="hint">${choices.find((choice) => choice.value === value)?.description ?? ''}</p>
  </div>`;
}

function busyTimeoutField(form: ProbeFormState, actions: ViewActions): TemplateResult {
  const problem = form.busyTimeoutProblem;
  const hint = problem ?? probeBusyTimeout.description;
  return html`<div class="field">
    <vscode-label for="probe-busy-timeout">Busy timeout (ms)</vscode-label>
    <vscode-textfield
      id="probe-busy-timeout"
      name="busyTimeoutMs"
      type="number"
      inputmode="numeric"
      min=${probeBusyTimeout.min}
      max=${probeBusyTimeout.max}
      step="100"
      .value=${live(form.busyTimeoutText)}
      ?invalid=${problem !== undefined}
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby="probe-busy-timeout-hint"
      @input=${(event: Event) => actions.editField('busyTimeoutMs', valueOf(event))}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          actions.runProbe();
        }
      }}
    ></vscode-textfield>
    <p id="probe-busy-timeout-hint" class="hint${problem ? ' text-error' : ''}">${hint}</p>
  </div>`;
}

function poolSizeField(form: ProbeFormState, actions: ViewActions): TemplateResult {
  const problem = form.poolSizeProblem;
  return html`<div class="field">
    <vscode-label for="probe-pool-size">Pool size</vscode-label>
    <vscode-textfield
      id="probe-pool-size"
      name="poolSize"
      type="number"
      inputmode="numeric"
      min=${poolSize.min}
      max=${poolSize.max}
      step="1"
      .value=${live(form.poolSizeText)}
      ?invalid=${problem !== undefined}
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby="probe-pool-size-hint"
      @input=${(event: Event) => actions.editField('poolSize', valueOf(event))}
    ></vscode-textfield>
    <p id="probe-pool-size-hint" class="hint${problem ? ' text-error' : ''}">
      ${problem ?? poolSize.description}
    </p>
  </div>`;
}

function valueOf(event: Event): string {
  const target = event.currentTarget as { value?: unknown } | null;
  return typeof target?.value === 'string' ? target.value : '';
}
