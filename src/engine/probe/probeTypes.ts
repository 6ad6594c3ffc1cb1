// The probe's plan and result. The result is the documented JSON shape (docs/probe-result.md) that the
// command-line twin prints with --json and that the panel and the HTML report draw.
import type { TimelineLock } from '../locks/lockStates';

import type { BeginMode } from '../options/beginChoices';
import type { ExecutionModel } from '../options/executionModels';
import type { JournalChoice } from '../options/journalModes';
import type { PresetName } from '../options/presets';
import type { StepOp } from '../options/stepOps';
import type { ClientProfileName } from '../options/clientProfiles';

// Defined with their descriptions in ../options; re-exported because the result's shape names them.
export type { BeginMode, ExecutionModel, JournalChoice, StepOp };

/** The transaction locks of src/engine/locks/lockStates.ts (rollback, then WAL); 'none' is no lock. */
export type LockState = 'none' | TimelineLock;

export interface Step {
  op: StepOp;
  /** Earliest start, in ms after the probe's time zero; otherwise right after the previous step. */
  at?: number;
  /** For 'begin'. */
  mode?: BeginMode;
  /** For 'hold': how long to keep what the session holds, yielding the event loop. */
  ms?: number;
  /** For 'read' and 'write' (scenario files): the user's own statement, run on the scratch copy only. */
  sql?: string;
}

export interface SessionPlan {
  name: string;
  steps: Step[];
  /** Run the steps this many times (a worker doing K transactions); default 1. */
  repeat?: number;
  /** This session's busy timeout, ms, when it differs from the probe's (a connection configured apart). */
  busyTimeoutMs?: number;
  /** Open as `file:...?cache=shared` (node:sqlite): sessions of one process that set it share one cache. */
  sharedCache?: boolean;
  /** One connection of the pool preset's pool: it serves its requests one after another (`repeat`). */
  pooled?: boolean;
}

/** The `preset` a run of a scenario file (*.lockprobe.json) names; `scenario` then names the file. */
export const scenarioPreset = 'scenario';

export interface ProbeConfig {
  preset: PresetName | typeof scenarioPreset;
  /** Set when the sessions came from a scenario file: its path and description. */
  scenario?: { file: string; description?: string };
  model: ExecutionModel;
  journal: JournalChoice;
  /** The journal mode the sessions actually ran in ('wal' or 'delete', lower case as SQLite names it). */
  journalMode: string;
  busyTimeoutMs: number;
  /** When set, every 'begin' step uses this mode instead of the preset's. */
  begin?: BeginMode;
  /** The driver profile whose defaults the run took (busy timeout, BEGIN; see docs/clients.md), when one was chosen. */
  clientProfile?: ClientProfileName;
  /** The pool preset: the connections the pool may open (the sessions marked `pooled` are those used). */
  poolSize?: number;
  inPlace: boolean;
  /** The user's database. */
  database: string;
  /** The file the sessions wrote to: a scratch copy unless inPlace. */
  target: string;
  probeTable: string;
  /** The sessions' schedules; with `load`, the request kinds (the preset's step lists without times). */
  sessions: SessionPlan[];
  /** Set when the probe ran the load shape (`--requests N --clients C`): lanes are the clients. */
  load?: LoadShape;
}

/** N of the preset's transactions as requests, C in flight at a time (docs/probe-result.md). */
export interface LoadShape {
  requests: number;
  clients: number;
  /** ms from a client's request's end to its next one's first statement (default 10: an answer's round trip). */
  gapMs?: number;
}

/** One request of the load shape: which kind (a session of the preset), on which client, how it ended. */
export interface RequestRecord {
  /** Order in which requests were handed out, from 0; the kind is `sessions[index % sessions.length]`. */
  index: number;
  /** The preset's session whose step list the request ran (the seed: 'A' or 'B'). */
  kind: string;
  /** The client (a lane of the result) that ran it. */
  client: string;
  /** The client's n-th request, from 0: its events on the client's lane carry this iteration. */
  iteration: number;
  /** ms since time zero: the request's first statement, and its end (commit, or error and rollback). */
  startMs: number;
  endMs: number;
  outcome: 'succeeded' | 'failed';
  /** When failed: SQLite's extended code name and number, and the message. */
  code?: string;
  errno?: number;
  message?: string;
}

