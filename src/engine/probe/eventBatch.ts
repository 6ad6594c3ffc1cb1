// A run of one session's events in columns, as they travel from a session's thread or process to the
// coordinator. Sent as objects, a burst's events cost more to serialise, copy and parse than the
// transactions they time (issue 9: the recording halved WAL throughput), and the coordinator's parsing
// took CPU from the sessions. In columns they cross as a few typed arrays (structured clone / the
// "advanced" IPC serialisation copy them as bytes). The coding is exact: an event that does not fit the
// columns (a start, an error) travels whole.
import { eventKinds, keptEventsPerSession, stepOps, timelineLockStates, type SessionLog } from './sessionLog';
import type { EventKind, LockState, StepOp, TimelineEvent } from './probeTypes';

/** A statement's event, field by field ('sent' or its outcome): the session runner's hot path. */
export type StatementRecorder = (
  tUs: number,
  kind: EventKind,
  op: StepOp,
  iteration: number,
  lock: LockState,
  wants: LockState | undefined,
  sql: string | undefined,
  elapsedUs: number | undefined,
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
const kindCode = new Map(eventKinds.map((kind, index) => [kind, index]));
const opCode = new Map(stepOps.map((op, index) => [op, index]));
const lockCode = new Map(timelineLockStates.map((lock, index) => [lock, index]));

/** Fills one batch; `take` hands it over and starts the next. */
export class EventBatchWriter {
  private batch: EventBatch;
  private readonly sqlCode = new Map<string, number>();
  private readonly sqlTexts: string[] = [];

  constructor(readonly capacity: number) {
    this.batch = this.empty();
  }

  get count(): number {
    return this.batch.count;
  }

  add(event: TimelineEvent): void {
    const batch = this.batch;
    const index = batch.count++;
    if (!fitsColumns(event)) {
      batch.wholeIndex.push(index);
      batch.wholeEvents.push(event);
      return;
    }
    batch.tUs[index] = event.tUs;
    batch.elapsedUs[index] = event.elapsedUs ?? NaN;
    batch.iteration[index] = event.iteration ?? -1;
    batch.kindAndOp[index] = (kindCode.get(event.kind) ?? 0) | ((opCode.get(event.op) ?? 0) << 4);
    batch.lock[index] = lockCode.get(event.lock) ?? 0;
    batch.wants[index] = event.wants === undefined ? none : (lockCode.get(event.wants) ?? none);
    batch.sql[index] = event.sql === undefined ? none : this.sqlIndex(event.sql);
  }

  /** A statement's event, field by field (sessionRunner.ts's EventSink): no object on the way. */
  readonly addStatement: StatementRecorder = (tUs, kind, op, iteration, lock, wants, sql, elapsedUs) => {
    const batch = this.batch;
    const index = batch.count++;
    batch.tUs[index] = tUs;
    batch.elapsedUs[index] = elapsedUs ?? NaN;
    batch.iteration[index] = iteration;
    batch.kindAndOp[index] = (kindCode.get(kind) ?? 0) | ((opCode.get(op) ?? 0) << 4);
    batch.lock[index] = lockCode.get(lock) ?? 0;
    batch.wants[index] = wants === undefined ? none : (lockCode.get(wants) ?? none);
    batch.sql[index] = sql === undefined ? none : this.sqlIndex(sql);
  };

  take(): EventBatch {
    const full = this.batch;
    this.batch = this.empty();
    const count = full.count;
    return {
      ...full,
      tUs: full.tUs.subarray(0, count),
      elapsedUs: full.elapsedUs.subarray(0, count),
      iteration: full.iteration.subarray(0, count),
      kindAndOp: full.kindAndOp.subarray(0, count),
      lock: full.lock.subarray(0, count),
      wants: full.wants.subarray(0, count),
      sql: full.sql.subarray(0, count),
      sqlTexts: [...this.sqlTexts],
    };
  }

  private sqlIndex(text: string): number {
    let code = this.sqlCode.get(text);
    if (code === undefined) {
      code = this.sqlTexts.length < none ? this.sqlTexts.length : none;
      if (code !== none) {
        this.sqlTexts.push(text);
        this.sqlCode.set(text, code);
      }
    }
    return code;
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
  const sql = batch.sql[index];
  const wants = batch.wants[index];
  const elapsedUs = batch.elapsedUs[index];
  const iteration = batch.iteration[index];
  return statementEvent(
    batch.tUs[index],
    eventKinds[batch.kindAndOp[index] & 0x0f],
    stepOps[batch.kindAndOp[index] >> 4],
    iteration >= 0 ? iteration : undefined,
    timelineLockStates[batch.lock[index]],
    wants === none ? undefined : timelineLockStates[wants],
    sql === none ? undefined : batch.sqlTexts[sql],
    Number.isNaN(elapsedUs) ? undefined : elapsedUs,
  );
}

/** A statement's event as an object, its fields in the order the result lists them; absent ones left out. */
export function statementEvent(
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
  for (let index = 0; index < batch.count; index++) {
    let event: TimelineEvent | undefined;
    if (nextWhole < batch.wholeIndex.length && batch.wholeIndex[nextWhole] === index) {
      event = batch.wholeEvents[nextWhole++];
    } else if (onEvent !== undefined || log.count < keptEventsPerSession) {
      event = columnEvent(batch, index);
    }
    if (event === undefined) {
      log.pushColumns(batch.tUs[index], batch.kindAndOp[index], batch.lock[index], batch.wants[index]);
    } else {
      log.push(event);
      onEvent?.(event);
    }
  }
}
