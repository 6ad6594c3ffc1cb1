// The one place the last probe result is kept across reloads: the workspace's storage. Not the
// webview's state: VS Code persists that asynchronously, and a reload right after a probe came back
// without the result (seen in the end-to-end tests); the webview keeps only its view state.
import type * as vscode from 'vscode';
import type { ProbeResult } from '../../engine/probe/probeTypes';
import { validateStoredResult } from './validatePanelMessage';

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
    const stored = validateStoredResult(this.storage.get<unknown>(key));
    return stored !== null && stored.config.database === databasePath ? stored : null;
  }
}
