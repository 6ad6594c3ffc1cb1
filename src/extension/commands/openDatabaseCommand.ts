import * as vscode from 'vscode';
import type { PanelViewName } from '../../shared/panelProtocol';
import type { LockDoctorModel } from '../lockDoctorModel';
import { fileOfUri, pickDatabase } from './pickDatabase';
import { showError } from '../notifications';

/** From the palette (quick pick) or the explorer's context menu (the clicked file). */
export async function openDatabaseCommand(
  model: LockDoctorModel,
  showPanel: (view?: PanelViewName) => void,
  uri?: unknown,
): Promise<void> {
  const file = uri instanceof vscode.Uri ? fileOfUri(uri) : await pickDatabase();
  if (file === undefined) {
    return;
  }
  const database = await model.open(file);
  if (database.problem !== undefined) {
    // Not a database we can diagnose (not SQLite, unreadable...): say why and keep nothing open.
    model.close();
    void showError(database.problem);
    return;
  }
  showPanel();
}
