// The probe form's values live in the panel, not in the DOM: a new state from the host re-renders the
// form, and what the user chose (or half-typed) must survive that. Pure, so it is unit-tested.
import { beginChoices } from '../../src/engine/options/beginChoices';
import { type ChoiceList, isChoice } from '../../src/engine/options/choiceList';
import { executionModels } from '../../src/engine/options/executionModels';
import { journalChoices } from '../../src/engine/options/journalModes';
import { poolSize, presets } from '../../src/engine/options/presets';
import { clientProfiles, settingsForClient } from '../../src/engine/options/clientProfiles';
import { probeBusyTimeout } from '../../src/engine/options/timeLimits';
import { parseWholeNumber } from '../../src/engine/options/wholeNumberLimit';
import type { ProbeFormValues } from '../../src/shared/panelProtocol';

export interface ProbeFormState {
  values: ProbeFormValues;
  /** The busy timeout as typed; `values.busyTimeoutMs` holds the last valid number. */
  busyTimeoutText: string;
  /** Set when busyTimeoutText is not a whole number of ms in range; Run is refused meanwhile. */
  busyTimeoutProblem?: string;
  /** The pool size as typed; `values.poolSize` holds the last valid number. */
  poolSizeText: string;
  /** Set when poolSizeText is not a whole number in range; Run is refused meanwhile for the pool preset. */
  poolSizeProblem?: string;
}

export function formFromValues(values: ProbeFormValues): ProbeFormState {
  return {
    values: { ...values },
    busyTimeoutText: String(values.busyTimeoutMs),
    poolSizeText: String(values.poolSize ?? poolSize.default),
  };
}

/** The busy timeout as typed, checked against the probe's limit, or a sentence saying what is wrong. */
export function parseBusyTimeout(text: string): { value: number } | { problem: string } {
  return parseWholeNumber(probeBusyTimeout, text, 'The busy timeout');
}

export type ProbeField = 'preset' | 'model' | 'journal' | 'busyTimeoutMs' | 'begin' | 'client' | 'poolSize';

/** A problem that keeps Run from being used with these values, or undefined. */
export function formProblem(form: ProbeFormState): string | undefined {
  return form.busyTimeoutProblem ?? (form.values.preset === 'pool' ? form.poolSizeProblem : undefined);
}

function pick<T extends string>(list: ChoiceList<T>, raw: string, fallback: T): T {
  return isChoice(list, raw) ? raw : fallback;
}

/** The form after the user changed one field; unknown values keep the previous one. */
export function updateForm(form: ProbeFormState, field: ProbeField, raw: string): ProbeFormState {
  const values = { ...form.values };
  switch (field) {
    case 'preset':
      values.preset = pick(presets, raw, values.preset);
      break;
    case 'model':
      values.model = pick(executionModels, raw, values.model);
      break;
    case 'journal':
      values.journal = pick(journalChoices, raw, values.journal);
      break;
    case 'begin':
      values.begin = pick(beginChoices, raw, values.begin);
      break;
    case 'client': {
      if (!isChoice(clientProfiles, raw)) {
        return form;
      }
      const client = raw;
      if (client === 'none' || client === (values.client ?? clientProfiles.default)) {
        return { ...form, values: { ...values, client } };
      }
      // Choosing a driver shows its defaults in the form; editing them afterwards overrides them.
      const driver = settingsForClient(client, {});
      const busyTimeoutMs = driver.busyTimeoutMs ?? values.busyTimeoutMs;
      return {
        ...form,
        values: { ...values, client, busyTimeoutMs, begin: driver.begin ?? values.begin },
        busyTimeoutText: String(busyTimeoutMs),
        busyTimeoutProblem: undefined,
      };
    }
    case 'poolSize': {
      const parsed = parseWholeNumber(poolSize, raw, 'The pool size');
      return 'value' in parsed
        ? {
            ...form,
            values: { ...values, poolSize: parsed.value },
            poolSizeText: raw,
            poolSizeProblem: undefined,
          }
        : { ...form, values, poolSizeText: raw, poolSizeProblem: parsed.problem };
    }
    case 'busyTimeoutMs': {
      const parsed = parseBusyTimeout(raw);
      if ('value' in parsed) {
        return {
          ...form,
          values: { ...values, busyTimeoutMs: parsed.value },
          busyTimeoutText: raw,
          busyTimeoutProblem: undefined,
        };
      }
      return { ...form, values, busyTimeoutText: raw, busyTimeoutProblem: parsed.problem };
    }
  }
  return { ...form, values };
}

export function isProbeField(name: string): name is ProbeField {
  return ['preset', 'model', 'journal', 'busyTimeoutMs', 'begin', 'client', 'poolSize'].includes(name);
}

export function sameValues(a: ProbeFormValues, b: ProbeFormValues): boolean {
  return (
    a.preset === b.preset &&
    a.model === b.model &&
    a.journal === b.journal &&
    a.busyTimeoutMs === b.busyTimeoutMs &&
    a.begin === b.begin &&
    (a.client ?? clientProfiles.default) === (b.client ?? clientProfiles.default) &&
    (a.poolSize ?? poolSize.default) === (b.poolSize ?? poolSize.default)
  );
}
