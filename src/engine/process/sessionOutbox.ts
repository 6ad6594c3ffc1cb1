// A session's events on their way to the coordinator. A burst session produces tens of thousands of
// events per second while the coordinator, one thread among 64 busy sessions, may get little CPU; sent
// one message each and unacknowledged, they piled up by the gigabyte. So events travel in batches, the
// coordinator acknowledges each batch, and a session that is too far ahead waits between two
// transactions (holding no lock, so the wait changes nobody's locking) until it has caught up. Batches
// leave between transactions too (or when the session yields), never inside a statement's timing. A
// batch is columns of numbers (probe/eventBatch.ts), not objects: cheap to fill, to send and to read.
import { EventBatchWriter, type EventBatch } from '../probe/eventBatch';
import type { TimelineEvent } from '../probe/probeTypes';
import type { EventSink, SessionHooks } from '../probe/sessionRunner';

/** Events per message: a session that has this many sends them at its next transaction's end. */
export const outboxBatchSize = 16384;
/** A session that never yields still hands its events over at least this often (event time, µs), so a
 * session killed mid-burst leaves a timeline up to its last tenth of a second. Not more often: each
 * hand-over wakes the coordinator, and in WAL the writer then often loses its CPU, and the lock's
 * turn, for a millisecond or more (issue 9: with 4096-event batches every 20 ms the probe's writers had
 * ten times the plain loop's gaps of 100 µs or more between COMMIT and the next BEGIN). */
export const outboxMaxBufferedUs = 100_000;
/** Unacknowledged batches a session may have out before it waits. */
const maxInFlight = 4;

/** Room past outboxBatchSize: a batch is handed over at the first transaction end past its size, so the
 * columns hold a transaction more without growing (a copy of every column). */
const columnsSlack = 1024;

export class SessionOutbox {
  private readonly buffer = new EventBatchWriter(outboxBatchSize + columnsSlack);
  private inFlight = 0;
  private flushScheduled = false;
  private lastSend: Promise<void> = Promise.resolve();
  private caughtUp: (() => void) | undefined;

  constructor(private readonly send: (events: EventBatch) => Promise<void>) {}

  /** An event whole (a start, an error, an end): handed over once the session yields. */
  add(event: TimelineEvent): void {
    this.buffer.add(event);
    this.flushWhenYielding();
  }

  /** A sink for a caller that yields on its own (a load-shape client): every event leaves once it yields. */
  readonly sink: EventSink = {
    statement: (tUs, kindAndOp, iteration, lock, wants, sql, elapsedUs) => {
      this.buffer.addStatement(tUs, kindAndOp, iteration, lock, wants, sql, elapsedUs);
      this.flushWhenYielding();
    },
    sqlCode: (text) => this.buffer.sqlCode(text),
    event: (event) => this.add(event),
  };

  /**
   * The session runner's sink and hooks (sessionRunner.ts), for a burst's hot loop: a statement's event
   * only goes into the columns, and the runner's hooks hand events over (between transactions, and
   * before it sleeps). Nothing is scheduled per event: the branch that scheduled a flush ran only after
   * a yield, so V8's optimised loop had never seen it and was thrown away at each one (issue 9).
   */
  readonly runner: { sink: EventSink; hooks: SessionHooks } = {
    sink: {
      statement: (tUs, kindAndOp, iteration, lock, wants, sql, elapsedUs) =>
        this.buffer.addStatement(tUs, kindAndOp, iteration, lock, wants, sql, elapsedUs),
      sqlCode: (text) => this.buffer.sqlCode(text),
      event: (event) => this.add(event),
    },
    hooks: {
      handOverDue: () => this.handOverDue(),
      betweenTransactions: () => this.pace(),
      beforeSleep: () => this.flush(),
    },
  };

  /** Nothing is sent inside a statement or a transaction: taking and serialising a batch of thousands of
   * events takes a few hundred microseconds, which the statement's time and the lock's hold would
   * include. A session that yields (a hold, a timed step) hands its events over at once, so a live view
   * or a test that reacts to an event sees it while the session still runs. */
  private flushWhenYielding(): void {
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.flush();
      });
    }
  }

  /** Whether pace() has work: a full batch, a batch spanning its time, or a wait for the coordinator. */
  handOverDue(): boolean {
    return (
      this.buffer.count >= outboxBatchSize ||
      this.buffer.timeSpanUs >= outboxMaxBufferedUs ||
      this.inFlight >= maxInFlight
    );
  }

  /** The coordinator took a batch. */
  received(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight < maxInFlight && this.caughtUp) {
      this.caughtUp();
      this.caughtUp = undefined;
    }
  }

  /** Between transactions: nothing to wait for, or a promise that resolves once the coordinator caught up. */
  pace(): Promise<void> | undefined {
    // Not every transaction: a message per transaction costs the session more than the transaction.
    if (this.buffer.count >= outboxBatchSize || this.buffer.timeSpanUs >= outboxMaxBufferedUs) {
      this.flush();
    }
    if (this.inFlight < maxInFlight) {
      return undefined;
    }
    return new Promise((resolve) => {
      this.caughtUp = resolve;
    });
  }

  /** Sends what is left; resolves once every batch is handed to the channel. */
  close(): Promise<void> {
    this.flush();
    return this.lastSend;
  }

  private flush(): void {
    if (this.buffer.count === 0) {
      return;
    }
    this.inFlight++;
    this.lastSend = this.send(this.buffer.take());
  }
}
