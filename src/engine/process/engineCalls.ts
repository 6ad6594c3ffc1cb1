// The engine's requests, each served by a child process that does the one job and exits: SQLite never
// runs in the caller's process (for the extension: the shared extension host, see the POSIX-lock hazard
// in docs/sqlite-locking.md), and nothing stays open while idle.
import type { InspectReport } from '../inspect/inspectReport';
import type { CheckpointResult } from '../locks/checkpointNow';
import type { CheckpointMode } from '../options/checkpointModes';
import type { JournalTarget } from '../options/journalModes';
import type { JournalSwitchOptions, JournalSwitchResult } from '../journal/switchJournalMode';
import type { RowCount, RowCountRequest } from '../load/countRows';
import type { LoadTestOptions, RecordedLoad } from '../load/loadTestTypes';
import type { ProbeOptions } from '../probe/runProbe';
import type { LoadedScenario } from '../scenario/scenarioPlans';
import type { ProbeResult, TimelineEvent } from '../probe/probeTypes';
import type { SweepOptions } from '../sweep/runSweep';
import type { SweepLevel, SweepResult } from '../sweep/sweepTypes';
import { OperationError, UserInputError } from '../userInputError';

export interface EngineCalls {
  inspect: { request: { file: string }; response: InspectReport };
  switchJournal: {
    request: { file: string; target: JournalTarget; options: JournalSwitchOptions };
    response: JournalSwitchResult;
  };
  probe: {
    request: { options: Omit<ProbeOptions, 'onEvent' | 'onPrepared' | 'onTimeZero' | 'signal'> };
    response: ProbeResult;
  };
  /** The sweep (runSweep.ts): each level reported as a 'sweepLevel' message as it completes. */
  sweep: {
    request: { options: Omit<SweepOptions, 'signal' | 'onLevelStart'> };
    response: SweepResult;
  };
  /** A scenario file's text checked (Ajv compiles the schema here, not in the extension host). */
  readScenario: { request: { text: string; file: string }; response: LoadedScenario };
  /** Which of these files start with SQLite's header (read in the child: opening a file in the caller could drop its SQLite locks). */
  findDatabases: { request: { files: string[] }; response: string[] };
  /** PRAGMA wal_checkpoint(mode) on one connection, opened in the child and closed before it answers. */
  checkpoint: {
    request: { file: string; mode: CheckpointMode; busyTimeoutMs?: number };
    response: CheckpointResult;
  };
  /** Removes the probe's table from a file probed in place whose probe process was killed. */
  dropProbeTable: { request: { file: string; table: string }; response: null };
  /** The load test's row count: one read-only query on a read-only connection, closed before it answers. */
  countRows: { request: { count: RowCountRequest }; response: RowCount };
  /**
   * The load test with the recorder running (for the extension, whose host must not send the requests):
   * this child sends them; the row counts and the recorder run in processes of their own, as with `load`.
   */
  recordLoad: {
    request: { options: LoadRequestOptions; intervalMs: number };
    response: RecordedLoad;
  };
}

/** What a load test takes across a process boundary: no callbacks, streams or signals. */
export type LoadRequestOptions = Omit<
  LoadTestOptions,
  'nowMs' | 'onLoadStart' | 'onLoadEnd' | 'onProgress' | 'passThrough' | 'signal'
>;

export type EngineCallName = keyof EngineCalls;

export type EngineRequest = {
  [Name in EngineCallName]: { type: Name } & EngineCalls[Name]['request'];
}[EngineCallName];

export type EngineErrorKind = 'input' | 'operation' | 'internal';

/** How an error crosses to the parent: bad input (exit 2), an operation that failed (1), or a bug. */
export function engineErrorOf(error: unknown): { kind: EngineErrorKind; message: string } {
  const kind =
    error instanceof UserInputError ? 'input' : error instanceof OperationError ? 'operation' : 'internal';
  return { kind, message: error instanceof Error ? error.message : String(error) };
}

export type FromEngineCall =
  | { type: 'result'; value: unknown }
  | { type: 'error'; kind: EngineErrorKind; message: string }
  /** A probe's events as they happen, for a live view. */
  | { type: 'progress'; session: string; event: TimelineEvent }
  /** A probe's target is ready: the file its sessions write to. */
  | { type: 'prepared'; target: string }
  /** A sweep's level, as it completes (index in the order run). */
  | { type: 'sweepLevel'; level: SweepLevel; index: number }
  /** A load test's requests answered so far, and how many of them failed. */
  | { type: 'loadProgress'; done: number; failed: number };

/** Asks a running request to stop (a probe cleans up and answers with an error). */
export interface CancelRequest {
  type: 'cancel';
}
