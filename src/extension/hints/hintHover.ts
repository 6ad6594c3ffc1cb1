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

/** Markdown's punctuation escaped, spaces kept (appendText writes &nbsp;, which breaks words anywhere). */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/**
 * The hover under VS Code's own one for the diagnostic (which shows the finding's precise message): the
 * rule's message, what the probe shows, the fix, and the links.
 */
export function hintHoverText(
  finding: HintFinding,
  rule: HintRuleInfo | undefined,
  trusted: boolean,
): vscode.MarkdownString {
  const lines = [`**${hintSource}:** ${escapeMarkdown(rule?.message ?? finding.message)}`];
  if (rule?.scenario !== undefined) {
    lines.push(`*What happens:* ${escapeMarkdown(rule.scenario.shows)}`);
  }
  if (rule !== undefined) {
    lines.push(`*Fix:* ${escapeMarkdown(rule.fix)}`);
  }
  const args = { ruleId: finding.ruleId };
  const links: string[] = [];
  if (rule?.scenario !== undefined) {
    links.push(
      trusted
        ? `[$(beaker) Reproduce with the probe](${hintCommandLink(reproduceHintCommand, args)})`
        : `$(beaker) ${escapeMarkdown(untrustedReproduceReason)}`,
    );
  }
  links.push(`[$(book) Explain](${hintCommandLink(explainHintCommand, args)})`);
  lines.push(links.join(' · '));
  const text = new vscode.MarkdownString(lines.join('\n\n'), true);
  text.isTrusted = { enabledCommands: [reproduceHintCommand, explainHintCommand] };
  return text;
}
