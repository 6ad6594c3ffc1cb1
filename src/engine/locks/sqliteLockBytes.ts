// Which SQLite lock a POSIX byte-range lock stands for (os.h, os_unix.c). The kernel merges adjacent
// ranges of one owner and type into one line, so a line is classified by every SQLite range it
// overlaps, never by its exact bounds.
import { type DatabaseLock, lockOrder } from './lockStates';
import { type ProcLockEntry, overlaps } from './procLocks';

export type { DatabaseLock } from './lockStates';

// The database file (os.h): the same offsets on every platform.
export const pendingByte = 0x40000000;
export const reservedByte = pendingByte + 1;
export const sharedFirst = pendingByte + 2;
export const sharedLast = sharedFirst + 510 - 1;

/** The stronger of two states (a writer in PENDING also holds RESERVED and SHARED). */
export function strongerDatabaseLock(a: DatabaseLock | null, b: DatabaseLock | null): DatabaseLock | null {
  if (a === null) {
    return b;
  }
  if (b === null) {
    return a;
  }
  return lockOrder(a) >= lockOrder(b) ? a : b;
}

/**
 * The state one held line on the database file implies: a write lock over the shared range is
 * EXCLUSIVE, a write lock on the PENDING byte PENDING, on the RESERVED byte RESERVED, a read lock on
 * the shared range SHARED. A read lock on the PENDING byte alone is taken only for a moment while
 * SHARED is acquired, and is reported as SHARED. Null for a range SQLite does not use.
 */
export function databaseLockOf(entry: ProcLockEntry): DatabaseLock | null {
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
    return null;
  }
  return overlaps(entry, pendingByte, pendingByte) || overlaps(entry, sharedFirst, sharedLast)
    ? 'SHARED'
    : null;
}

/** A process's state on the database file: the strongest of its held lines (null: holds none). */
export function databaseLockOfProcess(heldEntries: ProcLockEntry[]): DatabaseLock | null {
  let state: DatabaseLock | null = null;
  for (const entry of heldEntries) {
    state = strongerDatabaseLock(state, databaseLockOf(entry));
  }
  return state;
}

/** The -shm lock bytes (os_unix.c: UNIX_SHM_BASE 120, then the DMS byte after the 8 WAL locks). */
export type ShmLockName = 'WAL_WRITE' | 'WAL_CKPT' | 'WAL_RECOVER' | 'WAL_READ' | 'DMS';

export interface ShmLockByte {
  name: ShmLockName;
  offset: number;
  /** WAL_READ only: the read-mark slot, 0..4. */
  readSlot?: number;
}

export const shmLockBytes: readonly ShmLockByte[] = [
  { name: 'WAL_WRITE', offset: 120 },
  { name: 'WAL_CKPT', offset: 121 },
  { name: 'WAL_RECOVER', offset: 122 },
  { name: 'WAL_READ', offset: 123, readSlot: 0 },
  { name: 'WAL_READ', offset: 124, readSlot: 1 },
  { name: 'WAL_READ', offset: 125, readSlot: 2 },
  { name: 'WAL_READ', offset: 126, readSlot: 3 },
  { name: 'WAL_READ', offset: 127, readSlot: 4 },
  { name: 'DMS', offset: 128 },
];

/** Every -shm lock byte a line covers, in offset order. */
export function shmLocksOf(entry: ProcLockEntry): ShmLockByte[] {
  return shmLockBytes.filter(({ offset }) => overlaps(entry, offset, offset));
}
