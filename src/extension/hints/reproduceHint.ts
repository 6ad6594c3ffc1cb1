// "Reproduce with the probe": runs the rule's scenario through Run Concurrent-Write Probe (on a scratch
// copy of the database open in the panel, or, when none is open, on an empty scratch database in the
// extension's global storage) and shows the timeline in the panel.
import * as vscode from 'vscode';
import { probeBusyTimeout } from '../../engine/options/timeLimits';
import type { ProbeResult } from '../../engine/probe/probeTypes';
import type { PanelViewName } from '../../shared/panelProtocol';
import { requireTrust } from '../commands/requireDatabase';
import { runProbeCommand } from '../commands/runProbeCommand';
import type { LockDoctorModel } from '../lockDoctorModel';
import { hintCommandArgs } from './hintCommands';
import type { HintsController } from './hintsController';

/** A 0-byte file is a valid empty database; the probe works on a copy of it and adds its own table. */
async function scratchDatabase(globalStorage: vscode.Uri): Promise<string> {
  await vscode.workspace.fs.createDirectory(globalStorage);
  const scratch = vscode.Uri.joinPath(globalStorage, 'hint-scenarios.db');
  try {
    await vscode.workspace.fs.stat(scratch);
  } catch {
    await vscode.workspace.fs.writeFile(scratch, new Uint8Array());
  }
  return scratch.fsPath;
}

export async function reproduceHintCommand(
  hints: HintsController,
  model: LockDoctorModel,
  showPanel: (view?: PanelViewName) => void,
  globalStorage: vscode.Uri,
  args: unknown,
): Promise<ProbeResult | undefined> {
  const parsed = hintCommandArgs(args);
  if (parsed === undefined) {
    void vscode.window.showErrorMessage('Reproduce with the probe needs a rule id: {ruleId: "…"}.');
    return undefined;
  }
  if (!requireTrust('Reproducing a hint with the probe')) {
    return undefined;
  }
  const scenario = (await hints.ruleInfo(parsed.ruleId))?.scenario;
  if (scenario === undefined) {
    void vscode.window.showErrorMessage(`No probe scenario reproduces ${parsed.ruleId}.`);
    return undefined;
  }
  if (model.database === null) {
    await model.open(await scratchDatabase(globalStorage));
  }
  return runProbeCommand(model, showPanel, {
    preset: scenario.preset,
    model: scenario.model,
    journal: 'keep',
    busyTimeoutMs: scenario.busyTimeoutMs ?? probeBusyTimeout.default,
    begin: scenario.begin ?? 'preset',
  });
}
