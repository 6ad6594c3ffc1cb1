// The probe's knobs from quick picks, each starting on the settings' default.
import * as vscode from 'vscode';
import type { ProbeFormValues } from '../../shared/panelProtocol';
import {
  journalChoices,
  modelChoices,
  presetChoices,
  type Choice as SharedChoice,
} from '../../shared/probeChoices';

interface Choice<T extends string> extends vscode.QuickPickItem {
  value: T;
}

function asItems<T extends string>(choices: readonly SharedChoice<T>[]): Choice<T>[] {
  return choices.map((choice) => ({ value: choice.value, label: choice.label, detail: choice.hint }));
}

async function pickOne<T extends string>(
  choices: Choice<T>[],
  current: T,
  title: string,
  step: number,
): Promise<T | undefined> {
  const ordered = [...choices].sort((a, b) => Number(b.value === current) - Number(a.value === current));
  const picked = await vscode.window.showQuickPick(
    ordered.map((choice) => ({ ...choice, description: choice.value === current ? 'default' : undefined })),
    { title: `Run Concurrent-Write Probe (${step}/4): ${title}`, ignoreFocusOut: true },
  );
  return picked?.value;
}

export async function askProbeValues(defaults: ProbeFormValues): Promise<ProbeFormValues | undefined> {
  const preset = await pickOne(asItems(presetChoices), defaults.preset, 'scenario', 1);
  const model = preset && (await pickOne(asItems(modelChoices), defaults.model, 'execution model', 2));
  const journal =
    model && (await pickOne(asItems(journalChoices(undefined)), defaults.journal, 'journal mode', 3));
  if (!preset || !model || !journal) {
    return undefined;
  }
  const timeout = await vscode.window.showInputBox({
    title: 'Run Concurrent-Write Probe (4/4): busy timeout',
    prompt:
      'Busy timeout of each session in milliseconds (0 is the C API default, 5000 Python and better-sqlite3).',
    value: String(defaults.busyTimeoutMs),
    ignoreFocusOut: true,
    validateInput: (text) =>
      /^\d+$/.test(text.trim()) && Number(text) <= 600_000
        ? undefined
        : 'A whole number of milliseconds from 0 to 600000',
  });
  if (timeout === undefined) {
    return undefined;
  }
  return { preset, model, journal, busyTimeoutMs: Number(timeout.trim()), begin: defaults.begin };
}
