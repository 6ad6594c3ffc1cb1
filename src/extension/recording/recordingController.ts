// Record Lock Activity: one recording at a time, in the recorder child process (dist/recorder.js), never
// in the extension host. While it records, a status bar item shows "$(record) Recording app.db 0:12"
// (each second) and stops it when clicked. With a command, that child runs it (record --run) and its
// output shows live in a terminal named after it; the recording ends when the command exits. Stop ends
// the child this started (and so the command), and nothing else; the recording goes to the model (and
// so to the panel's Recording tab and the workspace's storage).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { recordInterval } from '../../engine/options/recordLimits';
import { type RecorderProcess, startRecorder } from '../../engine/process/startRecorder';
import type { RecorderProgress } from '../../engine/record/lockRecorder';
import type { Recording } from '../../engine/record/recordingTypes';
import type { DatabaseFacts } from '../../shared/panelProtocol';
import { messageOf, type LockDoctorModel } from '../lockDoctorModel';
import { CommandTerminal } from './commandTerminal';
import { elapsedClock } from '../../engine/text/elapsedClock';
import { statusBarLabel } from '../statusBarLabel';
import { showError, showWarning } from '../notifications';

interface ActiveRecording {
  recorder: RecorderProcess;
  name: string;
  startedMs: number;
  command?: string;
  terminal?: CommandTerminal;
  /** The recorder's last progress message: samples so far, processes holding a lock now. */
  progress?: RecorderProgress;
}

export class RecordingController implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem(
    'sqliteLockDoctor.recording',
    vscode.StatusBarAlignment.Left,
    49,
  );
  private active: ActiveRecording | undefined;
  private ticker: NodeJS.Timeout | undefined;
  /** The last command's terminal: kept open after the recording, so its output can be read. */
  private lastTerminal: CommandTerminal | undefined;

  constructor(
    private readonly model: LockDoctorModel,
    /** Shows the recording once it is there (the panel's Recording tab). */
    private readonly show: () => void,
  ) {
    this.item.name = 'SQLite Lock Doctor: recording';
    this.item.command = 'sqliteLockDoctor.stopRecording';
  }

  get recording(): boolean {
    return this.active !== undefined;
  }

  /** The recorder process's PID while it records (for the in-host tests). */
  get recorderPid(): number | undefined {
    return this.active?.recorder.pid;
  }

  /** What the status bar item shows, or undefined when hidden. */
  get shownText(): string | undefined {
    return this.active === undefined ? undefined : this.item.text;
  }

  /** Starts recording `database` (running `command` meanwhile); false (after saying why) when it could not. */
  async start(database: DatabaseFacts, command?: string): Promise<boolean> {
    if (this.active !== undefined) {
      void showWarning(
        `Already recording ${this.active.name}: stop that recording first (SQLite Lock Doctor: Stop Recording).`,
      );
      return false;
    }
    this.lastTerminal?.dispose();
    this.lastTerminal = undefined;
    const terminal =
      command === undefined
        ? undefined
        : new CommandTerminal(command, () => {
            // Only this recording's terminal stops it (an older one closed later stops nothing).
            if (this.active !== undefined && this.active.terminal === terminal) {
              void this.stop();
            }
          });
    this.lastTerminal = terminal;
    terminal?.note(`SQLite Lock Doctor: recording the locks on ${database.name} while running: ${command}`);
    const recorder = startRecorder(database.path, {
      intervalMs: recordInterval.default,
      ...(command === undefined ? {} : { run: { command, cwd: workspaceFolderOf(database.path) } }),
      onAppOutput: (text) => terminal?.write(text),
      onProgress: (progress) => {
        if (this.active === active) {
          active.progress = progress;
        }
      },
    });
    const startedMs = Date.now();
    const active: ActiveRecording = { recorder, name: database.name, startedMs, command, terminal };
    this.active = active;
    // The command exited by itself (or the recorder ended): the recording is over.
    void recorder.recording.then(
      () => {
        if (this.active === active) {
          terminal?.note('The command exited: the recording stopped.');
          void this.stop();
        }
      },
      () => {
        if (this.active === active) {
          void this.stop();
        }
      },
    );
    try {
      await recorder.started;
    } catch (error) {
      this.active = undefined;
      recorder.cancel();
      terminal?.note(messageOf(error));
      const sentence = `Could not record ${database.name}: ${messageOf(error)}`;
      this.model.setError(sentence);
      void showError(sentence);
      return false;
    }
    if (this.active !== active) {
      // Stopped while it started.
      return false;
    }
    this.model.setRecordingNow({
      database: database.path,
      name: database.name,
      startedAt: new Date(startedMs).toISOString(),
      ...(command === undefined ? {} : { command }),
    });
    this.ticker = setInterval(() => this.updateItem(), 1000);
    this.updateItem();
    this.item.show();
    return true;
  }

  /** Stops the recording and shows it; undefined when nothing was recording or it failed. */
  async stop(): Promise<Recording | undefined> {
    const active = this.active;
    if (active === undefined) {
      return undefined;
    }
    this.active = undefined;
    clearInterval(this.ticker);
    this.item.hide();
    this.model.setRecordingNow(null);
    try {
      const recording = await active.recorder.stop();
      active.terminal?.note('Recording stopped: it is in the Lock Doctor panel (Recording tab).');
      this.model.setRecording(recording);
      this.show();
      return recording;
    } catch (error) {
      const sentence = `The recording of ${active.name} failed: ${messageOf(error)}`;
      this.model.setError(sentence);
      void showError(sentence);
      return undefined;
    } finally {
      active.recorder.cancel();
    }
  }

  dispose(): void {
    clearInterval(this.ticker);
    // The window closes: the child goes with it, without a recording.
    this.active?.recorder.cancel();
    this.active = undefined;
    this.lastTerminal?.dispose();
    this.item.dispose();
  }

  private updateItem(): void {
    const active = this.active;
    if (active === undefined) {
      return;
    }
    this.item.text = `$(record) Recording ${statusBarLabel(active.name)} ${elapsedClock(Date.now() - active.startedMs)}`;
    const running = active.command === undefined ? '' : ` while running ${active.command}`;
    const progress =
      active.progress === undefined
        ? ''
        : ` ${active.progress.samples} samples so far; ${active.progress.holders} process${active.progress.holders === 1 ? '' : 'es'} holding a lock now.`;
    this.item.tooltip = `Recording the locks on ${active.name}${running}.${progress} Click to stop and show the recording.`;
    this.item.accessibilityInformation = {
      label: `Recording the locks on ${active.name}; activate to stop`,
    };
  }
}

/** The command runs in the workspace folder that holds the database (else the first one, else its folder). */
function workspaceFolderOf(file: string): string {
  const folder =
    vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file)) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.fsPath ?? path.dirname(file);
}
