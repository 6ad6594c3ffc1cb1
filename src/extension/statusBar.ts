// The status bar item: the open database and its journal mode ("app.db · WAL"), the live lock state
// ("writer: python3 4711, held 12.3 s"), a tooltip with the path, the mode, the holders and the last
// probe's verdict; a warning form when a holder is stopped or lost its locks, and a warning colour
// when the last probe saw lock errors.
import * as vscode from 'vscode';
import type { LockDoctorModel } from './lockDoctorModel';
import { lockSummary, lockWarning } from './lockSummary';
import { heldForText } from '../engine/text/heldForText';
import { readSettings } from './settings';
import { probeName } from '../report/probeName';
import { statusBarLabel } from './statusBarLabel';

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

  /** Known bugs of the SQLite the holders run, once per version. */
  private bugSentences(): string[] {
    const seen = new Set<string>();
    const sentences: string[] = [];
    for (const facts of this.model.locks?.processes ?? []) {
      for (const library of facts.sqlite ?? []) {
        if (library.version && !seen.has(library.version)) {
          seen.add(library.version);
          sentences.push(...(library.warnings ?? []));
        }
      }
    }
    return sentences;
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
    const warning = lockWarning(this.model.locks);
    const live = warning?.short ?? lockSummary(this.model.locks);
    this.item.text = `${warning ? '$(warning)' : icon} ${statusBarLabel(database.name)} · ${mode}${live ? ` · ${statusBarLabel(live)}` : ''}`;
    const result = this.model.lastResult;
    const sawLockErrors = result !== null && Object.keys(result.errorCounts).length > 0;
    this.item.backgroundColor =
      sawLockErrors || warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
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
        `Now: ${holders.map((holder) => `${holder.command ?? '?'} ${holder.pid} ${holder.lock}${holder.waiting ? ' (waiting)' : ''}${heldForText(holder) ? ` (${heldForText(holder)})` : ''}`).join(', ')}`,
      );
    }
    for (const sentence of [...(warning?.sentences ?? []), ...this.bugSentences()]) {
      tooltip.appendMarkdown('\n\n$(warning) ');
      tooltip.appendText(sentence);
    }
    if (this.model.busy) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(this.model.busy.label);
    }
    if (result) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(
        `Last probe (${probeName(result.config)}, ${result.config.model}, ${result.config.journalMode}): ${result.verdict.summary}`,
      );
    }
    tooltip.appendMarkdown('\n\nClick to show the panel.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: `SQLite Lock Doctor: ${database.name}, journal mode ${mode}${warning ? `, ${warning.short}` : ''}${sawLockErrors ? ', the last probe saw lock errors' : ''}`,
    };
    this.item.show();
    this.visible = true;
  }
}
