// One session's events as the coordinator receives them, kept small enough for the documented limits
// (64 writers x 10 000 transactions is about five million events). Every event goes into compact
// columns (11 bytes each) that the analysis reads; only the first events, and for each error code
// the first, quickest and slowest error, are kept as whole objects for the result.
import { lockStates } from '../locks/lockStates';
import type { EventKind, LockState, StepOp, TimelineEvent } from './probeTypes';

/** Events kept whole per session; later ones are counted and analysed, not listed. */
export const keptEventsPerSession = 500;

export const eventKinds: readonly EventKind[] = [
  'start',
  'begin',
  'sent',
  'returned',
  'error',
  'commit',
  'rollback',
  'end',
];
export const stepOps: readonly (StepOp | undefined)[] = [
  undefined,
  'begin',
  'read',
  'write',
  'hold',
  'commit',
  'rollback',
  'cursor',
  'close',
];
/** The lock states a timeline uses, 'none' first: the one list in src/engine/locks/lockStates.ts. */
export const timelineLockStates: readonly LockState[] = [
  'none',
  ...lockStates.filter((state) => state.inTimeline).map((state) => state.name),
];

const kindIndex = new Map(eventKinds.map((kind, index) => [kind, index]));
const opIndex = new Map(stepOps.map((op, index) => [op, index]));
const lockIndex = new Map(timelineLockStates.map((lock, index) => [lock, index]));
const noWants = 255;

/** The error events worth keeping whole for one code: the evidence the verdict rules read. */
interface ErrorWitnesses {
  first: number;
  quickest: number;
  slowest: number;
}

export class SessionLog {
  /** How many events the session produced. */
  count = 0;
  tUs = new Float64Array(1024);
  /** Event kind in the low nibble, step op in the high one. */
  kindAndOp = new Uint8Array(1024);
  lock = new Uint8Array(1024);
  /** The wanted lock of 'sent' events; 255 for none. */
  wants = new Uint8Array(1024);
  /** Whole events by index: the first `keptEventsPerSession`, then the error witnesses. */
  readonly kept = new Map<number, TimelineEvent>();
  /** Errors by code, exact. */
  readonly errorCounts = new Map<string, number>();
  /** The first error, whole, whether or not it falls among the first events. */
  firstError: TimelineEvent | undefined;
  private readonly witnesses = new Map<string, ErrorWitnesses>();

  constructor(readonly name: string) {}

  static of(name: string, events: readonly TimelineEvent[]): SessionLog {
    const log = new SessionLog(name);
    for (const event of events) {
      log.push(event);
    }
    return log;
  }

  push(event: TimelineEvent): void {
    const index = this.count;
    this.pushColumns(
      event.tUs,
      (kindIndex.get(event.kind) ?? 0) | ((opIndex.get(event.op) ?? 0) << 4),
      lockIndex.get(event.lock) ?? 0,
      event.wants === undefined ? noWants : (lockIndex.get(event.wants) ?? noWants),
    );
    if (index < keptEventsPerSession) {
      this.kept.set(index, event);
    }
    if (event.kind === 'error') {
      this.noteError(index, event);
    }
  }

  /** An event already in this log's codes (eventBatch.ts), past the ones kept whole and not an error. */
  pushColumns(tUs: number, kindAndOp: number, lock: number, wants: number): void {
    const index = this.count;
    if (index === this.tUs.length) {
      this.grow();
    }
    this.tUs[index] = tUs;
    this.kindAndOp[index] = kindAndOp;
    this.lock[index] = lock;
    this.wants[index] = wants;
    this.count++;
  }

  /** Events `from` to `to` (exclusive) of columns in this log's codes, none of them kept whole: copied at
   * once (the coordinator's share of a burst's recording was a call per event). */
  appendColumns(
    columns: { tUs: Float64Array; kindAndOp: Uint8Array; lock: Uint8Array; wants: Uint8Array },
    from: number,
    to: number,
  ): void {
    const count = to - from;
    while (this.count + count > this.tUs.length) {
      this.grow();
    }
    this.tUs.set(columns.tUs.subarray(from, to), this.count);
    this.kindAndOp.set(columns.kindAndOp.subarray(from, to), this.count);
    this.lock.set(columns.lock.subarray(from, to), this.count);
    this.wants.set(columns.wants.subarray(from, to), this.count);
    this.count += count;
  }

  kind(index: number): EventKind {
    return eventKinds[this.kindAndOp[index] & 0x0f];
  }

  op(index: number): StepOp | undefined {
    return stepOps[this.kindAndOp[index] >> 4];
  }

  lockAt(index: number): LockState {
    return timelineLockStates[this.lock[index]];
  }

  wantsAt(index: number): LockState | undefined {
    return this.wants[index] === noWants ? undefined : timelineLockStates[this.wants[index]];
  }

  /** Whether some events are counted but not kept whole. */
  get summarised(): boolean {
    return this.count > this.kept.size;
  }

  private noteError(index: number, event: TimelineEvent): void {
    const code = event.code ?? 'ERROR';
    this.errorCounts.set(code, (this.errorCounts.get(code) ?? 0) + 1);
    this.firstError ??= event;
    const elapsed = event.elapsedUs ?? 0;
    const seen = this.witnesses.get(code);
    if (!seen) {
      this.witnesses.set(code, { first: index, quickest: index, slowest: index });
      this.kept.set(index, event);
      return;
    }
    if (elapsed < (this.kept.get(seen.quickest)?.elapsedUs ?? 0)) {
      this.replaceWitness(seen, 'quickest', index, event);
    }
    if (elapsed > (this.kept.get(seen.slowest)?.elapsedUs ?? 0)) {
      this.replaceWitness(seen, 'slowest', index, event);
    }
  }

  private replaceWitness(
    seen: ErrorWitnesses,
    role: 'quickest' | 'slowest',
    index: number,
    event: TimelineEvent,
  ): void {
    const previous = seen[role];
    seen[role] = index;
    this.kept.set(index, event);
    const stillNeeded =
      previous < keptEventsPerSession ||
      previous === seen.first ||
      previous === seen.quickest ||
      previous === seen.slowest;
    if (!stillNeeded) {
      this.kept.delete(previous);
    }
  }

  private grow(): void {
    const size = this.tUs.length * 2;
    const tUs = new Float64Array(size);
    tUs.set(this.tUs);
    this.tUs = tUs;
    for (const column of ['kindAndOp', 'lock', 'wants'] as const) {
      const wider = new Uint8Array(size);
      wider.set(this[column]);
      this[column] = wider;
    }
  }
}
