// The code-hint corpus (test/fixtures/hints) as the in-host tests use it: a sample copied into the test
// workspace, and the lines its `expect-hint: <rule-id>` markers name (zero-based, as VS Code counts).
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { workspaceFolder } from './workspaceDatabase';

/** out/vscode-test/index.js -> the repository's test/fixtures/hints. */
const corpus = join(__dirname, '..', '..', 'test', 'fixtures', 'hints');

export function hintSample(ruleId: string, name: string): string {
  return join(corpus, ruleId, name);
}

/** Copies a sample into the workspace (as `target`, a path inside it) and returns its URI. */
export function copyHintSample(ruleId: string, name: string, target: string): vscode.Uri {
  const file = join(workspaceFolder(), target);
  mkdirSync(dirname(file), { recursive: true });
  copyFileSync(hintSample(ruleId, name), file);
  return vscode.Uri.file(file);
}

export function markedLines(ruleId: string, name: string): number[] {
  return readFileSync(hintSample(ruleId, name), 'utf8')
    .split('\n')
    .flatMap((line, index) => (new RegExp(`expect-hint:[^\\n]*\\b${ruleId}\\b`).test(line) ? [index] : []));
}

/** SQLite Lock Doctor's diagnostics on this file now. */
export function hintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'SQLite Lock Doctor');
}

export function codeOf(diagnostic: vscode.Diagnostic): { value: string; target: vscode.Uri } | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? { value: String(code.value), target: code.target } : undefined;
}

/** The code actions a user gets on this range (the file is opened first: providers need its text). */
export async function codeActionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  await vscode.workspace.openTextDocument(uri);
  return (
    (await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      range,
    )) ?? []
  );
}

/** The hovers' Markdown, with escaped punctuation read as text. */
export async function hoverTextAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ??
    [];
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
