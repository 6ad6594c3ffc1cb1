// inspect's summary of the lock holders: one row per process, from the byte-range decoding in
// src/engine/locks/sqliteLockBytes.ts (the `locks` command lists one row per process and lock instead).
import { type ProcLockEntry, overlaps } from '../locks/procLocks';
import {
  type DatabaseLock,
  type ShmLockByte,
  databaseLockOf,
  reservedByte,
  shmLocksOf,
  strongerDatabaseLock,
} from '../locks/sqliteLockBytes';

export type DatabaseLockState = 'none' | DatabaseLock;

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

// The names inspect has always used for the -shm lock bytes.
function walLockName(lock: ShmLockByte): string {
  if (lock.name === 'WAL_READ') {
    return `READ${lock.readSlot}`;
  }
  return lock.name === 'DMS' ? 'DMS' : lock.name.slice('WAL_'.length);
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
    // RESERVED and PENDING are separate bytes, so a writer in PENDING shows both: keep the strongest.
    holder.databaseLock =
      strongerDatabaseLock(
        holder.databaseLock === 'none' ? null : holder.databaseLock,
        databaseLockOf(entry),
      ) ?? 'none';
  }
  for (const entry of shmLocks) {
    const holder = holderOf(entry.pid);
    if (entry.blocked) {
      holder.waiting = true;
      continue;
    }
    for (const lock of shmLocksOf(entry)) {
      holder.walLocks.push({ name: walLockName(lock), access: entry.access === 'WRITE' ? 'write' : 'read' });
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
