// When other sessions held a lock that conflicts with the one a statement wants. Each session's held
// lock is a step function of its events' `lock` field; per wanted lock, the starts and ends of every
// conflicting held stretch go into two sorted arrays, so "how long did somebody else hold a conflicting
// lock during this statement" is two binary searches and a walk over the changes inside the statement,
// never a scan of every other session (a burst at the documented limits has millions of stretches).
import { lockConflicts, type JournalFamily } from './lockModel';
import type { LockState } from './probeTypes';
import { lockStates, type SessionLog } from './sessionLog';

interface Stretches {
  /** Sorted start times of conflicting stretches, µs. */
  starts: Float64Array;
  /** Sorted end times (exclusive), µs. */
  ends: Float64Array;
  /** Whether a session's own held lock is one of the conflicting ones. */
  conflicts: Set<LockState>;
}

/** Calls `visit(fromUs, toUs, lock)` for each stretch in which the session held a lock. */
export function forEachHeldStretch(
  log: SessionLog,
  endUs: number,
  visit: (fromUs: number, toUs: number, lock: LockState) => void,
): void {
  for (let index = 0; index < log.count; index++) {
    const fromUs = log.tUs[index];
    const toUs = index + 1 < log.count ? log.tUs[index + 1] : Math.max(endUs, fromUs);
    const lock = log.lockAt(index);
    if (lock !== 'none' && toUs > fromUs) {
      visit(fromUs, toUs, lock);
    }
  }
}

export class LockCoverage {
  private readonly byWanted = new Map<LockState, Stretches>();

  constructor(logs: readonly SessionLog[], family: JournalFamily, endUs: number) {
    for (const wants of lockStates) {
      const conflicts = new Set(lockStates.filter((held) => lockConflicts(wants, held, family)));
      if (conflicts.size > 0) {
        this.byWanted.set(wants, collect(logs, endUs, conflicts));
      }
    }
  }

  /**
   * Length of the part of [fromUs, toUs) in which a session other than the asking one held a lock that
   * conflicts with `wants`. The asking session holds `ownLock` throughout, so it is counted out.
   */
  otherHoldersUs(fromUs: number, toUs: number, wants: LockState, ownLock: LockState): number {
    const stretches = this.byWanted.get(wants);
    if (!stretches || toUs <= fromUs) {
      return 0;
    }
    const { starts, ends } = stretches;
    const own = stretches.conflicts.has(ownLock) ? 1 : 0;
    let nextStart = countAtOrBefore(starts, fromUs);
    let nextEnd = countAtOrBefore(ends, fromUs);
    let holders = nextStart - nextEnd;
    let at = fromUs;
    let covered = 0;
    for (;;) {
      const change = Math.min(
        nextStart < starts.length ? starts[nextStart] : Infinity,
        nextEnd < ends.length ? ends[nextEnd] : Infinity,
      );
      if (change >= toUs) {
        break;
      }
      if (holders > own) {
        covered += change - at;
      }
      while (nextStart < starts.length && starts[nextStart] === change) {
        holders++;
        nextStart++;
      }
      while (nextEnd < ends.length && ends[nextEnd] === change) {
        holders--;
        nextEnd++;
      }
      at = change;
    }
    return holders > own ? covered + (toUs - at) : covered;
  }
}

function collect(logs: readonly SessionLog[], endUs: number, conflicts: Set<LockState>): Stretches {
  let size = 0;
  for (const log of logs) {
    forEachHeldStretch(log, endUs, (_from, _to, lock) => {
      size += conflicts.has(lock) ? 1 : 0;
    });
  }
  const starts = new Float64Array(size);
  const ends = new Float64Array(size);
  let filled = 0;
  for (const log of logs) {
    forEachHeldStretch(log, endUs, (fromUs, toUs, lock) => {
      if (conflicts.has(lock)) {
        starts[filled] = fromUs;
        ends[filled] = toUs;
        filled++;
      }
    });
  }
  // A typed array sorts numerically without a comparator.
  starts.sort();
  ends.sort();
  return { starts, ends, conflicts };
}

/** How many of the sorted values are at or before `time`. */
function countAtOrBefore(sorted: Float64Array, time: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= time) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
