// A sweep runs one preset (or scenario) at several concurrency levels and keeps, per level, what a load
// test would: how many requests succeeded, how long they took, which lock errors they met. This is the
// documented JSON shape (`sweep --json`) that the CLI's table and the panel's headroom chart both draw.
import type { BeginMode } from '../options/beginChoices';
import type { ExecutionModel } from '../options/executionModels';
import type { PresetName } from '../options/presets';

export const sweepResultSchema = 'sqlite-lock-doctor/sweep@1';

export interface SweepLevel {
  /** Requests in flight at a time (each client starts its next request as soon as its last one ends). */
  clients: number;
  /** Requests run at this level. */
  requests: number;
  /** Requests whose transaction committed. */
  succeeded: number;
  /** Requests that ended in an error (lock errors and any other). */
  failed: number;
  /** Errors by SQLite code name (SQLITE_BUSY, SQLITE_LOCKED, ...): the lock errors the level met. */
  lockErrors: Record<string, number>;
  /** Request latency, ms, from the request's first statement to its commit or its error (all requests). */
  latencyMs: { p50: number; p95: number; max: number };
  /** Wall time of the level, ms. */
  wallMs: number;
}

export interface SweepResult {
  schema: typeof sweepResultSchema;
  /** The user's database (the sessions wrote to a scratch copy of it). */
  database: string;
  /** The preset whose transactions make up the requests, or the scenario file's path. */
  preset?: PresetName;
  scenarioFile?: string;
  model: ExecutionModel;
  /** The journal mode the sessions ran in, as SQLite names it ('wal', 'delete'). */
  journalMode: string;
  busyTimeoutMs: number;
  begin?: BeginMode;
  /** Levels in the order run (ascending clients). */
  levels: SweepLevel[];
  /** The first level whose success rate is below 100 %, if any: where the headroom ends. */
  firstFailingClients?: number;
}
