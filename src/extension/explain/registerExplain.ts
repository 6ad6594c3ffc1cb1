// "Explain a Lock Error…" and its hidden "Reproduce" command, each registered as a disposable.
import * as vscode from 'vscode';
import type { PanelViewName } from '../../shared/panelProtocol';
import type { LockDoctorModel } from '../lockDoctorModel';
import { ExplainDocuments, explainScheme } from './explainDocuments';
import {
  explainLockErrorCommand,
  explainLockErrorCommandId,
  reproduceLockErrorCommand,
  reproduceLockErrorCommandId,
} from './explainLockErrorCommand';

export function registerExplain(
  context: vscode.ExtensionContext,
  model: LockDoctorModel,
  showPanel: (view?: PanelViewName) => void,
): void {
  const documents = new ExplainDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(explainScheme, documents),
    vscode.commands.registerCommand(explainLockErrorCommandId, () =>
      explainLockErrorCommand(documents, (scenario) =>
        vscode.commands.executeCommand(reproduceLockErrorCommandId, { scenario }),
      ),
    ),
    vscode.commands.registerCommand(reproduceLockErrorCommandId, (args?: unknown) =>
      reproduceLockErrorCommand(model, showPanel, context.globalStorageUri, args),
    ),
  );
}
