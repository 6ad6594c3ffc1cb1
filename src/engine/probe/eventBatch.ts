// A run of one session's events in columns, as they travel from a session's thread or process to the
// coordinator. Sent as objects, a burst's events cost more to serialise, copy and parse than the
// transactions they time (issue 9: the recording halved WAL throughput), and the coordinator's parsing
// took CPU from the sessions. In columns they cross as a few typed arrays (structured clone / the
// "advanced" IPC serialisation copy them as bytes). The coding is exact: an event that does not fit the
// columns (a start, an error) travels whole.
import { eventKinds, keptEventsPerSession, stepOps, timelineLockStates, type SessionLog } from './sessionLog';
import type { EventKind, LockState, StepOp, TimelineEvent } from './probeTypes';

/**
 * A statement's event ('sent' or its outcome) already in the columns' codes: the session runner's hot
 * path. In WAL a transaction takes about ten microseconds; a map look-up per field and event was a
 * visible part of it, so the runner works out the codes once per step (sessionRunner.ts).
 */
export type StatementRecorder = (
  tUs: number,
  /** kindAndOpCode(). */
  kindAndOp: number,
  iteration: number,
  /** lockCode(). */
  lock: number,
  /** lockCode(), or noCode. */
  wants: number,
  /** The code a sink's sqlCode() gave the statement's text, or noCode. */
  sql: number,
  /** NaN: none. */
  elapsedUs: number,
) => void;

export interface EventBatch {
  count: number;
  tUs: Float64Array;
  /** NaN: none. */
  elapsedUs: Float64Array;
  /** -1: none. */
  iteration: Int32Array;
  /** SessionLog's codes: kind in the low nibble, op in the high one. */
  kindAndOp: Uint8Array;
  lock: Uint8Array;
  /** 255: none. */
  wants: Uint8Array;
  /** Index into sqlTexts; 255: none. */
  sql: Uint8Array;
  sqlTexts: string[];
  /** Events that travel whole, by their index in the batch (ascending). */
  wholeIndex: number[];
  wholeEvents: TimelineEvent[];
}

const none = 255;
/** A code column's "none" (wants, sql). */
export const noCode = none;
const kindCode = new Map(eventKinds.map((kind, index) => [kind, index]));
const opCode = new Map(stepOps.map((op, index) => [op, index]));
const lockCodes = new Map(timelineLockStates.map((lock, index) => [lock, index]));

/** SessionLog's kindAndOp code: kind in the low nibble, op in the high one. */
export function kindAndOpCode(kind: EventKind, op: StepOp | undefined): number {
  return (kindCode.get(kind) ?? 0) | ((opCode.get(op) ?? 0) << 4);
}

export function lockCode(lock: LockState): number {
  return lockCodes.get(lock) ?? 0;
}

/** Numbers the statement texts of one session, so an event carries a code, not a string. */
export class SqlTexts {
  readonly texts: string[] = [];
  private readonly codes = new Map<string, number>();

  /** The text's code; noCode past the 255th distinct text (its events then carry no text). */
  code(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.texts.length < none ? this.texts.length : none;
      if (code !== none) {
        this.texts.push(text);
        this.codes.set(text, code);
      }
    }
    return code;
  }
}

/** A statement's event as an object, from its codes (StatementRecorder's fields). */
export function codedStatementEvent(
  tUs: number,
  kindAndOp: number,
  iteration: number,
  lock: number,
  wants: number,
  sql: number,
  sqlTexts: readonly string[],
  elapsedUs: number,
): TimelineEvent {
  return statementEvent(
    tUs,
    eventKinds[kindAndOp & 0x0f],
    stepOps[kindAndOp >> 4],
    iteration >= 0 ? iteration : undefined,
    timelineLockStates[lock],
    wants === none ? undefined : timelineLockStates[wants],
    sql === none ? undefined : sqlTexts[sql],
    Number.isNaN(elapsedUs) ? undefined : elapsedUs,
  );
}

