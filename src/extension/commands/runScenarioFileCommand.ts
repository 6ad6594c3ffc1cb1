// SQLite Lock Doctor: Run Scenario File: from a *.lockprobe.json's editor title or context menu (the
// file given), or the palette (the active one, else a pick); the database open in the panel, else a pick.
import * as vscode from 'vscode';
import type { ProbeResult } from '../../engine/probe/probeTypes';
import type { PanelViewName } from '../../shared/panelProtocol';
import type { LockDoctorModel } from '../lockDoctorModel';
import { pickDatabase } from './pickDatabase';
import { requireTrust } from './requireDatabase';
import { loadScenarioFile, runScenarioFile } from './runScenario';

export const scenarioFileSuffix = '.lockprobe.json';

function isScenarioFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith(scenarioFileSuffix);
}

async function pickScenarioFile(): Promise<vscode.Uri | undefined> {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && isScenarioFile(active)) {
    return active;
  }
  const found = await vscode.workspace.findFiles(`**/*${scenarioFileSuffix}`, '**/node_modules/**', 200);
  const browse = { label: '$(folder-opened) Browse…', description: 'a file outside the list' };
  const items = [...found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri, true), uri })), browse];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'SQLite Lock Doctor: Run Scenario File',
    placeHolder: found.length > 0 ? 'Choose a scenario file' : 'No *.lockprobe.json in the workspace: browse',
  });
  if (picked === undefined) {
    return undefined;
  }
  if ('uri' in picked) {
    return picked.uri;
  }
  const chosen = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Run Scenario',
    filters: { 'Scenario files': ['json'] },
  });
  return chosen?.[0];
}

export async function runScenarioFileCommand(
  model: LockDoctorModel,
  showPanel: (view?: PanelViewName) => void,
  given?: unknown,
): Promise<ProbeResult | undefined> {
  if (!requireTrust('Running a scenario file')) {
    return undefined;
  }
  const file = given instanceof vscode.Uri ? given : await pickScenarioFile();
  if (!file) {
    return undefined;
  }
  // Checked before anything else is asked: a wrong file is one sentence, and nothing runs.
  const scenario = await loadScenarioFile(file);
  if (!scenario) {
    return undefined;
  }
  if (model.database === null) {
    const database = await pickDatabase();
    if (!database) {
      return undefined;
    }
    await model.open(database);
  }
  return runScenarioFile(model, showPanel, scenario);
}
