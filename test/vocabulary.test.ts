// One vocabulary: the command line, the panel's messages, the webview's form and the engine accept
// exactly the engine's choices and ranges (src/engine/options), and refuse the same values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formFromValues, parseBusyTimeout, updateForm } from '../media/panel/probeFormState';
import { choiceFlag, wholeNumberFlag } from '../src/cli/cliArguments';
import { checkedWholeNumber } from '../src/engine/checkedWholeNumber';
import { beginChoices } from '../src/engine/options/beginChoices';
import { executionModels } from '../src/engine/options/executionModels';
import { journalChoices } from '../src/engine/options/journalModes';
import { poolSize, presets } from '../src/engine/options/presets';
import { clientProfiles } from '../src/engine/options/clientProfiles';
import { probeBusyTimeout } from '../src/engine/options/timeLimits';
import { UserInputError } from '../src/engine/userInputError';
import { validateProbeForm } from '../src/extension/panel/validatePanelMessage';
import type { ProbeFormValues } from '../src/shared/panelProtocol';

const defaults: ProbeFormValues = {
  preset: presets.default,
  model: executionModels.default,
  journal: journalChoices.default,
  busyTimeoutMs: probeBusyTimeout.default,
  begin: beginChoices.default,
};

const lists = {
  preset: presets,
  model: executionModels,
  journal: journalChoices,
  begin: beginChoices,
  client: clientProfiles,
} as const;

test('every choice is accepted by the command line, the panel messages and the webview form', () => {
  for (const [field, list] of Object.entries(lists)) {
    for (const value of list.values) {
      assert.equal(choiceFlag(`--${field}`, value, list), value, `--${field} ${value}`);
      assert.deepEqual(validateProbeForm({ ...defaults, [field]: value }), { ...defaults, [field]: value });
      const form = updateForm(formFromValues(defaults), field as keyof typeof lists, value);
      assert.equal(form.values[field as keyof typeof lists], value, `form ${field} ${value}`);
    }
  }
});

test('a value outside a list is refused everywhere, the command line naming the choices', () => {
  for (const [field, list] of Object.entries(lists)) {
    assert.throws(
      () => choiceFlag(`--${field}`, 'fibers', list),
      (error: unknown) =>
        error instanceof UserInputError &&
        error.message === `--${field} must be one of ${list.values.join(', ')}, not "fibers"`,
    );
    assert.equal(validateProbeForm({ ...defaults, [field]: 'fibers' }), undefined, field);
    const form = updateForm(formFromValues(defaults), field as keyof typeof lists, 'fibers');
    assert.deepEqual(form.values, defaults, `form ${field} keeps its value`);
  }
});

test('the busy timeout: the same range at the command line, the panel, the webview and the engine', () => {
  const { min, max } = probeBusyTimeout;
  for (const ms of [min, max]) {
    assert.equal(wholeNumberFlag('--busy-timeout', String(ms), probeBusyTimeout), ms);
    assert.deepEqual(parseBusyTimeout(` ${ms} `), { value: ms });
    assert.equal(validateProbeForm({ ...defaults, busyTimeoutMs: ms })?.busyTimeoutMs, ms);
    assert.equal(checkedWholeNumber(probeBusyTimeout, ms), ms);
  }
  const range = `a whole number of ms from ${min} to ${max}`;
  for (const bad of [max + 1, -1, 1.5]) {
    assert.throws(() => wholeNumberFlag('--busy-timeout', String(bad), probeBusyTimeout), {
      message: `--busy-timeout must be ${range}, not "${bad}"`,
    });
    assert.deepEqual(parseBusyTimeout(String(bad)), {
      problem: `The busy timeout must be ${range}, not "${bad}"`,
    });
    assert.equal(validateProbeForm({ ...defaults, busyTimeoutMs: bad }), undefined, String(bad));
    assert.throws(() => checkedWholeNumber(probeBusyTimeout, bad), {
      message: `the busy timeout must be ${range}, not ${bad}`,
    });
  }
  assert.equal(wholeNumberFlag('--busy-timeout', undefined, probeBusyTimeout), probeBusyTimeout.default);
});

test('the pool size: the same range at the command line, the panel messages and the engine', () => {
  for (const size of [poolSize.min, poolSize.max]) {
    assert.equal(wholeNumberFlag('--pool-size', String(size), poolSize), size);
    assert.deepEqual(validateProbeForm({ ...defaults, poolSize: size }), { ...defaults, poolSize: size });
  }
  for (const bad of [0, 17, 2.5, '4']) {
    assert.equal(validateProbeForm({ ...defaults, poolSize: bad }), undefined, String(bad));
  }
  assert.throws(() => wholeNumberFlag('--pool-size', '17', poolSize), {
    message: '--pool-size must be a whole number from 1 to 16, not "17"',
  });
  assert.throws(() => checkedWholeNumber(poolSize, 0), UserInputError);
});
