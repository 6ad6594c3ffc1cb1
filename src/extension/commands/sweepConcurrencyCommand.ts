// Sweep Concurrency…: the preset, the execution model and the levels from quick picks (or from the
// arguments a caller passes), then the sweep in an engine child process, never in the extension host,
// with a cancellable progress notification that moves a step per level, and the headroom chart in the
// panel at the end.
import * as vscode from 'vscode';
import { beginModeOf } from '../../engine/options/beginChoices';
import { isChoice, type Choice } from '../../engine/options/choiceList';
import { executionModels, type ExecutionModel } from '../../engine/options/executionModels';
import { probeRequests } from '../../engine/options/loadShape';
import { presets, type PresetName } from '../../engine/options/presets';
import { wholeNumberProblem } from '../../engine/options/wholeNumberLimit';
import type { SweepResult } from '../../engine/sweep/sweepTypes';
import type { PanelViewName } from '../../shared/panelProtocol';
import { engineClient } from '../engineClient';
import { messageOf, type LockDoctorModel } from '../lockDoctorModel';
import { readSettings } from '../settings';
import { requireDatabase, requireTrust } from './requireDatabase';
import { levelsProblem, parseLevels, sweepDefaults, sweepLevelPresets } from './sweepLevels';

const title = 'Sweep Concurrency';

export interface SweepChoices {
  preset: PresetName;
  model: ExecutionModel;
  levels: number[];
  requests: number;
}

/** Arguments from a caller (a test, a keybinding): the same choices, checked; null when malformed. */
export function sweepChoicesOf(args: unknown): SweepChoices | null | undefined {
  if (args === undefined) {
    return undefined;
  }
  if (typeof args !== 'object' || args === null) {
    return null;
  }
  const { preset, model, levels, requests } = args as Record<string, unknown>;
  const given: readonly unknown[] = Array.isArray(levels) ? levels : sweepDefaults.levels;
  const checkedLevels = given.filter((value): value is number => typeof value === 'number');
  const checkedRequests = requests ?? sweepDefaults.requests;
  if (
    !isChoice(presets, preset) ||
    !isChoice(executionModels, model) ||
    checkedLevels.length !== given.length ||
    levelsProblem(checkedLevels) !== undefined ||
    typeof checkedRequests !== 'number' ||
    wholeNumberProblem(probeRequests, checkedRequests) !== undefined
  ) {
    return null;
  }
  return { preset, model, levels: checkedLevels, requests: checkedRequests };
}

interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

async function pickOne<T extends string>(
  choices: readonly Choice<T>[],
  current: T,
  what: string,
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
    title: `${title} (${step}/3): ${what}`,
    ignoreFocusOut: true,
  });
  return picked?.value;
}

async function pickLevels(): Promise<number[] | undefined> {
  const items: PickItem<readonly number[] | 'custom'>[] = [
    ...sweepLevelPresets.map((levels, index) => ({
      value: levels,
      label: levels.join(', '),
      description: index === 0 ? 'default' : undefined,
    })),
    { value: 'custom', label: 'Other levels…', detail: 'Type the clients per level, e.g. 1, 3, 10.' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: `${title} (3/3): clients per level`,
    ignoreFocusOut: true,
  });
  if (picked === undefined) {
    return undefined;
  }
  if (picked.value !== 'custom') {
    return [...picked.value];
  }
  const typed = await vscode.window.showInputBox({
    title: `${title} (3/3): clients per level`,
    prompt: 'Clients (requests in flight) per level, ascending, separated by commas.',
    value: sweepDefaults.levels.join(', '),
    ignoreFocusOut: true,
    validateInput: (text) => levelsProblem(parseLevels(text)),
  });
  return typed === undefined ? undefined : parseLevels(typed);
}

async function askSweepChoices(defaults: {
  preset: PresetName;
  model: ExecutionModel;
}): Promise<SweepChoices | undefined> {
  const preset = await pickOne(presets.choices, defaults.preset, 'scenario', 1);
  const model = preset && (await pickOne(executionModels.choices, defaults.model, 'execution model', 2));
  const levels = model && (await pickLevels());
  return preset && model && levels ? { preset, model, levels, requests: sweepDefaults.requests } : undefined;
}

export async function sweepConcurrencyCommand(
  model: LockDoctorModel,
  showPanel: (view?: PanelViewName) => void,
  args?: unknown,
): Promise<SweepResult | undefined> {
  const database = requireDatabase(model);
  if (!database || !requireTrust('Sweeping concurrency')) {
    return undefined;
  }
  const given = sweepChoicesOf(args);
  if (given === null) {
    void vscode.window.showErrorMessage(
      `${title} got arguments it does not understand; expected {preset, model, levels (ascending whole numbers), requests}.`,
    );
    return undefined;
  }
  const settings = readSettings(vscode.Uri.file(database.path)).probe;
  const choices = given ?? (await askSweepChoices(settings));
  if (!choices) {
    return undefined;
  }
  const begin = beginModeOf(settings.begin);
  const levelCount = choices.levels.length;
  const label = `Sweeping ${database.name}: the ${choices.preset} preset (${choices.model}) at ${choices.levels.join(', ')} clients…`;
  try {
    const result = await model.run(label, 'sweep', () =>
      vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: `SQLite Lock Doctor: ${label}`,
          cancellable: true,
        },
        (progress, token): Promise<SweepResult> => {
          const cancel = new AbortController();
          token.onCancellationRequested(() => cancel.abort());
          const fromPanel = model.onCancel(() => cancel.abort());
          return engineClient
            .sweep(
              {
                database: database.path,
                preset: choices.preset,
                model: choices.model,
                journal: settings.journal,
                busyTimeoutMs: settings.busyTimeoutMs,
                ...(begin ? { begin } : {}),
                levels: choices.levels,
                requests: choices.requests,
              },
              {
                signal: cancel.signal,
                onSweepLevel: (clients, index, level) => {
                  progress.report(
                    level === undefined
                      ? { message: `${clients} clients (level ${index + 1} of ${levelCount})…` }
                      : {
                          message: `${clients} clients: ${level.succeeded} of ${level.requests} succeeded`,
                          increment: 100 / levelCount,
                        },
                  );
                },
              },
            )
            .finally(() => {
              fromPanel.dispose();
            });
        },
      ),
    );
    model.setSweep(result);
    showPanel('headroom');
    const end =
      result.firstFailingClients === undefined
        ? 'every request succeeded at every level.'
        : `requests first failed at ${result.firstFailingClients} clients.`;
    void vscode.window.showInformationMessage(`Sweep of ${database.name}: ${end}`);
    return result;
  } catch (error) {
    void vscode.window.showErrorMessage(messageOf(error));
    return undefined;
  }
}
