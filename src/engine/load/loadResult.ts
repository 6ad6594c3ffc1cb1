// The load test's result (`load --json`, and the `load` field of a recording made during it).
import type { AppOutput } from '../appOutput/appOutputTypes';
import type { LockErrorKind } from '../appOutput/lockErrorKinds';
import type { HttpMethod } from '../options/loadOptions';
import type { LatencySummary } from './percentiles';
import type { RequestOutcome } from './sendRequests';

/** Requests kept one by one in a result (the timeline's marks); counts cover every request. */
export const keptRequestOutcomes = 5000;

export const loadResultSchema = 'sqlite-lock-doctor/load@1';

export interface RowsAdded {
  /** What was counted: the user's --count-sql, a --table, or every table (the one that grew is reported). */
  counted: 'sql' | 'table' | 'allTables';
  /** The query or the table; null when every table was counted and none grew. */
  what: string | null;
  before: number;
  after: number;
  added: number;
  /** Counting every table: the other tables whose row count changed (each with its change). */
  otherTables: { table: string; added: number }[];
}

export interface LoadCheck {
  /** The seed's check in one line: "18 of 20 requests failed; 2 rows were added for 2 successful requests". */
  text: string;
  /** Rows added = successful (2xx) requests. */
  rowsMatchSuccesses: boolean;
}

export interface LoadResult {
  schema: typeof loadResultSchema;
  /** Wall-clock time of the first request. */
  startedAt: string;
  config: {
    urls: string[];
    method: HttpMethod;
    requests: number;
    concurrency: number;
    database: string;
    /** Header names only: their values may be credentials. */
    headerNames: string[];
    body: boolean;
    /** The --run command, when load started the app. */
    run: string | null;
    /** The --log file followed during the load. */
    log: string | null;
  };
  /** From the first request sent to the last answer. */
  durationMs: number;
  /** The recording's clock: ms of the first request since the recording (or the load) started. */
  startMs: number;
  sent: number;
  successful: number;
  failed: number;
  /** Responses received, by HTTP status, ascending. */
  byStatus: { status: number; count: number }[];
  /** Requests that got no response, by the client's error code (ECONNRESET, UND_ERR_HEADERS_TIMEOUT...). */
  noResponse: { error: string; count: number }[];
  /** Latency of every request that got a response, in ms. */
  latencyMs: LatencySummary | null;
  perUrl: { url: string; sent: number; successful: number; failed: number }[];
  /** Each request on the recording's clock, in the order sent: the first `keptRequestOutcomes`. */
  outcomes: RequestOutcome[];
  /** Requests sent beyond those kept in `outcomes`. */
  droppedOutcomes: number;
  /** Lock errors named in failed responses' bodies, by kind (apps that return the error text). */
  lockErrorsInResponses: Partial<Record<LockErrorKind, number>>;
  rows: RowsAdded;
  check: LoadCheck;
  /** With --run: the app's output, its lock-error lines counted by kind. */
  app: AppOutput | null;
  /** Set when the load was cut short (Ctrl-C). */
  cancelled: boolean;
}
