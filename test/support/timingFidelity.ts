// The probe's timeline against the kernel's truth (issue 9, item 4). The seed runs in place on a DELETE
// database while python3 (lockObserver.ts) watches the RESERVED byte; on the shared monotonic clock,
// every change it sees must fall inside the statement the timeline says made it: a writer takes
// RESERVED during its write statement and drops it during its commit. Also the length of B's hold, as
// the timeline reports it (commit returned - write returned) against the observed one.
import { runProbe } from '../../src/engine/probe/runProbe';
import type { ExecutionModel, ProbeResult, TimelineEvent } from '../../src/engine/probe/probeTypes';
import { observeLockByte, type LockChange } from './lockObserver';
import { reservedByte } from './posixLockOn';
import { makeItemsDatabase } from './tempDatabase';

/** How long before B's write a change may be seen and still count as B's (see `next`). */
const setupMarginMs = 50;

export interface FidelityEdge {
  /** "B takes RESERVED", ... */
  what: string;
  /** The statement that made the change, ms since time zero, as the timeline reports it. */
  sentMs: number;
  returnedMs: number;
  /** When python3 saw the change, ms since time zero. */
  observedMs: number;
  /** How far the observation falls outside [sentMs, returnedMs]: negative before it, positive after. */
  errorMs: number;
}

export interface FidelityRun {
  model: ExecutionModel;
  edges: FidelityEdge[];
  /** B's RESERVED hold: timeline vs observed, ms. */
  reportedHoldMs: number;
  observedHoldMs: number;
}

function eventOf(result: ProbeResult, session: string, kind: TimelineEvent['kind'], op: TimelineEvent['op']) {
  const found = result.sessions
    .find((candidate) => candidate.name === session)
    ?.events.find((event) => event.kind === kind && event.op === op);
  if (!found) {
    throw new Error(`the timeline has no ${kind} ${op} event for ${session}`);
  }
  return found.tUs / 1000;
}

function edge(
  what: string,
  sentMs: number,
  returnedMs: number,
  observedMs: number | undefined,
): FidelityEdge {
  if (observedMs === undefined) {
    throw new Error(`python3 did not see: ${what}`);
  }
  const errorMs =
    observedMs < sentMs ? observedMs - sentMs : observedMs > returnedMs ? observedMs - returnedMs : 0;
  return { what, sentMs, returnedMs, observedMs, errorMs };
}

export async function measureTimingFidelity(model: ExecutionModel, folder: string): Promise<FidelityRun> {
  const database = makeItemsDatabase(folder, 'delete', `fidelity-${model}.db`);
  const observer = await observeLockByte(database, reservedByte);
  let t0Ns: bigint | undefined;
  let changes: LockChange[];
  let result: ProbeResult;
  try {
    result = await runProbe({
      database,
      preset: 'seed',
      model,
      journal: 'keep',
      busyTimeoutMs: 5000,
      inPlace: true,
      onTimeZero: (zero) => (t0Ns = zero),
    });
  } finally {
    changes = await observer.stop();
  }
  if (t0Ns === undefined) {
    throw new Error('the probe did not report its time zero');
  }
  const zero = t0Ns;
  const after = changes
    .filter((change) => change.atNs > zero)
    .map((change) => ({ held: change.held, atMs: Number(change.atNs - zero) / 1e6 }));
  // Changes in order: B's take, B's drop, then A's. python3 stamps a change when it sees it, so the
  // end of the probe's own setup (before time zero) can show up just after zero: only changes from
  // shortly before B's write on count.
  let cursor = 0;
  const next = (held: boolean, notBeforeMs: number): number | undefined => {
    while (cursor < after.length) {
      const change = after[cursor++];
      if (change.held === held && change.atMs >= notBeforeMs) {
        return change.atMs;
      }
    }
    return undefined;
  };
  const bWriteSent = eventOf(result, 'B', 'sent', 'write');
  const bWrite = eventOf(result, 'B', 'returned', 'write');
  const bCommitSent = eventOf(result, 'B', 'sent', 'commit');
  const bCommit = eventOf(result, 'B', 'commit', 'commit');
  const bTake = next(true, bWriteSent - setupMarginMs);
  const bDrop = next(false, bTake ?? Infinity);
  const edges = [
    edge('B takes RESERVED (write)', bWriteSent, bWrite, bTake),
    edge('B drops RESERVED (commit)', bCommitSent, bCommit, bDrop),
  ];
  // In the blocking model A fails while B waits behind it on the same thread; elsewhere A writes after B.
  if (model !== 'blocking') {
    edges.push(
      edge(
        'A takes RESERVED (write, after waiting)',
        eventOf(result, 'A', 'sent', 'write'),
        eventOf(result, 'A', 'returned', 'write'),
        next(true, bDrop ?? Infinity),
      ),
      edge(
        'A drops RESERVED (commit)',
        eventOf(result, 'A', 'sent', 'commit'),
        eventOf(result, 'A', 'commit', 'commit'),
        next(false, 0),
      ),
    );
  }
  return {
    model,
    edges,
    reportedHoldMs: bCommit - bWrite,
    observedHoldMs: (bDrop ?? NaN) - (bTake ?? NaN),
  };
}
