// The extension's settings, read in one place. Choices, ranges and defaults are the engine's vocabulary
// (src/engine/options), which package.json declares too (test/settingsVocabulary.test.ts ties them).
import * as vscode from 'vscode';
import { beginChoices } from '../engine/options/beginChoices';
import { type ChoiceList, isChoice } from '../engine/options/choiceList';
import { executionModels } from '../engine/options/executionModels';
import { journalChoices } from '../engine/options/journalModes';
import { poolSize, presets } from '../engine/options/presets';
import { clientProfiles, settingsForClient } from '../engine/options/clientProfiles';
import { journalSwitchBusyTimeout, lockPollInterval, probeBusyTimeout } from '../engine/options/timeLimits';
import { type WholeNumberLimit, wholeNumberProblem } from '../engine/options/wholeNumberLimit';
import type { ProbeFormValues } from '../shared/panelProtocol';

export interface LockDoctorSettings {
  probe: ProbeFormValues & { askEachTime: boolean; inPlace: boolean };
  journalSwitchBusyTimeoutMs: number;
  statusBarEnabled: boolean;
  /** 0: no live lock holders. */
  lockPollIntervalMs: number;
  hints: HintSettings;
}

export interface HintSettings {
  enabled: boolean;
  /** Rule ids the user turned off (unknown ids are kept: they match nothing). */
  disabledRules: string[];
}

/** A hand-edited settings.json can hold anything: what the list does not have reads as its default. */
function choice<V extends string>(value: unknown, list: ChoiceList<V>): V {
  return isChoice(list, value) ? value : list.default;
}

function wholeNumber(value: unknown, limit: WholeNumberLimit): number {
  return wholeNumberProblem(limit, value) === undefined ? (value as number) : limit.default;
}

export function readSettings(scope?: vscode.Uri): LockDoctorSettings {
  const config = vscode.workspace.getConfiguration('sqliteLockDoctor', scope);
  const client = choice(config.get('probe.client'), clientProfiles);
  // A driver profile gives the busy timeout and BEGIN that the user did not set themselves.
  const driver = settingsForClient(client, {});
  const begin = choice(config.get('probe.begin'), beginChoices);
  return {
    probe: {
      preset: choice(config.get('probe.preset'), presets),
      model: choice(config.get('probe.model'), executionModels),
      journal: choice(config.get('probe.journal'), journalChoices),
      busyTimeoutMs:
        isSetByUser(config, 'probe.busyTimeoutMs') || driver.busyTimeoutMs === undefined
          ? wholeNumber(config.get('probe.busyTimeoutMs'), probeBusyTimeout)
          : driver.busyTimeoutMs,
      begin: isSetByUser(config, 'probe.begin') || driver.begin === undefined ? begin : driver.begin,
      client,
      poolSize: wholeNumber(config.get('probe.poolSize'), poolSize),
      askEachTime: config.get<boolean>('probe.askEachTime') ?? true,
      // Untrusted workspaces cannot turn this on (restrictedConfigurations in package.json).
      inPlace: config.get<boolean>('probe.inPlace') ?? false,
    },
    journalSwitchBusyTimeoutMs: wholeNumber(
      config.get('journalSwitch.busyTimeoutMs'),
      journalSwitchBusyTimeout,
    ),
    statusBarEnabled: config.get<boolean>('statusBar.enabled') ?? true,
    lockPollIntervalMs: wholeNumber(config.get('locks.pollIntervalMs'), lockPollInterval),
    hints: readHintSettings(config),
  };
}

/** True when some scope (user, workspace, folder, language) sets the key, not just the default. */
function isSetByUser(config: vscode.WorkspaceConfiguration, key: string): boolean {
  const inspected = config.inspect(key);
  return (
    inspected !== undefined &&
    [
      inspected.globalValue,
      inspected.workspaceValue,
      inspected.workspaceFolderValue,
      inspected.globalLanguageValue,
      inspected.workspaceLanguageValue,
      inspected.workspaceFolderLanguageValue,
    ].some((value) => value !== undefined)
  );
}

function readHintSettings(config: vscode.WorkspaceConfiguration): HintSettings {
  const disabled: unknown = config.get('hints.disabledRules');
  return {
    enabled: config.get<boolean>('hints.enabled') !== false,
    disabledRules: Array.isArray(disabled)
      ? disabled.filter((id): id is string => typeof id === 'string')
      : [],
  };
}
