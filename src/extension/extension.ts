// SQLite Lock Doctor's extension host side. It touches `vscode`; SQLite runs in engine processes.
import * as vscode from 'vscode';
import type { ProbeResult } from '../engine/probe/probeTypes';
import { runtimeProblem } from '../engine/runtimeSupport';
import { openDatabaseCommand } from './commands/openDatabaseCommand';
import { runScenarioFileCommand } from './commands/runScenarioFileCommand';
import { runProbeCommand } from './commands/runProbeCommand';
import { switchJournalCommand } from './commands/switchJournalCommand';
import { requireDatabase } from './commands/requireDatabase';
import { checkpointCommand, showLockHoldersCommand } from './commands/lockCommands';
import { DatabaseWatcher } from './databaseWatcher';
import { LiveLockWatcher } from './liveLockWatcher';
import { readSettings } from './settings';
import { lockDoctorApi, type LockDoctorApi } from './lockDoctorApi';
import type { PanelViewName } from '../shared/panelProtocol';
import { LockDoctorModel } from './lockDoctorModel';
import { LockDoctorPanel, panelViewType, type PanelActions } from './panel/lockDoctorPanel';
import { LastRecordingStore, LastResultStore, LastSweepStore } from './panel/lastResultStore';
import { PickedDatabases } from './panel/pickedDatabases';
import { recordCommand } from './commands/recordCommand';
import { runLoadTestCommand } from './commands/runLoadTestCommand';
import { sweepConcurrencyCommand } from './commands/sweepConcurrencyCommand';
import { RecordingController } from './recording/recordingController';
import type { Recording } from '../engine/record/recordingTypes';
import type { SweepResult } from '../engine/sweep/sweepTypes';
import { validateProbeForm, validateSavedState } from './panel/validatePanelMessage';
import { LockDoctorStatusBar } from './statusBar';
import { registerHints } from './hints/registerHints';
import { registerExplain } from './explain/registerExplain';
import { showError } from './notifications';