export type EventKind = 'start' | 'begin' | 'sent' | 'returned' | 'error' | 'commit' | 'rollback' | 'end';

export interface TimelineEvent {
  /** Microseconds since the probe's time zero, on one monotonic clock shared by all sessions. */
  tUs: number;
  kind: EventKind;
  /** The step this event belongs to, for begin/sent/returned/error/commit/rollback. */
  op?: StepOp;
  sql?: string;
  /** Iteration of the session's steps, from 0. */
  iteration?: number;
  /** The lock this statement needs ('sent' events). */
  wants?: LockState;
  /** The lock state the session holds after this event. */
  lock: LockState;
  /** For 'returned' and 'error': time since the matching 'sent'. */
  elapsedUs?: number;
  /** For 'returned' and 'error': the part of elapsedUs spent while another session held a conflicting lock. */
  waitedUs?: number;
  /** For 'error': SQLite's extended code name (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT, ...) and number. */
  code?: string;
  errno?: number;
  message?: string;
  /** For 'start': where the session ran. */
  pid?: number;
  threadId?: number;
}

/** A stretch of one session's lane: the lock it holds, or a wait for the lock it wants. */
export interface LockSpan {
  fromUs: number;
  toUs: number;
  lock: LockState;
  /** Set when the session is blocked in a statement waiting for this lock. */
  waitingFor?: LockState;
}

export type SessionOutcome = 'committed' | 'failed' | 'rolledback';

export interface SessionError {
  code: string;
  errno?: number;
  message: string;
  /** Time from the failing statement being sent to the error. */
  elapsedMs: number;
  /** When it happened, ms since time zero. */
  atMs: number;
}

export interface SessionResult {
  name: string;
  outcome: SessionOutcome;
  /** The first error, when failed. */
  error?: SessionError;
  /** When the outcome was decided, ms: the first error when failed, otherwise the last commit (or rollback). */
  outcomeAtMs?: number;
  waitedMs: number;
  /** Per lock a statement waited for: the longest single wait, ms (only locks that were waited for). */
  longestWaitMs: Partial<Record<LockState, number>>;
  transactions: { attempted: number; committed: number; failed: number };
  rows: { attempted: number; committed: number };
  /** How many events the session produced; more than `events.length` when the list was summarised. */
  eventCount: number;
  /** The first events, plus each error code's first, quickest and slowest error (docs/probe-result.md). */
  events: TimelineEvent[];
  spans: LockSpan[];
  /** Set when the lane had too many spans and was bucketed at this resolution. */
  spanResolutionUs?: number;
}

export type FixKind =
  | 'busy-timeout'
  | 'begin-immediate'
  | 'wal'
  | 'shorter-transactions'
  | 'off-event-loop'
  | 'close-cursors'
  | 'no-shared-cache'
  | 'bound-reads'
  | 'single-connection-pool'
  | 'busy-timeout-every-connection'
  | 'none';

export interface Verdict {
  /** One sentence: what happened. */
  summary: string;
  /** Why, in plain language, from the evidence. */
  explanation: string[];
  /** What fixes it, most relevant first. */
  fixes: { kind: FixKind; text: string }[];
}

/** The result's shape and version; @2 added the summarised fields for runs at the documented limits. */
export const probeResultSchema = 'sqlite-lock-doctor/probe-result@2';

export interface ProbeResult {
  schema: typeof probeResultSchema;
  /** Unique per run (a UUID), so a result is recognised wherever it travels (the panel, storage). */
  id: string;
  config: ProbeConfig;
  sqliteVersion: string;
  durationMs: number;
  sessions: SessionResult[];
  /** True when some session's events or spans were summarised (see each session's eventCount, spanResolutionUs). */
  summarised: boolean;
  /** Error counts by SQLite extended code name. */
  errorCounts: Record<string, number>;
  rows: { attempted: number; committed: number; found: number };
  /** WAL runs: the -wal file's size over the run (sampled), to show a WAL that a reader keeps growing. */
  walBytes?: WalSample[];
  /** Load-shape runs (config.load): every request, in the order handed out. */
  requests?: RequestRecord[];
  verdict: Verdict;
}

export interface WalSample {
  /** ms since time zero. */
  atMs: number;
  bytes: number;
}
