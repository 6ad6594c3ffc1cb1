// A finding as VS Code shows it in the editor and the Problems view: source "SQLite Lock Doctor", the
// rule id as a code that links to its docs section, warning or information (never an error: the code
// may be right, the hint only says where "database is locked" usually comes from).
import * as vscode from 'vscode';
import type { HintFinding, HintSeverity, SourceRange } from '../../engine/hints/hintTypes';
import type { HintDocs } from './hintDocs';

export const hintSource = 'SQLite Lock Doctor';

const severities: Readonly<Record<HintSeverity, vscode.DiagnosticSeverity>> = {
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export function vscodeRange(range: SourceRange): vscode.Range {
  return new vscode.Range(range.startLine, range.startColumn, range.endLine, range.endColumn);
}

export function hintDiagnostic(finding: HintFinding, docs: HintDocs): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(
    vscodeRange(finding.range),
    finding.message,
    severities[finding.severity],
  );
  diagnostic.source = hintSource;
  diagnostic.code = { value: finding.ruleId, target: docs.lineLink(finding.ruleId) };
  return diagnostic;
}

/** The rule id of one of our diagnostics (as a provider gets it back in its context), else undefined. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== hintSource) {
    return undefined;
  }
  const code = diagnostic.code;
  return typeof code === 'object' && typeof code.value === 'string' ? code.value : undefined;
}
