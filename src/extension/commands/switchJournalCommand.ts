// Switch to WAL / Switch to DELETE: a modal confirmation that says what changes, then the result or the
// one-sentence reason it could not switch.
import type { JournalTarget } from '../../engine/options/journalModes';
import { engineClient } from '../engineClient';
import { messageOf, type LockDoctorModel } from '../lockDoctorModel';
import { readSettings } from '../settings';
import { requireDatabase, requireTrust } from './requireDatabase';
import { showError, showInformation, showWarning } from '../notifications';

const consequences: Record<JournalTarget, (name: string) => string> = {
  wal: (name) =>
    `SQLite stores the mode in ${name} itself, so every app that opens it gets WAL until it is switched back. ` +
    `While connections are open, two files appear beside it: ${name}-wal and ${name}-shm. ` +
    'Readers stop blocking the writer. WAL needs every process on the same machine: not on a network filesystem (NFS, SMB). ' +
    'The switch needs every other connection to be closed.',
  delete: (name) =>
    `SQLite checkpoints ${name}-wal into ${name} and stores rollback mode in the file; -wal and -shm go away. ` +
    'Readers will block the writer again while it commits. The switch needs every other connection to be closed.',
};

/** Arguments a keybinding or another extension may pass; the palette passes none. */
export interface SwitchJournalArguments {
  skipConfirmation?: boolean;
}

export async function switchJournalCommand(
  model: LockDoctorModel,
  target: JournalTarget,
  args?: unknown,
): Promise<void> {
  const database = requireDatabase(model);
  if (!database || !requireTrust(`Switching to ${target.toUpperCase()}`)) {
    return;
  }
  const upper = target.toUpperCase();
  if (model.journalMode() === target) {
    void showInformation(`${database.name} is already in ${upper} mode.`);
    return;
  }
  const skipConfirmation =
    typeof args === 'object' && args !== null && (args as SwitchJournalArguments).skipConfirmation === true;
  const confirm = `Switch to ${upper}`;
  if (!skipConfirmation) {
    const answer = await showWarning(
      `Switch ${database.name} to ${upper}?`,
      { modal: true, detail: consequences[target](database.name) },
      confirm,
    );
    if (answer !== confirm) {
      return;
    }
  }
  try {
    const result = await model.run(`Switching ${database.name} to ${upper}…`, 'switch', () =>
      engineClient.switchJournal(database.path, target, readSettings().journalSwitchBusyTimeoutMs),
    );
    const notice = `Switched ${database.name} from ${result.from.toUpperCase()} to ${result.to.toUpperCase()}.`;
    model.setNotice(notice);
    void showInformation([notice, ...result.warnings].join(' '));
  } catch (error) {
    void showError(messageOf(error));
  } finally {
    await model.refresh();
  }
}
