// The one way the editor runs a probe scenario (a hint's, an explained error's): Run Concurrent-Write
// Probe on a scratch copy of the database open in the panel or, when none is open, on an empty scratch
// database in the extension's global storage; the timeline shows in the panel.
import * as vscode from 'vscode';
import type { HintScenario } from '../../engine/hints/hintTypes';
import { probeBusyTimeout } from '../../engine/options/timeLimits';
import { settingsForClient } from '../../engine/options/clientProfiles';
import type { ProbeResult } from '../../engine/probe/probeTypes';
import type { PanelViewName } from '../../shared/panelProtocol';
import type { LockDoctorModel } from '../lockDoctorModel';
import { runProbeCommand } from './runProbeCommand';

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

/** The caller checks workspace trust first (the probe writes a copy of the database). */
export async function runScenario(
  model: LockDoctorModel,
  showPanel: (view?: PanelViewName) => void,
  globalStorage: vscode.Uri,
  scenario: HintScenario,
): Promise<ProbeResult | undefined> {
  if (model.database === null) {
    await model.open(await scratchDatabase(globalStorage));
  }
  // A scenario that names a driver takes its defaults for what the scenario does not set.
  const driver = settingsForClient(scenario.client ?? 'none', {});
  return runProbeCommand(model, showPanel, {
    preset: scenario.preset,
    model: scenario.model,
    journal: 'keep',
    busyTimeoutMs: scenario.busyTimeoutMs ?? driver.busyTimeoutMs ?? probeBusyTimeout.default,
    begin: scenario.begin ?? driver.begin ?? 'preset',
    ...(scenario.client !== undefined ? { client: scenario.client } : {}),
  });
}
