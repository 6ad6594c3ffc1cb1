// Messages between the extension host and the Lock Doctor panel (a webview). Types only: the webview
// bundle imports this without pulling in Node or vscode. Everything that arrives from the webview is
// validated by the host (src/extension/panel/validatePanelMessage.ts) before use.
import type { InspectReport } from '../engine/inspect/inspectReport';
import type { LockReport } from '../engine/locks/lockReport';
import type { WalGrowthAssessment } from '../engine/locks/walGrowth';
import type { BeginChoice } from '../engine/options/beginChoices';
import type { ExecutionModel } from '../engine/options/executionModels';
import type { ExportFormat } from '../engine/options/exportFormats';
import type { JournalChoice, JournalTarget } from '../engine/options/journalModes';
import type { PresetName } from '../engine/options/presets';
import type { ProbeResult } from '../engine/probe/probeTypes';

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

export interface PanelState {
  database: DatabaseFacts | null;
  /** The workspace is trusted: switching and probing are offered. Untrusted: inspection only. */
  trusted: boolean;
  /** Set while an operation runs ('Switching to WAL…', 'Running the probe…'). */
  busy?: string;
  /** What `busy` is about, so the panel offers Cancel only while a probe runs (without it, the panel
   * guesses from the text of `busy`). */
  busyWith?: 'inspect' | 'switch' | 'probe';
  defaults: ProbeFormValues;
  lastResult: ProbeResult | null;
  /** Who holds locks on the open database now, refreshed while the panel is visible and VS Code focused. */
  locks?: LockReport | null;
  /** The WAL's growth over the readings so far; a warning when it grows while readers hold it. */
  walGrowth?: WalGrowthAssessment | null;
  /** While a probe runs. */
  probeLocks?: ProbeLocks | null;
  /** One sentence from the last failed operation, shown until the next one. */
  lastError?: string;
  /** One sentence from the last successful switch ('Switched app.db from delete to wal.'). */
  lastNotice?: string;
}

export type ToPanel = { type: 'state'; state: PanelState };

export type FromPanel =
  | { type: 'ready' }
  | { type: 'openDatabase' }
  | { type: 'refresh' }
  | { type: 'switchJournal'; target: JournalTarget }
  | { type: 'runProbe'; form: ProbeFormValues }
  | { type: 'cancelProbe' }
  | { type: 'export'; format: ExportFormat };

/** What the webview keeps with vscode.setState so the panel survives a window reload. */
export interface PanelSavedState {
  databasePath: string | null;
  lastResult: ProbeResult | null;
  /** The probe form as the user left it; the panel restores it itself (the host may ignore it). */
  form?: ProbeFormValues;
}
