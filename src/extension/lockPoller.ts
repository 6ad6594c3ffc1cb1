// Keeps "who holds the lock" fresh while someone looks: the panel is visible or the status bar shows
// the open database, and VS Code has focus. Each read runs in an engine process (it scans /proc), so an
// unfocused or idle window costs nothing.
import * as vscode from 'vscode';
import { engineClient } from './engineClient';
import type { LockDoctorModel } from './lockDoctorModel';
import { readSettings } from './settings';

export class LockPoller implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private reading = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly model: LockDoctorModel,
    private readonly someoneLooks: () => boolean,
    lookersChanged: vscode.Event<void>,
  ) {
    this.subscriptions.push(
      lookersChanged(() => this.reschedule()),
      vscode.window.onDidChangeWindowState(() => this.reschedule()),
      model.onDidChange(() => this.reschedule()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sqliteLockDoctor')) {
          this.reschedule();
        }
      }),
    );
    this.reschedule();
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
  }

  /** Reads now (Show Lock Holders), whatever the focus. */
  async readNow(): Promise<void> {
    const database = this.model.database;
    if (!database || this.reading) {
      return;
    }
    this.reading = true;
    try {
      const report = await engineClient.locks(database.path);
      if (this.model.database?.path === database.path) {
        this.model.setLocks(report);
      }
    } catch {
      // The file went away or cannot be read: inspection says why; keep the last table out of sight.
      this.model.setLocks(null);
    } finally {
      this.reading = false;
    }
  }

  private active(): boolean {
    const interval = readSettings().lockPollIntervalMs;
    return interval > 0 && this.model.database !== null && vscode.window.state.focused && this.someoneLooks();
  }

  private reschedule(): void {
    if (this.timer !== undefined || !this.active()) {
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.active()) {
        void this.readNow().finally(() => this.reschedule());
      }
    }, readSettings().lockPollIntervalMs);
  }
}