export function activate(context: vscode.ExtensionContext): LockDoctorApi | undefined {
  // The engine runs under this host's Node: better-sqlite3 13 needs N-API 10 (VS Code 1.101+), and on an
  // older runtime it crashes instead of throwing, so say so plainly and start nothing.
  if (runtimeProblem(process.versions) !== undefined) {
    const sentence = `SQLite Lock Doctor needs VS Code 1.101 or newer (Node 22.14+ with N-API 10); this VS Code runs Node ${process.versions.node}.`;
    for (const id of [
      'openDatabase',
      'showJournalMode',
      'switchToWal',
      'switchToDelete',
      'runProbe',
      'showPanel',
      'showLockHolders',
      'checkpoint',
      'recordLockActivity',
      'stopRecording',
      'runLoadTest',
      'sweepConcurrency',
      'scanWorkspaceForHints',
      'reproduceHint',
      'explainHint',
      'explainLockError',
      'reproduceLockError',
    ]) {
      context.subscriptions.push(
        vscode.commands.registerCommand(`sqliteLockDoctor.${id}`, () => showError(sentence)),
      );
    }
    void showError(sentence);
    return undefined;
  }

  const model = new LockDoctorModel();
  const showPanel = (view?: PanelViewName) =>
    LockDoctorPanel.show(context.extensionUri, model, actions, view);
  const actions: PanelActions = {
    openDatabase: () => openDatabaseCommand(model, showPanel),
    switchJournal: (target) => switchJournalCommand(model, target),
    runProbe: async (form) => {
      await runProbeCommand(model, showPanel, form);
    },
    cancelProbe: () => model.cancel(),
    runSweep: async () => {
      await sweepConcurrencyCommand(model, showPanel);
    },
    stopRecording: async () => {
      await recordings.stop();
    },
  };
  const recordings = new RecordingController(model, () => showPanel('recording'));
  const updateContextKeys = () => {
    void vscode.commands.executeCommand(
      'setContext',
      'sqliteLockDoctor.databaseOpen',
      model.database !== null,
    );
    void vscode.commands.executeCommand(
      'setContext',
      'sqliteLockDoctor.journalMode',
      model.journalMode() ?? '',
    );
    void vscode.commands.executeCommand(
      'setContext',
      'sqliteLockDoctor.recording',
      model.recordingNow !== null,
    );
  };

  const lastResults = new LastResultStore(context.workspaceState);
  const pickedDatabases = new PickedDatabases(context.workspaceState);
  let rememberedDatabase: string | null = null;
  let rememberedResult: ProbeResult | null = null;
  const lastRecordings = new LastRecordingStore(context.workspaceState);
  let rememberedRecording: Recording | null = null;
  const lastSweeps = new LastSweepStore(context.workspaceState);
  let rememberedSweep: SweepResult | null = null;
  const statusBar = new LockDoctorStatusBar(model);
  // Live lock holders while the panel shows or the status bar item does, and VS Code has focus.
  const lockWatcher = new LiveLockWatcher(
    model,
    () => LockDoctorPanel.isVisible() || readSettings().statusBarEnabled,
    LockDoctorPanel.onDidChangeVisibility,
  );
  context.subscriptions.push(
    model,
    statusBar,
    recordings,
    lockWatcher,
    new DatabaseWatcher(model),
    model.onDidChange(updateContextKeys),
    model.onDidChange(() => {
      const open = model.database?.path ?? null;
      if (open !== null && open !== rememberedDatabase) {
        rememberedDatabase = open;
        pickedDatabases.remember(open);
      }
      if (model.lastResult !== null && model.lastResult !== rememberedResult) {
        rememberedResult = model.lastResult;
        lastResults.remember(model.lastResult);
      }
      if (model.lastRecording !== null && model.lastRecording !== rememberedRecording) {
        rememberedRecording = model.lastRecording;
        lastRecordings.remember(model.lastRecording);
      }
      if (model.lastSweep !== null && model.lastSweep !== rememberedSweep) {
        rememberedSweep = model.lastSweep;
        lastSweeps.remember(model.lastSweep);
      }
    }),
    vscode.commands.registerCommand('sqliteLockDoctor.openDatabase', (uri?: unknown) =>
      openDatabaseCommand(model, showPanel, uri),
    ),
    vscode.commands.registerCommand('sqliteLockDoctor.showJournalMode', async () => {
      if (requireDatabase(model)) {
        showPanel('file');
        await model.refresh();
      }
    }),
    // A keybinding or script may pass { skipConfirmation: true }; the palette always asks.
    vscode.commands.registerCommand('sqliteLockDoctor.switchToWal', (args?: unknown) =>
      switchJournalCommand(model, 'wal', args),
    ),
    vscode.commands.registerCommand('sqliteLockDoctor.switchToDelete', (args?: unknown) =>
      switchJournalCommand(model, 'delete', args),
    ),
    // A keybinding or script may pass the probe's values ({preset, model, journal, busyTimeoutMs, begin}).
    vscode.commands.registerCommand('sqliteLockDoctor.runProbe', (args?: unknown) =>
      runProbeCommand(model, showPanel, args === undefined ? undefined : (validateProbeForm(args) ?? null)),
    ),
    // From a *.lockprobe.json's editor title or context menu (its Uri), or the palette (picks).
    vscode.commands.registerCommand('sqliteLockDoctor.runScenarioFile', (uri?: unknown) =>
      runScenarioFileCommand(model, showPanel, uri),
    ),
    vscode.commands.registerCommand('sqliteLockDoctor.showLockHolders', () =>
      showLockHoldersCommand(model, lockWatcher, showPanel),
    ),
    vscode.commands.registerCommand('sqliteLockDoctor.checkpoint', (args?: unknown) =>
      checkpointCommand(model, args),
    ),
    // A script or test may pass {recordOnly: true} or {run: "command"}; the palette asks.
    vscode.commands.registerCommand('sqliteLockDoctor.recordLockActivity', (args?: unknown) =>
      recordCommand(model, recordings, context.workspaceState, args, () =>
        openDatabaseCommand(model, showPanel),
      ),
    ),
    vscode.commands.registerCommand('sqliteLockDoctor.stopRecording', () => recordings.stop()),
    // A script or test may pass {urls, requests, concurrency}; the palette asks.
    vscode.commands.registerCommand('sqliteLockDoctor.runLoadTest', (args?: unknown) =>
      runLoadTestCommand(model, showPanel, context.workspaceState, args),
    ),
    vscode.commands.registerCommand('sqliteLockDoctor.sweepConcurrency', (args?: unknown) =>
      sweepConcurrencyCommand(model, showPanel, args),
    ),
    vscode.commands.registerCommand('sqliteLockDoctor.showPanel', () => {
      showPanel();
    }),
    vscode.window.registerWebviewPanelSerializer(panelViewType, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        const saved = validateSavedState(state, (path) => pickedDatabases.has(path));
        LockDoctorPanel.revive(panel, context.extensionUri, model, actions);
        if (saved.databasePath !== null && model.database === null) {
          await model.open(saved.databasePath);
          const restored = lastResults.recall(saved.databasePath);
          if (restored !== null) {
            model.setResult(restored);
          }
          const recording = lastRecordings.recall(saved.databasePath);
          if (recording !== null) {
            model.setRecording(recording);
          }
          const sweep = lastSweeps.recall(saved.databasePath);
          if (sweep !== null) {
            model.setSweep(sweep);
          }
        }
      },
    }),
  );
  // Code hints: analysed in a worker thread; this registers the diagnostics, hover and code actions.
  registerHints(context, model, showPanel);
  registerExplain(context, model, showPanel);
  updateContextKeys();
  return lockDoctorApi(model, statusBar, lockWatcher, recordings);
}

export function deactivate(): void {
  // Everything is in context.subscriptions: the lock watcher process ends with it; engine processes
  // end with their requests.
}
