// One sample's holders as the recorder reads them: the lock intervals it shows (keyed by process,
// file, state, slot and waiting), the processes present, and what the summary needs (writers, readers,
// snapshots). OPEN entries, and a WAL connection's SHARED lock on the database (held for as long as the
// connection is open), are presence, not locks.
import type { DecodedHolder } from '../locks/decodeLockHolders';
import type { SummarySample } from './summaryBuilder';

export type SampledHolder = Pick<DecodedHolder, 'pid' | 'file' | 'lock' | 'readSlot' | 'waiting'>;

export interface SampleView {
  /** Interval key -> the holder. */
  locks: Map<string, SampledHolder>;
  presentPids: Set<number>;
  /** PIDs with a lock interval (not only presence). */
  lockPids: Set<number>;
  summary: Omit<SummarySample, 'atMs' | 'boundaryMs' | 'walBytes'>;
}

export function emptyView(): SampleView {
  return {
    locks: new Map(),
    presentPids: new Set(),
    lockPids: new Set(),
    summary: {
      databaseWriters: new Map(),
      walWriters: new Set(),
      databaseReaders: new Set(),
      walReaders: new Map(),
    },
  };
}

const databaseWriteLocks = new Set(['RESERVED', 'PENDING', 'EXCLUSIVE']);
const writeStrength: Record<string, number> = { RESERVED: 0, PENDING: 1, EXCLUSIVE: 2 };

export function viewOf(holders: readonly SampledHolder[]): SampleView {
  const view = emptyView();
  const walConnections = new Set(
    holders.filter((holder) => holder.file === 'shm' && holder.lock === 'OPEN').map((holder) => holder.pid),
  );
  const databaseWriters = new Map<number, 'RESERVED' | 'PENDING' | 'EXCLUSIVE'>();
  const walWriters = new Set<number>();
  const databaseReaders = new Set<number>();
  const walReaders = new Map<string, { pid: number; slot?: number }>();
  for (const holder of holders) {
    view.presentPids.add(holder.pid);
    if (holder.lock === 'OPEN') {
      continue;
    }
    // In WAL mode every open connection read-locks the database file: presence, not a read.
    if (
      holder.file === 'db' &&
      holder.lock === 'SHARED' &&
      walConnections.has(holder.pid) &&
      !holder.waiting
    ) {
      continue;
    }
    const key = `${holder.pid}|${holder.file}|${holder.lock}|${holder.readSlot ?? ''}|${holder.waiting}`;
    view.locks.set(key, holder);
    view.lockPids.add(holder.pid);
    if (holder.waiting) {
      continue;
    }
    if (holder.file === 'db' && databaseWriteLocks.has(holder.lock)) {
      const known = databaseWriters.get(holder.pid);
      if (known === undefined || writeStrength[holder.lock] > writeStrength[known]) {
        databaseWriters.set(holder.pid, holder.lock as 'RESERVED' | 'PENDING' | 'EXCLUSIVE');
      }
    } else if (holder.lock === 'WAL_WRITE') {
      walWriters.add(holder.pid);
    } else if (holder.file === 'db' && holder.lock === 'SHARED') {
      databaseReaders.add(holder.pid);
    } else if (holder.lock === 'WAL_READ') {
      walReaders.set(`${holder.pid}|${holder.readSlot ?? ''}`, { pid: holder.pid, slot: holder.readSlot });
    }
  }
  view.summary = { databaseWriters, walWriters, databaseReaders, walReaders };
  return view;
}
