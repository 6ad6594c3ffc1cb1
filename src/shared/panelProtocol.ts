// Messages between the extension host and the Lock Doctor panel (a webview). Types only: the webview
// bundle imports this without pulling in Node or vscode. Everything that arrives from the webview is
// validated by the host (src/extension/panel/validatePanelMessage.ts) before use.
import type { InspectReport } from '../engine/inspect/inspectReport';
import type { LockReport } from '../engine/locks/lockReport';
import type { WalGrowthAssessment } from '../engine/locks/walGrowth';
import type { BeginChoice } from '../engine/options/beginChoices';
import type { ClientChoice } from '../engine/options/clientProfiles';
import type { ExecutionModel } from '../engine/options/executionModels';
import type { ExportFormat } from '../engine/options/exportFormats';
import type { JournalChoice, JournalTarget } from '../engine/options/journalModes';
import type { PresetName } from '../engine/options/presets';
import type { ProbeResult } from '../engine/probe/probeTypes';
import type { Recording } from '../engine/record/recordingTypes';
import type { SweepResult } from '../engine/sweep/sweepTypes';

// The form's choices are the engine's vocabulary (src/engine/options).
export type PresetChoice = PresetName;
export type { BeginChoice };

/** The probe form's values; also the settings' defaults. */
export interface ProbeFormValues {
  preset: PresetChoice;
  model: ExecutionModel;
  journal: JournalChoice;
  busyTimeoutMs: number;
  /** 'preset' keeps each preset's own BEGIN modes. */
  begin: BeginChoice;
  /** The driver profile; the form fills the busy timeout and BEGIN from it when chosen. Absent: 'none'. */
  client?: ClientChoice;
  /** The pool preset's connections. Absent: poolSize.default (src/engine/options/presets.ts). */
  poolSize?: number;
}

export interface DatabaseFacts {
  /** Absolute path on the extension host's machine. */
  path: string;
  /** File name for titles. */
  name: string;
  /** Null while the first inspection runs, or when it failed (see `problem`). */
  report: InspectReport | null;
  /** One sentence when the file could not be inspected. */
  problem?: string;
}

/** The locks the running probe's sessions hold on its target, to set beside its timeline. */
export interface ProbeLocks {
  /** The scratch copy (or the database itself with in-place). */
  target: string;
  /** Session names by PID: with threads or blocking, all sessions share the engine's process. */
  sessionsByPid: Record<number, string[]>;
  report: LockReport | null;
}

/** What runs now; one operation at a time. The kind decides what the panel offers (Cancel for a probe). */
export interface Busy {
  kind: 'switch' | 'probe' | 'checkpoint' | 'load' | 'sweep';
  /** 'Switching app.db to WAL…', 'Running the probe…'. */
  label: string;
  /** A probe's settings, wherever it was started (the form, the palette, a hint's or an error's
   * Reproduce): the form takes them, so that Run Probe next runs what the panel shows. */
  probe?: ProbeFormValues;
}

/** The open file and what the panel may offer for it. Sent when it changes. */
export interface FileState {
  database: DatabaseFacts | null;
  /** The workspace is trusted: switching and probing are offered. Untrusted: inspection only. */
  trusted: boolean;
  defaults: ProbeFormValues;
}

/** Who holds locks now; sent with each reading while someone looks. */
export interface LocksState {
  /** Refreshed while the panel is visible and VS Code focused; null before the first reading. */
  locks: LockReport | null;
  /** The WAL's growth over the readings so far; a warning when it grows while readers hold it. */
  walGrowth: WalGrowthAssessment | null;
  /** While a probe runs. */
  probeLocks: ProbeLocks | null;
}

/** A recording under way (Record Lock Activity): it runs beside other operations, not as `busy`. */
export interface RecordingNow {
  /** The database recorded (absolute path) and its file name. */
  database: string;
  name: string;
  /** Wall-clock ISO time the recording started. */
  startedAt: string;
  /** The command run while recording, as the user typed it. */
  command?: string;
}

/** What runs and what just happened. */
export interface ActivityState {
  busy: Busy | null;
  recordingNow: RecordingNow | null;
  /** One sentence from the last failed operation, shown until the next one. */
  lastError: string | null;
  /** One sentence from the last successful switch ('Switched app.db from delete to wal.'). */
  lastNotice: string | null;
}

/** Everything the panel shows: the three small states plus the last result. */
export interface PanelState extends FileState, LocksState, ActivityState {
  lastResult: ProbeResult | null;
  lastRecording: Recording | null;
  /** The last concurrency sweep (Sweep Concurrency…), drawn as the headroom chart. */
  lastSweep: SweepResult | null;
}

/** The panel's views (tabs). */
export type PanelViewName = 'file' | 'locks' | 'probe' | 'recording' | 'headroom';

/** What an export writes: the last probe's result or the last recording. */
export type ExportSubject = 'probe' | 'recording';

/** From the host to the panel: each message replaces one part of the panel's state. The result (large
 * for a burst) travels once per result; the small states travel whenever they change. */
export type ToPanel =
  | ({ type: 'file' } & FileState)
  | ({ type: 'locks' } & LocksState)
  | ({ type: 'activity' } & ActivityState)
  | { type: 'result'; result: ProbeResult | null }
  /** Like 'result': sent once per recording (by its id). */
  | { type: 'recording'; recording: Recording | null }
  /** Like 'result': sent once per sweep. */
  | { type: 'sweep'; sweep: SweepResult | null }
  /** A command asked for this view (Show Lock Holders: 'locks'). */
  | { type: 'show'; view: PanelViewName };

export type FromPanel =
  | { type: 'ready' }
  | { type: 'openDatabase' }
  | { type: 'refresh' }
  | { type: 'switchJournal'; target: JournalTarget }
  | { type: 'runProbe'; form: ProbeFormValues }
  | { type: 'cancelProbe' }
  /** The Headroom view's Run Sweep: the host asks for the levels (quick picks) and runs it. */
  | { type: 'runSweep' }
  | { type: 'stopRecording' }
  | { type: 'export'; format: ExportFormat; subject: ExportSubject };

/** The panel's own view state, kept with vscode.setState so it survives a window reload. The last
 * result is not in it: the host keeps that (src/extension/panel/lastResultStore.ts), because VS Code
 * writes webview state asynchronously and a reload right after a probe can lose it. */
export interface PanelSavedState {
  databasePath: string | null;
  /** The probe form as the user left it; the panel restores it itself. */
  form?: ProbeFormValues;
  /** The view the user had open. */
  view?: PanelViewName;
}
