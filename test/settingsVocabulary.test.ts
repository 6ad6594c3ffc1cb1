// package.json declares the settings a second time, for VS Code's settings editor. Each enum, its
// descriptions, its default and its range must be the engine's vocabulary (src/engine/options), which
// the settings reader, the command line, the panel and the quick picks use: a change on one side alone
// fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { beginChoices } from '../src/engine/options/beginChoices';
import type { ChoiceList } from '../src/engine/options/choiceList';
import { hintRules } from '../src/engine/hints/hintRules';
import { executionModels } from '../src/engine/options/executionModels';
import { journalChoices } from '../src/engine/options/journalModes';
import { poolSize, presets } from '../src/engine/options/presets';
import { clientProfiles } from '../src/engine/options/clientProfiles';
import {
  journalSwitchBusyTimeout,
  lockPollInterval,
  probeBusyTimeout,
} from '../src/engine/options/timeLimits';
import type { WholeNumberLimit } from '../src/engine/options/wholeNumberLimit';

interface SettingSchema {
  type?: string;
  items?: SettingSchema;
  enum?: unknown[];
  enumDescriptions?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, SettingSchema> } };
};
const settings = manifest.contributes.configuration.properties;

const choiceSettings: Record<string, ChoiceList<string>> = {
  'sqliteLockDoctor.probe.preset': presets,
  'sqliteLockDoctor.probe.model': executionModels,
  'sqliteLockDoctor.probe.journal': journalChoices,
  'sqliteLockDoctor.probe.begin': beginChoices,
  'sqliteLockDoctor.probe.client': clientProfiles,
};

const numberSettings: Record<string, WholeNumberLimit> = {
  'sqliteLockDoctor.probe.busyTimeoutMs': probeBusyTimeout,
  'sqliteLockDoctor.journalSwitch.busyTimeoutMs': journalSwitchBusyTimeout,
  'sqliteLockDoctor.locks.pollIntervalMs': lockPollInterval,
  'sqliteLockDoctor.probe.poolSize': poolSize,
};

test('each choice setting lists the engine’s values, with their descriptions and default, in order', () => {
  for (const [key, list] of Object.entries(choiceSettings)) {
    const setting = settings[key];
    assert.ok(setting, `${key} is declared in package.json`);
    assert.deepEqual(setting.enum, list.values, `${key}: enum`);
    assert.deepEqual(
      setting.enumDescriptions,
      list.choices.map((choice) => choice.description),
      `${key}: enumDescriptions`,
    );
    assert.equal(setting.default, list.default, `${key}: default`);
  }
});

test('each number setting has the engine’s range and default', () => {
  for (const [key, limit] of Object.entries(numberSettings)) {
    const setting = settings[key];
    assert.ok(setting, `${key} is declared in package.json`);
    assert.equal(setting.type, 'integer', `${key}: type`);
    assert.deepEqual(
      { minimum: setting.minimum, maximum: setting.maximum, default: setting.default },
      { minimum: limit.min, maximum: limit.max, default: limit.default },
      key,
    );
  }
});

test('every setting with an enum or a range is tied to the vocabulary above', () => {
  const constrained = Object.entries(settings)
    .filter(
      ([, setting]) =>
        setting.enum !== undefined || setting.minimum !== undefined || setting.maximum !== undefined,
    )
    .map(([key]) => key)
    .sort();
  assert.deepEqual(constrained, [...Object.keys(choiceSettings), ...Object.keys(numberSettings)].sort());
});

test('the hint rules a user can turn off are the registry’s rules, described by their messages', () => {
  const items = settings['sqliteLockDoctor.hints.disabledRules']?.items;
  const expected = {
    enum: hintRules.map((rule) => rule.info.id),
    enumDescriptions: hintRules.map((rule) => rule.info.message),
  };
  assert.deepEqual(
    { enum: items?.enum, enumDescriptions: items?.enumDescriptions },
    expected,
    'package.json lists other hint rules than the registry: run `node scripts/syncHintSettings.mjs`',
  );
});
