// The Lock Doctor panel: one at a time. It sends the webview what changed: the probe result and the
// recording once each (recognised by their ids), and the file, locks and activity states when their
// content changes. Its requests are validated and turned into the same commands the palette runs
// (panelRequests.ts).
// Survives a reload (serializer).
import * as vscode from 'vscode';
import type { JournalTarget } from '../../engine/options/journalModes';
import type { FromPanel, PanelViewName, ToPanel } from '../../shared/panelProtocol';
import type { LockDoctorModel } from '../lockDoctorModel';
import { exportReport } from './exportReport';
import { panelHtml, webviewRoot } from './panelHtml';
import { handlePanelMessage } from './panelRequests';

export const panelViewType = 'sqliteLockDoctor.panel';

export interface PanelActions {
  openDatabase(): Promise<void>;
  switchJournal(target: JournalTarget): Promise<void>;
  runProbe(form: Extract<FromPanel, { type: 'runProbe' }>['form']): Promise<void>;
  cancelProbe(): void;
  stopRecording(): Promise<void>;
}

export class LockDoctorPanel implements vscode.Disposable {
  private static current: LockDoctorPanel | undefined;
  private static readonly visibility = new vscode.EventEmitter<void>();
  /** Fires when the panel opens, closes, shows or hides (the lock poller polls only while it shows). */
  static readonly onDidChangeVisibility = LockDoctorPanel.visibility.event;

  static isVisible(): boolean {
    return LockDoctorPanel.current?.panel.visible ?? false;
  }
  private readonly subscriptions: vscode.Disposable[] = [];

  /** Shows the panel; with a view, that view (tab) too. */
  static show(
    extensionUri: vscode.Uri,
    model: LockDoctorModel,
    actions: PanelActions,
    view?: PanelViewName,
  ): LockDoctorPanel {
    let current = LockDoctorPanel.current;
    if (current) {
      current.panel.reveal(undefined, true);
    } else {
      const panel = vscode.window.createWebviewPanel(
        panelViewType,
        'SQLite Lock Doctor',
        { viewColumn: vscode.ViewColumn.Active, preserveFocus: false },
        LockDoctorPanel.options(extensionUri),
      );
      current = new LockDoctorPanel(panel, extensionUri, model, actions);
    }
    if (view !== undefined) {
      current.showView(view);
    }
    return current;
  }

  /** For the serializer: a panel VS Code restored after a reload. */
  static revive(
    panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    model: LockDoctorModel,
    actions: PanelActions,
  ): LockDoctorPanel {
    LockDoctorPanel.current?.dispose();
    panel.webview.options = LockDoctorPanel.options(extensionUri);
    return new LockDoctorPanel(panel, extensionUri, model, actions);
  }

  /** The last message of this type the open panel's webview accepted, if a panel is open. */
  static lastDelivered<T extends ToPanel['type']>(type: T): Extract<ToPanel, { type: T }> | undefined {
    return LockDoctorPanel.current?.delivered.get(type) as Extract<ToPanel, { type: T }> | undefined;
  }

  /** A view a command asked for, until a page that has said 'ready' has it. */
  private pendingView: PanelViewName | undefined;
  private pageReady = false;
  private readonly delivered = new Map<ToPanel['type'], ToPanel>();
  /** What was last posted of each kind (the result by id, the rest as JSON), to post only changes. */
  private readonly posted = new Map<ToPanel['type'], string>();

  private static options(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return { enableScripts: true, localResourceRoots: [webviewRoot(extensionUri)] };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly model: LockDoctorModel,
    private readonly actions: PanelActions,
  ) {
    LockDoctorPanel.current = this;
    panel.webview.html = panelHtml(panel.webview, extensionUri);
    LockDoctorPanel.visibility.fire();
    this.subscriptions.push(
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(() => {
        // Hidden, the page is discarded; shown again, a new one says 'ready'.
        if (!panel.visible) {
          this.pageReady = false;
        }
        LockDoctorPanel.visibility.fire();
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      model.onDidChange(() => this.post()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.post()),
    );
  }

  dispose(): void {
    if (LockDoctorPanel.current === this) {
      LockDoctorPanel.current = undefined;
      LockDoctorPanel.visibility.fire();
    }
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    this.panel.dispose();
  }

  private showView(view: PanelViewName): void {
    this.pendingView = view;
    this.postPendingView();
  }

  private postPendingView(): void {
    const view = this.pendingView;
    if (view === undefined || !this.pageReady) {
      return;
    }
    void this.panel.webview.postMessage({ type: 'show', view } satisfies ToPanel).then((delivered) => {
      if (delivered && this.pendingView === view) {
        this.pendingView = undefined;
      }
    });
  }

  /** Posts each part of the state whose content changed since it was last posted. */
  private post(): void {
    // Before its 'ready' a page may drop messages or get them twice (once more on 'ready').
    if (!this.pageReady) {
      return;
    }
    const result = this.model.lastResult;
    this.postIfChanged({ type: 'result', result }, result?.id ?? 'none');
    const recording = this.model.lastRecording;
    this.postIfChanged({ type: 'recording', recording }, recording?.id ?? 'none');
    const file: ToPanel = { type: 'file', ...this.model.fileState() };
    this.postIfChanged(file, JSON.stringify(file));
    const locks: ToPanel = { type: 'locks', ...this.model.locksState() };
    this.postIfChanged(locks, JSON.stringify(locks));
    const activity: ToPanel = { type: 'activity', ...this.model.activityState() };
    this.postIfChanged(activity, JSON.stringify(activity));
  }

  private postIfChanged(message: ToPanel, key: string): void {
    if (this.posted.get(message.type) === key) {
      return;
    }
    this.posted.set(message.type, key);
    void this.panel.webview.postMessage(message).then((delivered) => {
      if (delivered) {
        this.delivered.set(message.type, message);
      } else {
        // Not delivered (the page was being replaced): its 'ready' asks for everything again.
        this.posted.delete(message.type);
      }
    });
  }

  private receive(raw: unknown): void {
    handlePanelMessage(raw, {
      ready: () => {
        // A new page (first show, shown again after hiding, reload): it has nothing yet.
        this.posted.clear();
        this.pageReady = true;
        this.post();
        this.postPendingView();
      },
      refresh: () => void this.model.refresh(),
      openDatabase: () => void this.actions.openDatabase(),
      switchJournal: (target) => void this.actions.switchJournal(target),
      runProbe: (form) => void this.actions.runProbe(form),
      cancelProbe: () => this.actions.cancelProbe(),
      stopRecording: () => void this.actions.stopRecording(),
      export: (subject, format) => void exportReport(this.model, subject, format),
    });
  }
}
