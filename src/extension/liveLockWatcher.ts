// Keeps "who holds the lock" fresh while someone looks (the panel is visible or the status bar shows
// the open database, and VS Code has focus) and while a probe runs (its target, every 250 ms). One
// long-lived lock watcher process reads them all on its timers and streams the readings here; it is
// started when the first file needs watching and stopped when none does, so an unfocused or idle
// window runs no process at all. It reads /proc only and never holds an SQLite connection.
import * as vscode from 'vscode';
import type { FromLockWatcher, LockWatcherStats } from '../engine/process/lockWatcherProtocol';
import { type LockWatcherProcess, startLockWatcher } from '../engine/process/startLockWatcher';
import type { LockDoctorModel } from './lockDoctorModel';
import { readSettings } from './settings';

/** While a probe runs (a few seconds): often enough to catch a 100 ms transaction now and then. */
const probeIntervalMs = 250;
/** After the watcher ended by itself: wait this long before starting another (no restart loop). */
const restartDelayMs = 1000;

export class LiveLockWatcher implements vscode.Disposable {
  private watcher: LockWatcherProcess | undefined;
  /** What the running watcher was asked to watch: file -> interval. */
  private watched = new Map<string, number>();
  private readonly pendingReads = new Map<string, (() => void)[]>();
  private restartTimer: NodeJS.Timeout | undefined;
  private disposed = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The latest stats the watcher sent (for the in-host tests and the benchmark's figures). */
  lastStats: LockWatcherStats | undefined;

  constructor(
    private readonly model: LockDoctorModel,
    private readonly someoneLooks: () => boolean,
    lookersChanged: vscode.Event<void>,
  ) {
    this.subscriptions.push(
      lookersChanged(() => this.reconcile()),
      vscode.window.onDidChangeWindowState(() => this.reconcile()),
      model.onDidChange(() => this.reconcile()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sqliteLockDoctor')) {
          this.reconcile();
        }
      }),
    );
    this.reconcile();
  }

  /** The watcher process's PID while it runs. */
  get pid(): number | undefined {
    return this.watcher?.pid;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.restartTimer);
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    this.stop();
  }

  /** One reading of the open database now, whatever the focus (Show Lock Holders). */
  async readNow(): Promise<void> {
    const database = this.model.database;
    if (!database || this.disposed) {
      return;
    }
    const read = new Promise<void>((resolve) => {
      this.pendingReads.set(database.path, [...(this.pendingReads.get(database.path) ?? []), resolve]);
    });
    this.ensureWatcher().send({ type: 'read', file: database.path });
    await read;
    this.reconcile();
  }

  /** What should be watched now, file -> interval. */
  private wanted(): Map<string, number> {
    const wanted = new Map<string, number>();
    const interval = readSettings().lockPollIntervalMs;
    const database = this.model.database;
    if (interval > 0 && database && vscode.window.state.focused && this.someoneLooks()) {
      wanted.set(database.path, interval);
    }
    // A probe is short and asked for: its sessions' locks are read often enough to see each transaction.
    const probe = this.model.probeWatch;
    if (interval > 0 && probe !== null) {
      wanted.set(probe.target, Math.min(probeIntervalMs, wanted.get(probe.target) ?? probeIntervalMs));
    }
    return wanted;
  }

  private reconcile(): void {
    if (this.disposed || this.restartTimer !== undefined) {
      return;
    }
    const wanted = this.wanted();
    if (wanted.size === 0 && this.pendingReads.size === 0) {
      this.stop();
      return;
    }
    if (wanted.size === 0) {
      return; // A one-off reading is on its way; stop once it has arrived.
    }
    const watcher = this.ensureWatcher();
    for (const [file, intervalMs] of wanted) {
      if (this.watched.get(file) !== intervalMs) {
        watcher.send({ type: 'watch', file, intervalMs });
        this.watched.set(file, intervalMs);
      }
    }
    for (const file of [...this.watched.keys()]) {
      if (!wanted.has(file)) {
        watcher.send({ type: 'unwatch', file });
        this.watched.delete(file);
      }
    }
  }

  private ensureWatcher(): LockWatcherProcess {
    if (this.watcher === undefined) {
      const watcher = startLockWatcher(
        (message) => this.received(message),
        () => {
          if (this.watcher !== watcher) {
            return; // Stopped on purpose.
          }
          // Ended by itself: forget it, answer waiting reads, and start again a little later if needed.
          this.watcher = undefined;
          this.watched.clear();
          this.settleReads();
          this.restartTimer = setTimeout(() => {
            this.restartTimer = undefined;
            this.reconcile();
          }, restartDelayMs);
        },
      );
      this.watcher = watcher;
    }
    return this.watcher;
  }

  private stop(): void {
    const watcher = this.watcher;
    this.watcher = undefined;
    this.watched.clear();
    watcher?.stop();
    this.settleReads();
  }

  private received(message: FromLockWatcher): void {
    this.lastStats = message.stats;
    const isDatabase = this.model.database?.path === message.file;
    if (message.type === 'reading') {
      if (isDatabase) {
        this.model.setLocks(message.report);
      }
      if (this.model.probeWatch?.target === message.file) {
        this.model.setProbeLocks(message.report);
      }
    } else if (isDatabase) {
      // The file went away or cannot be read: inspection says why; keep the last table out of sight.
      this.model.setLocks(null);
    }
    // A probe's copy that is gone needs nothing: the probe has ended and its watch with it.
    this.settleReads(message.file);
  }

  private settleReads(file?: string): void {
    for (const [pending, resolvers] of [...this.pendingReads]) {
      if (file === undefined || pending === file) {
        this.pendingReads.delete(pending);
        resolvers.forEach((resolve) => resolve());
      }
    }
  }
}
