// The probe's knobs from quick picks, each starting on the settings' default. The choices, their lines
// and the busy timeout's range are the engine's vocabulary, as in the panel's form.
import * as vscode from 'vscode';
import type { Choice } from '../../engine/options/choiceList';
import { executionModels } from '../../engine/options/executionModels';
import { journalChoices } from '../../engine/options/journalModes';
import { presets } from '../../engine/options/presets';
import { probeBusyTimeout } from '../../engine/options/timeLimits';
import { parseWholeNumber } from '../../engine/options/wholeNumberLimit';
import type { ProbeFormValues } from '../../shared/panelProtocol';

interface PickItem<T extends string> extends vscode.QuickPickItem {
  value: T;
}

async function pickOne<T extends string>(
  choices: readonly Choice<T>[],
  current: T,
  title: string,
  step: number,
): Promise<T | undefined> {
  const items: PickItem<T>[] = choices.map((choice) => ({
    value: choice.value,
    label: choice.label,
    detail: choice.description,
    description: choice.value === current ? 'default' : undefined,
  }));
  const ordered = [...items].sort((a, b) => Number(b.value === current) - Number(a.value === current));
  const picked = await vscode.window.showQuickPick(ordered, {
    title: `Run Concurrent-Write Probe (${step}/4): ${title}`,
    ignoreFocusOut: true,
  });
  return picked?.value;
}

export async function askProbeValues(defaults: ProbeFormValues): Promise<ProbeFormValues | undefined> {
  const preset = await pickOne(presets.choices, defaults.preset, 'scenario', 1);
  const model = preset && (await pickOne(executionModels.choices, defaults.model, 'execution model', 2));
  const journal = model && (await pickOne(journalChoices.choices, defaults.journal, 'journal mode', 3));
  if (!preset || !model || !journal) {
    return undefined;
  }
  const timeout = await vscode.window.showInputBox({
    title: 'Run Concurrent-Write Probe (4/4): busy timeout',
    prompt: `Busy timeout of each session in milliseconds. ${probeBusyTimeout.description}`,
    value: String(defaults.busyTimeoutMs),
    ignoreFocusOut: true,
    validateInput: (text) => {
      const parsed = parseWholeNumber(probeBusyTimeout, text, 'The busy timeout');
      return 'problem' in parsed ? parsed.problem : undefined;
    },
  });
  if (timeout === undefined) {
    return undefined;
  }
  const parsed = parseWholeNumber(probeBusyTimeout, timeout);
  return 'value' in parsed
    ? {
        preset,
        model,
        journal,
        busyTimeoutMs: parsed.value,
        begin: defaults.begin,
        ...(defaults.client !== undefined ? { client: defaults.client } : {}),
        ...(defaults.poolSize !== undefined ? { poolSize: defaults.poolSize } : {}),
      }
    : undefined;
}
