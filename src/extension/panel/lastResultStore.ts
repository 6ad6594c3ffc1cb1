// The one place the last probe result, the last recording and the last sweep are kept across reloads: the workspace's
// storage. Not the webview's state: VS Code persists that asynchronously, and a reload right after a
// probe came back without the result (seen in the end-to-end tests); the webview keeps only its view
// state.
import type * as vscode from 'vscode';
import type { ProbeResult } from '../../engine/probe/probeTypes';
import type { Recording } from '../../engine/record/recordingTypes';
import type { SweepResult } from '../../engine/sweep/sweepTypes';
import { validateStoredRecording, validateStoredResult, validateStoredSweep } from './validatePanelMessage';

/** A 32-writer burst or an hour's capped recording is a few MB at most; far larger is not worth storing. */
const maxStoredChars = 4_000_000;

/** The last value of one kind, kept per workspace, recalled only for the database it belongs to. */
class LastStored<T> {
  constructor(
    private readonly storage: vscode.Memento,
    private readonly key: string,
    private readonly validate: (stored: unknown) => T | null,
    private readonly databaseOf: (value: T) => string,
  ) {}

  remember(value: T): void {
    const text = JSON.stringify(value);
    void this.storage.update(this.key, text.length <= maxStoredChars ? value : undefined);
  }

  /** The stored value when it belongs to this database and still has its shape. */
  recall(databasePath: string): T | null {
    const stored = this.validate(this.storage.get<unknown>(this.key));
    return stored !== null && this.databaseOf(stored) === databasePath ? stored : null;
  }
}

export class LastResultStore extends LastStored<ProbeResult> {
  constructor(storage: vscode.Memento) {
    super(storage, 'sqliteLockDoctor.lastResult', validateStoredResult, (result) => result.config.database);
  }
}

export class LastRecordingStore extends LastStored<Recording> {
  constructor(storage: vscode.Memento) {
    super(
      storage,
      'sqliteLockDoctor.lastRecording',
      validateStoredRecording,
      (recording) => recording.database,
    );
  }
}

export class LastSweepStore extends LastStored<SweepResult> {
  constructor(storage: vscode.Memento) {
    super(storage, 'sqliteLockDoctor.lastSweep', validateStoredSweep, (sweep) => sweep.database);
  }
}
