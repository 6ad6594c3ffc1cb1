// Show Lock Holders and Checkpoint Now.
import type { PanelViewName } from '../../shared/panelProtocol';
import { engineClient } from '../engineClient';
import type { LiveLockWatcher } from '../liveLockWatcher';
import { messageOf, type LockDoctorModel } from '../lockDoctorModel';
import { requireDatabase, requireTrust } from './requireDatabase';
import { showError, showInformation, showWarning } from '../notifications';

export async function showLockHoldersCommand(
  model: LockDoctorModel,
  watcher: LiveLockWatcher,
  showPanel: (view?: PanelViewName) => void,
): Promise<void> {
  if (!requireDatabase(model)) {
    return;
  }
  showPanel('locks');
  await watcher.readNow();
}

/** PASSIVE: copies what it can without waiting for readers or writers, and says how far it got. */
export async function checkpointCommand(model: LockDoctorModel, args?: unknown): Promise<void> {
  const database = requireDatabase(model);
  if (!database || !requireTrust('A checkpoint')) {
    return;
  }
  if (model.journalMode() !== 'wal') {
    void showInformation(`${database.name} is not in WAL mode: there is nothing to checkpoint.`);
    return;
  }
  const skipConfirmation =
    typeof args === 'object' &&
    args !== null &&
    (args as { skipConfirmation?: unknown }).skipConfirmation === true;
  const confirm = 'Checkpoint';
  if (!skipConfirmation) {
    const answer = await showWarning(
      `Checkpoint ${database.name} now?`,
      {
        modal: true,
        detail: `SQLite copies the pages in ${database.name}-wal into ${database.name} (PASSIVE: it waits for no reader or writer, and stops at the oldest snapshot a reader still uses). The data does not change.`,
      },
      confirm,
    );
    if (answer !== confirm) {
      return;
    }
  }
  try {
    const result = await model.run(`Checkpointing ${database.name}…`, 'checkpoint', () =>
      engineClient.checkpoint(database.path),
    );
    const notice =
      `Checkpoint of ${database.name}: ${result.checkpointed} of ${result.log} WAL frames copied into the database` +
      (result.busy ? '; a reader or writer kept it from finishing (busy).' : '.');
    model.setNotice(notice);
    void showInformation(notice);
  } catch (error) {
    void showError(messageOf(error));
  } finally {
    await model.refresh();
  }
}
