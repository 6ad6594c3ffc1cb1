// The probe form's values live in the panel, not in the DOM: a new state from the host re-renders the
// form, and what the user chose (or half-typed) must survive that. Pure, so it is unit-tested.
import type { BeginChoice, PresetChoice, ProbeFormValues } from '../../src/shared/panelProtocol';
import type { ExecutionModel, JournalChoice } from '../../src/engine/probe/probeTypes';
import {
  beginChoices,
  journalChoices,
  modelChoices,
  presetChoices,
  type Choice,
} from '../../src/shared/probeChoices';

export const busyTimeoutMaxMs = 600_000;

export interface ProbeFormState {
  values: ProbeFormValues;
  /** The busy timeout as typed; `values.busyTimeoutMs` holds the last valid number. */
  busyTimeoutText: string;
  /** Set when busyTimeoutText is not a whole number of ms in range; Run is refused meanwhile. */
  busyTimeoutProblem?: string;
}

export function formFromValues(values: ProbeFormValues): ProbeFormState {
  return { values: { ...values }, busyTimeoutText: String(values.busyTimeoutMs) };
}

/** A whole number of milliseconds from 0 to 600000, or a sentence saying what is wrong. */
export function parseBusyTimeout(text: string): { ms: number } | { problem: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) {
    return { problem: `Enter the busy timeout as whole milliseconds, 0 to ${busyTimeoutMaxMs}.` };
  }
  const ms = Number(trimmed);
  if (ms > busyTimeoutMaxMs) {
    return { problem: `The busy timeout can be at most ${busyTimeoutMaxMs} ms (10 minutes).` };
  }
  return { ms };
}

export type ProbeField = 'preset' | 'model' | 'journal' | 'busyTimeoutMs' | 'begin';

function pick<T extends string>(choices: readonly Choice<T>[], raw: string, fallback: T): T {
  return choices.find((choice) => choice.value === raw)?.value ?? fallback;
}

/** The form after the user changed one field; unknown values keep the previous one. */
export function updateForm(form: ProbeFormState, field: ProbeField, raw: string): ProbeFormState {
  const values = { ...form.values };
  switch (field) {
    case 'preset':
      values.preset = pick<PresetChoice>(presetChoices, raw, values.preset);
      break;
    case 'model':
      values.model = pick<ExecutionModel>(modelChoices, raw, values.model);
      break;
    case 'journal':
      values.journal = pick<JournalChoice>(journalChoices(undefined), raw, values.journal);
      break;
    case 'begin':
      values.begin = pick<BeginChoice>(beginChoices, raw, values.begin);
      break;
    case 'busyTimeoutMs': {
      const parsed = parseBusyTimeout(raw);
      if ('ms' in parsed) {
        return { values: { ...values, busyTimeoutMs: parsed.ms }, busyTimeoutText: raw };
      }
      return { values, busyTimeoutText: raw, busyTimeoutProblem: parsed.problem };
    }
  }
  return { ...form, values };
}

export function isProbeField(name: string): name is ProbeField {
  return ['preset', 'model', 'journal', 'busyTimeoutMs', 'begin'].includes(name);
}

export function sameValues(a: ProbeFormValues, b: ProbeFormValues): boolean {
  return (
    a.preset === b.preset &&
    a.model === b.model &&
    a.journal === b.journal &&
    a.busyTimeoutMs === b.busyTimeoutMs &&
    a.begin === b.begin
  );
}
