// Follows changes made outside (another app switching to WAL, a -wal file appearing) by watching the
// database and its -wal, -shm and -journal files, and re-inspects; no connection is kept open.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LockDoctorModel } from './lockDoctorModel';

const settleMs = 400;
/** A busy app touches -wal/-shm constantly: inspect at most this often (each inspection is a process). */
const minimumIntervalMs = 2000;

export class DatabaseWatcher implements vscode.Disposable {
  private watcher: vscode.FileSystemWatcher | undefined;
  private watchedPath: string | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastRefresh = 0;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly model: LockDoctorModel) {
    this.subscription = model.onDidChange(() => this.follow(model.database?.path));
  }

  dispose(): void {
    this.subscription.dispose();
    this.stop();
  }

  private follow(file: string | undefined): void {
    if (file === this.watchedPath) {
      return;
    }
    this.stop();
    this.watchedPath = file;
    if (file === undefined) {
      return;
    }
    const pattern = new vscode.RelativePattern(
      vscode.Uri.file(path.dirname(file)),
      `${path.basename(file)}{,-wal,-shm,-journal}`,
    );
    this.watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const changed = () => this.scheduleRefresh();
    this.watcher.onDidChange(changed);
    this.watcher.onDidCreate(changed);
    this.watcher.onDidDelete(changed);
  }

  /** Several events arrive for one change (db, -wal, -shm): one inspection for the burst, throttled. */
  private scheduleRefresh(): void {
    if (this.timer !== undefined) {
      return;
    }
    const delay = Math.max(settleMs, this.lastRefresh + minimumIntervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastRefresh = Date.now();
      // The probe and the switch refresh by themselves when they end.
      if (this.model.busy === null) {
        void this.model.refresh();
      }
    }, delay);
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.watcher?.dispose();
    this.watcher = undefined;
    this.watchedPath = undefined;
  }
}
