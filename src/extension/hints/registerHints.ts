// Code hints in the editor: the diagnostics' controller, the hover, the code actions and the commands,
// each registered as a disposable of the extension.
import * as vscode from 'vscode';
import type { PanelViewName } from '../../shared/panelProtocol';
import type { LockDoctorModel } from '../lockDoctorModel';
import { readSettings } from '../settings';
import {
  explainHintCommand,
  hintCommandArgs,
  reproduceHintCommand,
  scanForHintsCommand,
} from './hintCommands';
import { HintCodeActionProvider } from './hintCodeActions';
import { HintDocs } from './hintDocs';
import { HintHoverProvider } from './hintHover';
import { HintsController, type ScanSummary } from './hintsController';
import { reproduceHintCommand as reproduceHint } from './reproduceHint';
import { showInformation } from '../notifications';

const anyFile: vscode.DocumentSelector = { scheme: 'file' };

export function registerHints(
  context: vscode.ExtensionContext,
  model: LockDoctorModel,
  showPanel: (view?: PanelViewName) => void,
): HintsController {
  const docs = new HintDocs(context.extensionUri);
  const hints = new HintsController(docs);
  context.subscriptions.push(
    hints,
    vscode.languages.registerHoverProvider(anyFile, new HintHoverProvider(hints)),
    vscode.languages.registerCodeActionsProvider(
      anyFile,
      new HintCodeActionProvider(hints),
      HintCodeActionProvider.metadata,
    ),
    vscode.commands.registerCommand(reproduceHintCommand, (args?: unknown) =>
      reproduceHint(hints, model, showPanel, context.globalStorageUri, args),
    ),
    vscode.commands.registerCommand(explainHintCommand, async (args?: unknown) => {
      const parsed = hintCommandArgs(args);
      if (parsed !== undefined) {
        await docs.explain(parsed.ruleId);
      }
    }),
    vscode.commands.registerCommand(scanForHintsCommand, () => scanCommand(hints)),
  );
  hints.start();
  return hints;
}

async function scanCommand(hints: HintsController): Promise<ScanSummary | undefined> {
  if (!readSettings().hints.enabled) {
    void showInformation(
      'Code hints are off: turn on the setting sqliteLockDoctor.hints.enabled to scan for lock hazards.',
    );
    return undefined;
  }
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: 'Scanning for lock hazards' },
    () => hints.refreshAll(),
  );
  const hazards = summary.findings === 1 ? '1 lock hazard' : `${summary.findings} lock hazards`;
  const files = summary.files === 1 ? '1 file' : `${summary.files} files`;
  void showInformation(
    `SQLite Lock Doctor: ${hazards} in ${files} (${summary.filesScanned} source files scanned).`,
  );
  if (summary.findings > 0) {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
  return summary;
}
