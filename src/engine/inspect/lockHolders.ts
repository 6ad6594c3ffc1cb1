// Names the SQLite locks behind raw byte-range locks. The kernel merges adjacent ranges of one owner
// and type, so a line is classified by every SQLite range it overlaps.
import { type ProcLockEntry, overlaps } from './procLocks';

export type DatabaseLockState = 'none' | 'SHARED' | 'RESERVED' | 'PENDING' | 'EXCLUSIVE';

export interface WalLock {
  /** WRITE, CKPT, RECOVER, READ0..READ4 or DMS (held by every connection that has the database open). */
  name: string;
  access: 'read' | 'write';
}

export interface LockHolder {
  pid: number;
  /** The rollback lock this process holds on the database file (in WAL mode every connection holds SHARED). */
  databaseLock: DatabaseLockState;
  /** Locks this process holds in the -shm file (WAL mode). */
  walLocks: WalLock[];
  /** Set when the process is blocked in the kernel waiting for a lock (not SQLite's busy retry loop). */
  waiting: boolean;
}

// Database file byte ranges (os.h).
export const pendingByte = 0x40000000;
export const reservedByte = pendingByte + 1;
const sharedFirst = pendingByte + 2;
const sharedLast = sharedFirst + 510 - 1;

// -shm lock bytes (os_unix.c UNIX_SHM_BASE and the DMS byte after the 8 WAL locks).
const shmLockNames: { name: string; offset: number }[] = [
  { name: 'WRITE', offset: 120 },
  { name: 'CKPT', offset: 121 },
  { name: 'RECOVER', offset: 122 },
  { name: 'READ0', offset: 123 },
  { name: 'READ1', offset: 124 },
  { name: 'READ2', offset: 125 },
  { name: 'READ3', offset: 126 },
  { name: 'READ4', offset: 127 },
  { name: 'DMS', offset: 128 },
];

const stateRank: Record<DatabaseLockState, number> = {
  none: 0,
  SHARED: 1,
  RESERVED: 2,
  PENDING: 3,
  EXCLUSIVE: 4,
};

function databaseStateOf(entry: ProcLockEntry): DatabaseLockState {
  if (entry.access === 'WRITE') {
    if (overlaps(entry, sharedFirst, sharedLast)) {
      return 'EXCLUSIVE';
    }
    if (overlaps(entry, pendingByte, pendingByte)) {
      return 'PENDING';
    }
    if (overlaps(entry, reservedByte, reservedByte)) {
      return 'RESERVED';
    }
    return 'none';
  }
  // A read lock on PENDING alone is taken only for a moment while SHARED is acquired.
  return overlaps(entry, sharedFirst, sharedLast) ? 'SHARED' : 'none';
}

/** One holder per process, from the lines on the database file and on its -shm file. */
export function describeLockHolders(databaseLocks: ProcLockEntry[], shmLocks: ProcLockEntry[]): LockHolder[] {
  const byPid = new Map<number, LockHolder>();
  const holderOf = (pid: number): LockHolder => {
    let holder = byPid.get(pid);
    if (holder === undefined) {
      holder = { pid, databaseLock: 'none', walLocks: [], waiting: false };
      byPid.set(pid, holder);
    }
    return holder;
  };
  for (const entry of databaseLocks) {
    const holder = holderOf(entry.pid);
    if (entry.blocked) {
      holder.waiting = true;
      continue;
    }
    const state = databaseStateOf(entry);
    // RESERVED and PENDING are separate bytes, so a writer in PENDING shows both.
    if (stateRank[state] > stateRank[holder.databaseLock]) {
      holder.databaseLock = state;
    }
  }
  for (const entry of shmLocks) {
    const holder = holderOf(entry.pid);
    if (entry.blocked) {
      holder.waiting = true;
      continue;
    }
    for (const { name, offset } of shmLockNames) {
      if (overlaps(entry, offset, offset)) {
        holder.walLocks.push({ name, access: entry.access === 'WRITE' ? 'write' : 'read' });
      }
    }
  }
  return [...byPid.values()].sort((a, b) => a.pid - b.pid);
}

/** PIDs holding RESERVED or more on the database file: a write transaction is live there. */
export function reservedLockHolders(databaseLocks: ProcLockEntry[]): number[] {
  const pids = databaseLocks
    .filter(
      (entry) => !entry.blocked && entry.access === 'WRITE' && overlaps(entry, reservedByte, reservedByte),
    )
    .map((entry) => entry.pid);
  return [...new Set(pids)].sort((a, b) => a - b);
}
