// The commands a hint's hover and code actions run, with their arguments: one place for the ids.
import * as vscode from 'vscode';

export const reproduceHintCommand = 'sqliteLockDoctor.reproduceHint';
export const explainHintCommand = 'sqliteLockDoctor.explainHint';
export const scanForHintsCommand = 'sqliteLockDoctor.scanWorkspaceForHints';

export interface HintCommandArgs {
  ruleId: string;
}

/** The argument a script, a hover link or a code action passes, if it is one. */
export function hintCommandArgs(value: unknown): HintCommandArgs | undefined {
  if (typeof value === 'object' && value !== null && typeof (value as HintCommandArgs).ruleId === 'string') {
    return { ruleId: (value as HintCommandArgs).ruleId };
  }
  return undefined;
}

export function hintCommand(command: string, title: string, args: HintCommandArgs): vscode.Command {
  return { command, title, arguments: [args] };
}

/** A `command:` link for a trusted Markdown hover. */
export function hintCommandLink(command: string, args: HintCommandArgs): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([args]))}`;
}

export const untrustedReproduceReason =
  'Reproducing runs the probe, which needs a trusted workspace (Restricted Mode only reads).';