/** Fills one batch (its columns grow as needed); `take` hands it over and starts the next. */
export class EventBatchWriter {
  private batch: EventBatch;
  private readonly sqlTexts = new SqlTexts();

  constructor(readonly capacity: number) {
    this.batch = this.empty();
  }

  get count(): number {
    return this.batch.count;
  }

  /** From the first event's time to the last's, µs (0 when empty). */
  get timeSpanUs(): number {
    const batch = this.batch;
    return batch.count === 0 ? 0 : batch.tUs[batch.count - 1] - batch.tUs[0];
  }

  add(event: TimelineEvent): void {
    const batch = this.batch;
    const index = batch.count++;
    if (index === batch.tUs.length) {
      this.grow();
    }
    // Also for an event that travels whole: timeSpanUs reads the column.
    batch.tUs[index] = event.tUs;
    if (!fitsColumns(event)) {
      batch.wholeIndex.push(index);
      batch.wholeEvents.push(event);
      return;
    }
    batch.elapsedUs[index] = event.elapsedUs ?? NaN;
    batch.iteration[index] = event.iteration ?? -1;
    batch.kindAndOp[index] = kindAndOpCode(event.kind, event.op);
    batch.lock[index] = lockCode(event.lock);
    batch.wants[index] = event.wants === undefined ? none : (lockCodes.get(event.wants) ?? none);
    batch.sql[index] = event.sql === undefined ? none : this.sqlTexts.code(event.sql);
  }

  /** The code addStatement's `sql` takes for a statement text. */
  sqlCode(text: string): number {
    return this.sqlTexts.code(text);
  }

  /** A statement's event in codes (sessionRunner.ts's EventSink): no object, no look-up on the way. */
  addStatement(
    tUs: number,
    kindAndOp: number,
    iteration: number,
    lock: number,
    wants: number,
    sql: number,
    elapsedUs: number,
  ): void {
    const batch = this.batch;
    const index = batch.count++;
    if (index === batch.tUs.length) {
      this.grow();
    }
    batch.tUs[index] = tUs;
    batch.elapsedUs[index] = elapsedUs;
    batch.iteration[index] = iteration;
    batch.kindAndOp[index] = kindAndOp;
    batch.lock[index] = lock;
    batch.wants[index] = wants;
    batch.sql[index] = sql;
  }

  /** The events so far, copied to columns of their exact length (what a structured clone sends is the
   * whole buffer under a view); the writer refills its own columns. */
  take(): EventBatch {
    const full = this.batch;
    const count = full.count;
    const taken: EventBatch = {
      count,
      tUs: full.tUs.slice(0, count),
      elapsedUs: full.elapsedUs.slice(0, count),
      iteration: full.iteration.slice(0, count),
      kindAndOp: full.kindAndOp.slice(0, count),
      lock: full.lock.slice(0, count),
      wants: full.wants.slice(0, count),
      sql: full.sql.slice(0, count),
      sqlTexts: [...this.sqlTexts.texts],
      wholeIndex: full.wholeIndex,
      wholeEvents: full.wholeEvents,
    };
    full.count = 0;
    full.wholeIndex = [];
    full.wholeEvents = [];
    return taken;
  }

  /** Past the capacity the columns double: the outbox hands batches over between transactions only. */
  private grow(): void {
    const batch = this.batch;
    const size = batch.tUs.length * 2;
    const wider = <T extends Float64Array | Int32Array | Uint8Array>(
      column: T,
      make: (size: number) => T,
    ): T => {
      const copy = make(size);
      copy.set(column);
      return copy;
    };
    batch.tUs = wider(batch.tUs, (n) => new Float64Array(n));
    batch.elapsedUs = wider(batch.elapsedUs, (n) => new Float64Array(n));
    batch.iteration = wider(batch.iteration, (n) => new Int32Array(n));
    batch.kindAndOp = wider(batch.kindAndOp, (n) => new Uint8Array(n));
    batch.lock = wider(batch.lock, (n) => new Uint8Array(n));
    batch.wants = wider(batch.wants, (n) => new Uint8Array(n));
    batch.sql = wider(batch.sql, (n) => new Uint8Array(n));
  }

