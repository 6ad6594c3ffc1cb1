// Record Lock Activity (trusted workspaces only): on the open database, record only, or run a command the
// user types while recording. The last command is remembered per workspace (workspaceState), never
// read from settings: a command runs only because the user typed it here.
import * as vscode from 'vscode';
import type { LockDoctorModel } from '../lockDoctorModel';
import type { RecordingController } from '../recording/recordingController';
import { requireDatabase, requireTrust } from './requireDatabase';
import { showError, showWarning } from '../notifications';

const lastCommandKey = 'sqliteLockDoctor.record.lastCommand';

/** From a script or a test: { recordOnly: true } skips the question; { run: 'CMD' } runs CMD. */
export interface RecordArguments {
  recordOnly?: boolean;
  run?: string;
}

function parseArguments(args: unknown): RecordArguments | null | undefined {
  if (args === undefined) {
    return undefined;
  }
  if (typeof args !== 'object' || args === null) {
    return null;
  }
  const { recordOnly, run } = args as Record<string, unknown>;
  if (recordOnly === true && run === undefined) {
    return { recordOnly };
  }
  if (typeof run === 'string' && run.trim().length > 0 && recordOnly === undefined) {
    return { run: run.trim() };
  }
  return null;
}

export async function recordCommand(
  model: LockDoctorModel,
  recordings: RecordingController,
  workspaceState: vscode.Memento,
  args: unknown,
  /** Asks for a database (as Open Database… does) when none is open. */
  openDatabase: () => Promise<void>,
): Promise<boolean> {
  if (!requireTrust('Recording lock activity')) {
    return false;
  }
  if (model.database === null) {
    await openDatabase();
  }
  const database = requireDatabase(model);
  if (!database) {
    return false;
  }
  if (recordings.recording) {
    void showWarning('A recording is running already: stop it first (SQLite Lock Doctor: Stop Recording).');
    return false;
  }
  const given = parseArguments(args);
  if (given === null) {
    void showError(
      'Record Lock Activity got arguments it does not understand; expected {recordOnly: true} or {run: "command"}.',
    );
    return false;
  }
  const command = given === undefined ? await askCommand(workspaceState) : (given.run ?? '');
  if (command === undefined) {
    return false;
  }
  return recordings.start(database, command === '' ? undefined : command);
}

/** '' for "Record only", the command typed, or undefined when the user backed out. */
async function askCommand(workspaceState: vscode.Memento): Promise<string | undefined> {
  const last = workspaceState.get<string>(lastCommandKey);
  const recordOnly = { label: 'Record only', detail: 'Record the locks until you stop.' };
  const runOne = {
    label: 'Run a command while recording…',
    detail:
      last === undefined
        ? 'Start your app (uvicorn app:app, say): its output shows in a terminal and its lock errors on the timeline.'
        : `Last: ${last}`,
  };
  const picked = await vscode.window.showQuickPick([recordOnly, runOne], {
    title: 'Record Lock Activity',
    // Kept open when focus moves (a look at the terminal or a file for the command line or the URL).
    ignoreFocusOut: true,
    placeHolder: 'Record only, or start a command and record while it runs',
  });
  if (picked === undefined) {
    return undefined;
  }
  if (picked === recordOnly) {
    return '';
  }
  const typed = await vscode.window.showInputBox({
    title: 'Record Lock Activity: the command to run',
    // Kept open when focus moves (a look at the terminal or a file for the command line or the URL).
    ignoreFocusOut: true,
    prompt:
      'Runs in the workspace folder until you stop the recording or close its terminal; the recording stops when it exits.',
    value: last ?? '',
    placeHolder: 'uvicorn app:app --port 8000',
    validateInput: (text) => (text.trim().length === 0 ? 'Type a command, or press Escape.' : undefined),
  });
  if (typed === undefined) {
    return undefined;
  }
  await workspaceState.update(lastCommandKey, typed.trim());
  return typed.trim();
}
