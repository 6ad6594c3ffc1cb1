// Keeps "who holds the lock" fresh while someone looks: the panel is visible or the status bar shows
// the open database, and VS Code has focus. Each read runs in an engine process (it scans /proc), so an
// unfocused or idle window costs nothing.
import * as vscode from 'vscode';
import { engineClient } from './engineClient';
import type { LockDoctorModel } from './lockDoctorModel';
import { readSettings } from './settings';

/** While a probe runs (a few seconds): often enough to catch a 100 ms transaction now and then. */
const probeIntervalMs = 250;

export class LockPoller implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private timerInterval = 0;
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

  /** How soon to read again, or undefined when nobody needs it. */
  private interval(): number | undefined {
    const interval = readSettings().lockPollIntervalMs;
    if (interval === 0 || this.model.database === null) {
      return undefined;
    }
    // A probe is short and asked for: its sessions' locks are read often enough to see each transaction.
    if (this.model.probeWatch !== null) {
      return probeIntervalMs;
    }
    return vscode.window.state.focused && this.someoneLooks() ? interval : undefined;
  }

  private reschedule(): void {
    const interval = this.interval();
    if (this.timer !== undefined && interval !== undefined && interval < this.timerInterval) {
      // A probe started while a slow read was pending: read at the probe's pace from now on.
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.timer !== undefined || this.reading || interval === undefined) {
      return;
    }
    this.timerInterval = interval;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.readOnce().finally(() => this.reschedule());
    }, interval);
  }

  private async readOnce(): Promise<void> {
    const watch = this.model.probeWatch;
    if (watch === null) {
      await this.readNow();
      return;
    }
    this.reading = true;
    try {
      this.model.setProbeLocks(await engineClient.locks(watch.target));
    } catch {
      // The scratch copy is gone: the probe has ended.
    } finally {
      this.reading = false;
    }
  }
}
