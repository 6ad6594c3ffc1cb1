// VS Code turns `[text](https:…)`, `[text](command:…)` and `[text](file:…)` in a notification's message
// into links, and runs a command link when it is clicked. A message names files and quotes SQLite and
// other programs: every notification of the extension goes through these, which make it plain text
// (plainMessage.ts).
import * as vscode from 'vscode';
import { plainMessage } from './plainMessage';

type Show = typeof vscode.window.showInformationMessage;

/** The same function, with its message made plain (all three share one set of overloads). */
function plain(show: Show): Show {
  return ((message: string, ...rest: never[]) => show(plainMessage(message), ...rest)) as Show;
}

export const showInformation = plain(vscode.window.showInformationMessage);
export const showWarning = plain(vscode.window.showWarningMessage);
export const showError = plain(vscode.window.showErrorMessage);
