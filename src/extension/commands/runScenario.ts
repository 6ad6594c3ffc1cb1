// The one way the editor runs a probe scenario: a preset's (a hint's, an explained error's) or a scenario
// file's (*.lockprobe.json). Run Concurrent-Write Probe runs it on a scratch copy of the database open in
// the panel or, for a preset when none is open, on an empty scratch database in the extension's global
// storage; the timeline shows in the panel.
import * as vscode from 'vscode';
import type { HintScenario } from '../../engine/hints/hintTypes';
import { probeBusyTimeout } from '../../engine/options/timeLimits';
import { settingsForClient } from '../../engine/options/clientProfiles';
import type { ProbeResult } from '../../engine/probe/probeTypes';
import type { LoadedScenario } from '../../engine/scenario/scenarioPlans';
import type { PanelViewName } from '../../shared/panelProtocol';
import { engineClient } from '../engineClient';
import { messageOf, type LockDoctorModel } from '../lockDoctorModel';
import { readSettings } from '../settings';
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

/** The file's text as the editor has it (unsaved edits included), else as it is on disk. */
async function scenarioText(file: vscode.Uri): Promise<string> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === file.toString());
  return open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
}

/** Reads and checks the file (one sentence when it is wrong), or undefined after saying why. */
export async function loadScenarioFile(file: vscode.Uri): Promise<LoadedScenario | undefined> {
  try {
    return await engineClient.readScenario(await scenarioText(file), file.fsPath);
  } catch (error) {
    void vscode.window.showErrorMessage(messageOf(error));
    return undefined;
  }
}

/**
 * A scenario file on the database open in the panel; the caller checks workspace trust and opens a
 * database first. The file's model, journal and busy timeout, else the probe settings'.
 */
export async function runScenarioFile(
  model: LockDoctorModel,
  showPanel: (view?: PanelViewName) => void,
  scenario: LoadedScenario,
): Promise<ProbeResult | undefined> {
  const database = model.database;
  if (database === null) {
    return undefined;
  }
  const settings = readSettings(vscode.Uri.file(database.path)).probe;
  return runProbeCommand(
    model,
    showPanel,
    {
      preset: settings.preset,
      model: scenario.scenario.model ?? settings.model,
      journal: scenario.scenario.journal ?? settings.journal,
      busyTimeoutMs: scenario.scenario.busyTimeoutMs ?? settings.busyTimeoutMs,
      begin: 'preset',
    },
    scenario,
  );
}
