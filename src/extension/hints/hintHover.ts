// The hover on a hinted line: what was found, why it leads to "database is locked", the fix, and links to
// reproduce it with the probe (trusted workspaces only) and to its docs section.
import * as vscode from 'vscode';
import type { HintFinding, HintRuleInfo } from '../../engine/hints/hintTypes';
import {
  explainHintCommand,
  hintCommandLink,
  reproduceHintCommand,
  untrustedReproduceReason,
} from './hintCommands';
import { hintSource } from './hintDiagnostics';
import type { HintsController } from './hintsController';

export class HintHoverProvider implements vscode.HoverProvider {
  constructor(private readonly hints: HintsController) {}

  async provideHover(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<vscode.Hover | undefined> {
    const findings = this.hints.findingsAt(document.uri, position);
    if (findings.length === 0) {
      return undefined;
    }
    const parts: vscode.MarkdownString[] = [];
    for (const finding of findings) {
      parts.push(
        hintHoverText(finding, await this.hints.ruleInfo(finding.ruleId), vscode.workspace.isTrusted),
      );
    }
    return new vscode.Hover(parts);
  }
}

export function hintHoverText(
  finding: HintFinding,
  rule: HintRuleInfo | undefined,
  trusted: boolean,
): vscode.MarkdownString {
  const text = new vscode.MarkdownString(undefined, true);
  text.isTrusted = { enabledCommands: [reproduceHintCommand, explainHintCommand] };
  text.appendMarkdown(`**${hintSource}: `).appendText(finding.message).appendMarkdown('**\n\n');
  if (rule !== undefined) {
    if (rule.message !== finding.message) {
      text.appendText(rule.message).appendMarkdown('\n\n');
    }
    if (rule.scenario !== undefined) {
      text.appendMarkdown('*What happens:* ').appendText(rule.scenario.shows).appendMarkdown('\n\n');
    }
    text.appendMarkdown('*Fix:* ').appendText(rule.fix).appendMarkdown('\n\n');
  }
  const args = { ruleId: finding.ruleId };
  const links: string[] = [];
  if (rule?.scenario !== undefined) {
    links.push(
      trusted
        ? `[$(beaker) Reproduce with the probe](${hintCommandLink(reproduceHintCommand, args)})`
        : `$(beaker) ${untrustedReproduceReason}`,
    );
  }
  links.push(`[$(book) Explain](${hintCommandLink(explainHintCommand, args)})`);
  text.appendMarkdown(links.join(' · '));
  return text;
}
