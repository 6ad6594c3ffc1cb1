import * as vscode from 'vscode';
import type { DatabaseFacts } from '../../shared/panelProtocol';
import type { LockDoctorModel } from '../lockDoctorModel';
import { showInformation, showWarning } from '../notifications';

/** The open database, or a sentence saying how to open one. */
export function requireDatabase(model: LockDoctorModel): DatabaseFacts | undefined {
  if (!model.database) {
    void showInformation('Open a database first: SQLite Lock Doctor: Open Database…');
    return undefined;
  }
  return model.database;
}

/** Writing to a file (a journal switch, a probe) needs a trusted workspace; inspection does not. */
export function requireTrust(action: string): boolean {
  if (!vscode.workspace.isTrusted) {
    void showWarning(
      `${action} needs a trusted workspace; in an untrusted workspace SQLite Lock Doctor only inspects.`,
    );
    return false;
  }
  return true;
}
