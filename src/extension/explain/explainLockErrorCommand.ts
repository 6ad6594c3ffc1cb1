// "SQLite Lock Doctor: Explain a Lock Error…": the error text comes from the selection, else the
// clipboard when it holds a lock error, else an input box. The answer opens in the Markdown preview,
// with a notification offering "Reproduce with the probe" (in a trusted workspace: the probe writes a
// copy of a database). Explaining itself only reads text, so it works in Restricted Mode.
import * as vscode from 'vscode';
import { explainLockError, type LockErrorExplanation } from '../../engine/explain/explainLockError';
import { explainScenarios, type ExplainScenarioId } from '../../engine/explain/explainScenarios';
import type { ProbeResult } from '../../engine/probe/probeTypes';
import { explainHeadline } from '../../report/explain/explainFacts';
import { explainMarkdown } from '../../report/explain/explainMarkdown';
import type { PanelViewName } from '../../shared/panelProtocol';
import { requireTrust } from '../commands/requireDatabase';
import { runScenario } from '../commands/runScenario';
import type { LockDoctorModel } from '../lockDoctorModel';
import type { ExplainDocuments } from './explainDocuments';
import { maxExplainedChars } from './explainLimits';
import { showError, showInformation, showWarning } from '../notifications';

export const explainLockErrorCommandId = 'sqliteLockDoctor.explainLockError';
export const reproduceLockErrorCommandId = 'sqliteLockDoctor.reproduceLockError';

export type ExplainInput = 'selection' | 'clipboard' | 'input box';

export interface ExplainOutcome {
  readonly input: ExplainInput;
  readonly explanation: LockErrorExplanation;
  /** The Markdown page shown, when something was recognised. */
  readonly page?: vscode.Uri;
}

async function errorText(): Promise<{ input: ExplainInput; text: string } | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor !== undefined && editor.selections.some((selection) => !selection.isEmpty)) {
    const text = editor.selections
      .filter((selection) => !selection.isEmpty)
      .map((selection) => editor.document.getText(selection))
      .join('\n');
    return { input: 'selection', text };
  }
  const clipboard = (await vscode.env.clipboard.readText()).slice(0, maxExplainedChars);
  if (clipboard.trim() !== '' && explainLockError(clipboard).recognised) {
    return { input: 'clipboard', text: clipboard };
  }
  const typed = await vscode.window.showInputBox({
    title: 'Explain a Lock Error',
    prompt: 'Paste the error message or log line (or select it in an editor and run the command again)',
    placeHolder: 'sqlite3.OperationalError: database is locked',
    ignoreFocusOut: true,
  });
  return typed === undefined || typed.trim() === '' ? undefined : { input: 'input box', text: typed };
}

async function showPage(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}

export async function explainLockErrorCommand(
  documents: ExplainDocuments,
  reproduce: (scenario: ExplainScenarioId) => Thenable<unknown>,
): Promise<ExplainOutcome | undefined> {
  const found = await errorText();
  if (found === undefined) {
    return undefined;
  }
  const cut = found.text.length > maxExplainedChars;
  const explanation = explainLockError(cut ? found.text.slice(0, maxExplainedChars) : found.text);
  if (!explanation.recognised) {
    void showWarning(
      `SQLite Lock Doctor: ${explainHeadline(explanation)} Nothing is guessed: explain knows SQLite's own messages and codes and those of common drivers.`,
    );
    return { input: found.input, explanation };
  }
  const note = cut
    ? `\n> Only the first ${maxExplainedChars.toLocaleString('en')} characters were read; for a whole log run \`sqlite-lock-doctor explain --file LOG\`.\n`
    : '';
  const page = documents.add(explainMarkdown(explanation) + note);
  await showPage(page);
  const [first] = explanation.answers;
  const reproducible = explanation.answers.find((answer) => answer.scenario.reproduce !== undefined);
  const more = explanation.answers.length > 1 ? ` (and ${explanation.answers.length - 1} more)` : '';
  const actions =
    reproducible !== undefined && vscode.workspace.isTrusted ? ['Reproduce with the probe'] : [];
  void vscode.window
    .showInformationMessage(`SQLite Lock Doctor: ${first.scenario.title}${more}.`, ...actions)
    .then((chosen) =>
      chosen !== undefined && reproducible !== undefined
        ? reproduce(reproducible.scenario.id as ExplainScenarioId)
        : undefined,
    );
  return { input: found.input, explanation, page };
}

/** The hidden command behind "Reproduce with the probe": `{ scenario: "<id>" }`. */
export async function reproduceLockErrorCommand(
  model: LockDoctorModel,
  showPanel: (view?: PanelViewName) => void,
  globalStorage: vscode.Uri,
  args: unknown,
): Promise<ProbeResult | undefined> {
  const id =
    typeof args === 'object' && args !== null ? (args as { scenario?: unknown }).scenario : undefined;
  const scenario = explainScenarios.find((candidate) => candidate.id === id);
  if (scenario === undefined) {
    void showError(
      `Reproduce a lock error needs a scenario: {scenario: "${explainScenarios.map((known) => known.id).join('" | "')}"}.`,
    );
    return undefined;
  }
  if (!('reproduce' in scenario)) {
    void showInformation(`No preset reproduces "${scenario.title}" yet.`);
    return undefined;
  }
  if (!requireTrust('Reproducing a lock error with the probe')) {
    return undefined;
  }
  return runScenario(model, showPanel, globalStorage, scenario.reproduce);
}
