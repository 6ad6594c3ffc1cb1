// "Reproduce with the probe": runs the rule's scenario as every scenario runs from the editor
// (../commands/runScenario.ts) and shows the timeline in the panel.
import * as vscode from 'vscode';
import type { ProbeResult } from '../../engine/probe/probeTypes';
import type { PanelViewName } from '../../shared/panelProtocol';
import { requireTrust } from '../commands/requireDatabase';
import { runScenario } from '../commands/runScenario';
import type { LockDoctorModel } from '../lockDoctorModel';
import { hintCommandArgs } from './hintCommands';
import type { HintsController } from './hintsController';
import { showError } from '../notifications';

export async function reproduceHintCommand(
  hints: HintsController,
  model: LockDoctorModel,
  showPanel: (view?: PanelViewName) => void,
  globalStorage: vscode.Uri,
  args: unknown,
): Promise<ProbeResult | undefined> {
  const parsed = hintCommandArgs(args);
  if (parsed === undefined) {
    void showError('Reproduce with the probe needs a rule id: {ruleId: "…"}.');
    return undefined;
  }
  if (!requireTrust('Reproducing a hint with the probe')) {
    return undefined;
  }
  const scenario = (await hints.ruleInfo(parsed.ruleId))?.scenario;
  if (scenario === undefined) {
    void showError(`No probe scenario reproduces ${parsed.ruleId}.`);
    return undefined;
  }
  return runScenario(model, showPanel, globalStorage, scenario);
}
