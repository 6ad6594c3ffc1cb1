// The status bar item: the open database and its journal mode ("app.db · WAL"), a tooltip with the
// path, the mode and the last probe's verdict, a warning colour when that probe saw lock errors.
import * as vscode from 'vscode';
import type { LockDoctorModel } from './lockDoctorModel';
import { lockSummary } from './lockSummary';
import { readSettings } from './settings';

export class LockDoctorStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'sqliteLockDoctor.status',
    vscode.StatusBarAlignment.Left,
    50,
  );
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly model: LockDoctorModel) {
    this.item.name = 'SQLite Lock Doctor';
    this.item.command = 'sqliteLockDoctor.showPanel';
    this.subscriptions.push(
      model.onDidChange(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('sqliteLockDoctor.statusBar')) {
          this.update();
        }
      }),
    );
    this.update();
  }

  /** What the item shows now, or undefined when hidden (the tests' view of the status bar). */
  get shownText(): string | undefined {
    return this.visible ? this.item.text : undefined;
  }

  private visible = false;

  dispose(): void {
    for (const subscription of this.subscriptions) {
      subscription.dispose();
    }
    this.item.dispose();
  }

  private update(): void {
    const database = this.model.database;
    if (!database || !readSettings().statusBarEnabled) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const mode = database.report ? database.report.journalMode.toUpperCase() : database.problem ? '?' : '…';
    const icon = this.model.busy ? '$(sync~spin)' : '$(database)';
    const live = lockSummary(this.model.locks);
    this.item.text = `${icon} ${database.name} · ${mode}${live ? ` · ${live}` : ''}`;
    const result = this.model.lastResult;
    const sawLockErrors = result !== null && Object.keys(result.errorCounts).length > 0;
    this.item.backgroundColor = sawLockErrors
      ? new vscode.ThemeColor('statusBarItem.warningBackground')
      : undefined;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown('**SQLite Lock Doctor**\n\n');
    tooltip.appendText(database.path);
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(
      database.report
        ? `Journal mode: ${mode}`
        : database.problem
          ? `Cannot inspect: ${database.problem}`
          : 'Inspecting…',
    );
    const holders = this.model.locks?.holders ?? [];
    if (holders.length > 0) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(
        `Now: ${holders.map((holder) => `${holder.command ?? '?'} ${holder.pid} ${holder.lock}${holder.waiting ? ' (waiting)' : ''}`).join(', ')}`,
      );
    }
    if (this.model.busy) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(this.model.busy.label);
    }
    if (result) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(
        `Last probe (${result.config.preset}, ${result.config.model}, ${result.config.journalMode}): ${result.verdict.summary}`,
      );
    }
    tooltip.appendMarkdown('\n\nClick to show the panel.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: `SQLite Lock Doctor: ${database.name}, journal mode ${mode}${sawLockErrors ? ', the last probe saw lock errors' : ''}`,
    };
    this.item.show();
    this.visible = true;
  }
}
