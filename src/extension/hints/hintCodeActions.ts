// Code actions on a hinted range: the rule's quick fix as an edit the user applies, "Reproduce with the
// probe" (disabled, with the reason, in Restricted Mode) and "Explain" (the docs section).
import * as vscode from 'vscode';
import type { HintEdit } from '../../engine/hints/hintTypes';
import {
  explainHintCommand,
  hintCommand,
  reproduceHintCommand,
  untrustedReproduceReason,
} from './hintCommands';
import { ruleIdOf, vscodeRange } from './hintDiagnostics';
import type { HintsController } from './hintsController';

export class HintCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  };

  constructor(private readonly hints: HintsController) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    for (const finding of this.hints.findingsAt(document.uri, range)) {
      const diagnostics = context.diagnostics.filter(
        (diagnostic) =>
          ruleIdOf(diagnostic) === finding.ruleId && diagnostic.range.isEqual(vscodeRange(finding.range)),
      );
      if (finding.quickFix !== undefined && this.hints.matchesText(document)) {
        actions.push(quickFixAction(document.uri, finding.quickFix, diagnostics));
      }
      const args = { ruleId: finding.ruleId };
      if ((await this.hints.ruleInfo(finding.ruleId))?.scenario !== undefined) {
        const reproduce = new vscode.CodeAction('Reproduce with the probe', vscode.CodeActionKind.QuickFix);
        reproduce.command = hintCommand(reproduceHintCommand, reproduce.title, args);
        reproduce.diagnostics = diagnostics;
        if (!vscode.workspace.isTrusted) {
          reproduce.disabled = { reason: untrustedReproduceReason };
        }
        actions.push(reproduce);
      }
      const explain = new vscode.CodeAction(`Explain ${finding.ruleId}`, vscode.CodeActionKind.QuickFix);
      explain.command = hintCommand(explainHintCommand, explain.title, args);
      explain.diagnostics = diagnostics;
      actions.push(explain);
    }
    return actions;
  }
}

function quickFixAction(uri: vscode.Uri, fix: HintEdit, diagnostics: vscode.Diagnostic[]): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  action.edit.replace(uri, vscodeRange(fix.range), fix.newText);
  action.diagnostics = diagnostics;
  action.isPreferred = true;
  return action;
}
