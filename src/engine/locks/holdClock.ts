// How long each lock has been held, for a reader that lives across readings (the watcher, `locks
// --watch`): the time of the first reading that showed each (PID, file, lock, read slot, waiting)
// entry, kept while later readings show it again and forgotten when one does not (a lock released
// and taken again starts over). Every figure is a lower bound: the lock was taken at some moment
// between the reading before and the one that first showed it, and an entry the watch's first reading
// already showed was taken before the watch began ("at least").
import type { LockHolderEntry } from './lockReport';

type Timed = Pick<LockHolderEntry, 'heldSince' | 'heldForAtLeast' | 'heldForMs'>;

export class HoldClock {
  private firstSeen = new Map<string, { at: string; atLeast: boolean }>();
  private source: readonly LockHolderEntry[] | undefined;
  private stamped: LockHolderEntry[] = [];
  private readings = 0;

  /**
   * The holders with `heldSince` and `heldForAtLeast` (not `heldForMs`: see `withHeldFor`). While the
   * decoded holders are the same array as last time, so is the result: unchanged readings stay cheap.
   */
  stamp(holders: readonly LockHolderEntry[], takenAt: string): LockHolderEntry[] {
    const first = this.readings++ === 0;
    if (holders === this.source) {
      return this.stamped;
    }
    const seen = new Map<string, { at: string; atLeast: boolean }>();
    this.stamped = holders.map((holder) => {
      const key = keyOf(holder);
      const since = this.firstSeen.get(key) ?? { at: takenAt, atLeast: first };
      seen.set(key, since);
      return { ...holder, heldSince: since.at, heldForAtLeast: since.atLeast };
    });
    this.firstSeen = seen;
    this.source = holders;
    return this.stamped;
  }
}

/** The holders with `heldForMs`, from their `heldSince` to `takenAt` (entries without one unchanged). */
export function withHeldFor<T extends Timed>(holders: readonly T[], takenAt: string): T[] {
  const now = Date.parse(takenAt);
  return holders.map((holder) =>
    holder.heldSince === undefined
      ? holder
      : { ...holder, heldForMs: Math.max(0, now - Date.parse(holder.heldSince)) },
  );
}

function keyOf(holder: LockHolderEntry): string {
  return `${holder.pid}|${holder.file}|${holder.lock}|${holder.readSlot ?? ''}|${holder.waiting}|${holder.openFileDescription ?? ''}`;
}
