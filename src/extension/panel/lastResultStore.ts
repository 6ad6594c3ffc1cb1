// The last probe result of each database, kept in the workspace's storage as well as in the webview's
// own state: VS Code persists a webview's state asynchronously, and a reload right after a probe can
// come back with an older state (seen in the end-to-end tests).
import type * as vscode from 'vscode';
import type { ProbeResult } from '../../engine/probe/probeTypes';
import { validateSavedState } from './validatePanelMessage';

const key = 'sqliteLockDoctor.lastResult';
/** A 32-writer burst is a few hundred KB; anything far larger is not worth the storage. */
const maxStoredChars = 4_000_000;

export class LastResultStore {
  constructor(private readonly storage: vscode.Memento) {}

  remember(result: ProbeResult): void {
    const text = JSON.stringify(result);
    void this.storage.update(key, text.length <= maxStoredChars ? result : undefined);
  }

  /** The stored result when it belongs to this database and still has the result's shape. */
  recall(databasePath: string): ProbeResult | null {
    const stored = validateSavedState({
      databasePath,
      lastResult: this.storage.get<unknown>(key),
    }).lastResult;
    return stored !== null && stored.config.database === databasePath ? stored : null;
  }
}
