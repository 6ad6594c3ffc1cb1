// What the extension knows: the open database, its latest inspection, the last probe, what is running.
// The status bar, the panel and the context keys all follow this one model. It holds facts, never a
// connection: every SQLite call happens in a short-lived engine process (engineClient.ts).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LockReport } from '../engine/locks/lockReport';
import {
  assessWalGrowth,
  walGrowthSample,
  type WalGrowthAssessment,
  type WalGrowthSample,
} from '../engine/locks/walGrowth';
import type { ProbeResult } from '../engine/probe/probeTypes';
import type { Recording } from '../engine/record/recordingTypes';
import type { SweepResult } from '../engine/sweep/sweepTypes';
import type {
  ActivityState,
  Busy,
  DatabaseFacts,
  FileState,
  LocksState,
  PanelState,
  ProbeFormValues,
  ProbeLocks,
  RecordingNow,
} from '../shared/panelProtocol';
import { engineClient } from './engineClient';
import { readSettings } from './settings';

/** About a minute of readings at the default poll interval. */
const maxWalSamples = 30;

export class LockDoctorModel implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  database: DatabaseFacts | null = null;
  busy: Busy | null = null;
  lastResult: ProbeResult | null = null;
  /** The last recording (of any database: it names its own). */
  lastRecording: Recording | null = null;
  recordingNow: RecordingNow | null = null;
  /** The last concurrency sweep, and a number that changes with it (a sweep carries no id). */
  lastSweep: SweepResult | null = null;
  sweepSerial = 0;
  lastError: string | null = null;
  lastNotice: string | null = null;
  locks: LockReport | null = null;
  /** Readings of the WAL over time, to see it grow while readers hold it (checkpoint starvation). */
  private walSamples: WalGrowthSample[] = [];
  private inspection = 0;
  private appliedInspection = 0;
  private cancelRunning: (() => void) | undefined;

  dispose(): void {
    this.changed.dispose();
  }

  /** Opens a database: inspects it (read-only) and makes it the subject of every command. */
  async open(file: string): Promise<DatabaseFacts> {
    const samePath = this.database?.path === file;
    this.database = {
      path: file,
      name: path.basename(file),
      report: samePath ? (this.database?.report ?? null) : null,
    };
    if (!samePath) {
      this.lastResult = null;
      this.lastRecording = null;
      this.setSweepQuietly(null);
      this.locks = null;
      this.walSamples = [];
    }
    this.lastError = null;
    this.lastNotice = null;
    await this.refresh();
    return this.database;
  }

  close(): void {
    this.database = null;
    this.lastResult = null;
    this.lastRecording = null;
    this.setSweepQuietly(null);
    this.locks = null;
    this.fire();
  }

  /**
   * Re-reads the file's facts; a newer call's answer wins over an older one's, and an older answer that
   * comes first is shown meanwhile (so open() returns with facts even when a file event re-inspects).
   */
  async refresh(): Promise<void> {
    const database = this.database;
    if (!database) {
      return;
    }
    const ticket = ++this.inspection;
    this.fire();
    try {
      const report = await engineClient.inspect(database.path);
      if (ticket > this.appliedInspection && this.database?.path === database.path) {
        this.appliedInspection = ticket;
        this.database = { ...database, report, problem: undefined };
      }
    } catch (error) {
      if (ticket > this.appliedInspection && this.database?.path === database.path) {
        this.appliedInspection = ticket;
        this.database = { ...database, report: null, problem: messageOf(error) };
      }
    }
    this.fire();
  }

  /** Runs one operation at a time and shows it as busy; a second one is refused with a sentence. */
  async run<T>(
    label: string,
    kind: Busy['kind'],
    work: () => Thenable<T>,
    probe?: ProbeFormValues,
  ): Promise<T> {
    if (this.busy !== null) {
      throw new Error(`SQLite Lock Doctor is busy: ${this.busy.label}`);
    }
    this.busy = { kind, label, ...(probe === undefined ? {} : { probe }) };
    this.lastError = null;
    this.lastNotice = null;
    this.fire();
    try {
      return await work();
    } catch (error) {
      this.lastError = messageOf(error);
      throw error;
    } finally {
      this.busy = null;
      this.fire();
    }
  }

  /** What Cancel (in the panel) does while the current operation runs. */
  onCancel(cancel: () => void): vscode.Disposable {
    this.cancelRunning = cancel;
    return new vscode.Disposable(() => {
      if (this.cancelRunning === cancel) {
        this.cancelRunning = undefined;
      }
    });
  }

  cancel(): void {
    this.cancelRunning?.();
  }

  setResult(result: ProbeResult): void {
    this.lastResult = result;
    this.fire();
  }

  setRecording(recording: Recording): void {
    this.lastRecording = recording;
    this.fire();
  }

  setSweep(sweep: SweepResult): void {
    this.setSweepQuietly(sweep);
    this.fire();
  }

  private setSweepQuietly(sweep: SweepResult | null): void {
    if (sweep !== this.lastSweep) {
      this.lastSweep = sweep;
      this.sweepSerial++;
    }
  }

  setRecordingNow(recordingNow: RecordingNow | null): void {
    this.recordingNow = recordingNow;
    this.fire();
  }

  /** One sentence from an operation that failed outside run() (a recording that could not start). */
  setError(error: string): void {
    this.lastError = error;
    this.fire();
  }

  /** While a probe runs: the file its sessions write to, which process runs which session, their locks. */
  probeWatch: ProbeLocks | null = null;

  startProbeWatch(target: string): void {
    this.probeWatch = { target, sessionsByPid: {}, report: null };
    this.fire();
  }

  noteProbeSession(session: string, pid: number): void {
    if (this.probeWatch) {
      const names = this.probeWatch.sessionsByPid[pid] ?? [];
      this.probeWatch.sessionsByPid[pid] = [...names, session];
    }
  }

  setProbeLocks(report: LockReport): void {
    if (this.probeWatch?.target === report.file) {
      this.probeWatch = { ...this.probeWatch, report };
      this.fire();
    }
  }

  endProbeWatch(): void {
    this.probeWatch = null;
    this.fire();
  }

  setLocks(report: LockReport | null): void {
    this.locks = report;
    if (report !== null) {
      this.walSamples = [...this.walSamples, walGrowthSample(report, Date.now())].slice(-maxWalSamples);
    }
    this.fire();
  }

  walGrowth(): WalGrowthAssessment | null {
    return this.locks?.wal?.exists ? assessWalGrowth(this.walSamples) : null;
  }

  setNotice(notice: string): void {
    this.lastNotice = notice;
    this.fire();
  }

  journalMode(): string | undefined {
    return this.database?.report?.journalMode;
  }

  /** The open file and what the panel may offer for it. */
  fileState(): FileState {
    return { database: this.database, trusted: vscode.workspace.isTrusted, defaults: readSettings().probe };
  }

  locksState(): LocksState {
    return { locks: this.locks, walGrowth: this.walGrowth(), probeLocks: this.probeWatch };
  }

  activityState(): ActivityState {
    return {
      busy: this.busy,
      recordingNow: this.recordingNow,
      lastError: this.lastError,
      lastNotice: this.lastNotice,
    };
  }

  /** Everything the panel shows, in one object (for the API the in-host tests read). */
  panelState(): PanelState {
    return {
      ...this.fileState(),
      ...this.locksState(),
      ...this.activityState(),
      lastResult: this.lastResult,
      lastRecording: this.lastRecording,
      lastSweep: this.lastSweep,
    };
  }

  private fire(): void {
    this.changed.fire();
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