  private empty(): EventBatch {
    const size = this.capacity;
    return {
      count: 0,
      tUs: new Float64Array(size),
      elapsedUs: new Float64Array(size),
      iteration: new Int32Array(size),
      kindAndOp: new Uint8Array(size),
      lock: new Uint8Array(size),
      wants: new Uint8Array(size),
      sql: new Uint8Array(size),
      sqlTexts: [],
      wholeIndex: [],
      wholeEvents: [],
    };
  }
}

/** Whether the event has only the fields the columns hold (a start's pid, an error's code do not fit). */
function fitsColumns(event: TimelineEvent): boolean {
  const iteration = event.iteration;
  return (
    event.code === undefined &&
    event.errno === undefined &&
    event.message === undefined &&
    event.pid === undefined &&
    event.threadId === undefined &&
    event.waitedUs === undefined &&
    (iteration === undefined || (Number.isInteger(iteration) && iteration >= 0 && iteration <= 0x7fffffff))
  );
}

/** The event at `index` of a batch, as the session emitted it. */
export function batchEvent(batch: EventBatch, index: number): TimelineEvent {
  const whole = batch.wholeIndex.indexOf(index);
  if (whole >= 0) {
    return batch.wholeEvents[whole];
  }
  return columnEvent(batch, index);
}

function columnEvent(batch: EventBatch, index: number): TimelineEvent {
  return codedStatementEvent(
    batch.tUs[index],
    batch.kindAndOp[index],
    batch.iteration[index],
    batch.lock[index],
    batch.wants[index],
    batch.sql[index],
    batch.sqlTexts,
    batch.elapsedUs[index],
  );
}

/** A statement's event as an object, its fields in the order the result lists them; absent ones left out. */
function statementEvent(
  tUs: number,
  kind: EventKind,
  op: StepOp | undefined,
  iteration: number | undefined,
  lock: LockState,
  wants: LockState | undefined,
  sql: string | undefined,
  elapsedUs: number | undefined,
): TimelineEvent {
  const event: TimelineEvent = { tUs, kind } as TimelineEvent;
  if (op !== undefined) {
    event.op = op;
  }
  if (sql !== undefined) {
    event.sql = sql;
  }
  if (iteration !== undefined) {
    event.iteration = iteration;
  }
  if (wants !== undefined) {
    event.wants = wants;
  }
  event.lock = lock;
  if (elapsedUs !== undefined) {
    event.elapsedUs = elapsedUs;
  }
  return event;
}

/** Every event of a batch, in order. */
export function batchEvents(batch: EventBatch): TimelineEvent[] {
  return Array.from({ length: batch.count }, (_, index) => batchEvent(batch, index));
}

/**
 * Adds a batch to a session's log. Whole objects are built only where someone reads them: the events
 * the log keeps whole, and every event when `onEvent` listens.
 */
export function logBatch(batch: EventBatch, log: SessionLog, onEvent?: (event: TimelineEvent) => void): void {
  let nextWhole = 0;
  let index = 0;
  while (index < batch.count) {
    const wholeAt = nextWhole < batch.wholeIndex.length ? batch.wholeIndex[nextWhole] : batch.count;
    let event: TimelineEvent;
    if (index === wholeAt) {
      event = batch.wholeEvents[nextWhole++];
    } else if (onEvent !== undefined || log.count < keptEventsPerSession) {
      event = columnEvent(batch, index);
    } else {
      // Up to the next whole event nobody needs an object: the columns are copied as they are.
      log.appendColumns(batch, index, wholeAt);
      index = wholeAt;
      continue;
    }
    log.push(event);
    onEvent?.(event);
    index++;
  }
}
