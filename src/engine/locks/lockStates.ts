// SQLite's lock states, each defined once: where it occurs, what a connection in it does, and what it
// means for the other connections. The probe's timeline, the lock reader (/proc/locks), the meanings
// and the status bar all take their names from here. Order: as `locks` lists a process's entries
// (OPEN first, the database file's states weakest first, then the -shm locks).
import type { PersistedJournalMode } from '../header/journalModeOf';

export const lockStates = [
  {
    name: 'OPEN',
    family: 'any',
    role: 'open',
    inTimeline: false,
    meaning: 'an open WAL connection',
  },
  {
    name: 'SHARED',
    family: 'rollback',
    role: 'read',
    inTimeline: true,
    meaning: 'reading: writers can begin but cannot commit until this read transaction ends',
  },
  {
    name: 'RESERVED',
    family: 'rollback',
    role: 'write',
    inTimeline: true,
    meaning: 'writing: a write transaction has begun; readers continue, other writers get SQLITE_BUSY',
  },
  {
    name: 'PENDING',
    family: 'rollback',
    role: 'write',
    inTimeline: true,
    meaning: 'waiting to commit: wants EXCLUSIVE and waits for readers to finish; no new reader may start',
  },
  {
    name: 'EXCLUSIVE',
    family: 'rollback',
    role: 'write',
    inTimeline: true,
    meaning: 'committing or in BEGIN EXCLUSIVE: no other connection can read or write',
  },
  {
    name: 'WAL_READ',
    family: 'wal',
    role: 'read',
    inTimeline: true,
    meaning: 'reading a snapshot: checkpoints cannot copy frames past it, nor restart the WAL',
  },
  {
    name: 'WAL_WRITE',
    family: 'wal',
    role: 'write',
    inTimeline: true,
    meaning: 'the WAL writer: a write transaction is open; other writers get SQLITE_BUSY, readers continue',
  },
  {
    name: 'WAL_CKPT',
    family: 'wal',
    role: 'maintenance',
    inTimeline: false,
    meaning: 'running a checkpoint (copying WAL frames into the database)',
  },
  {
    name: 'WAL_RECOVER',
    family: 'wal',
    role: 'maintenance',
    inTimeline: false,
    meaning: 'rebuilding the WAL index from the -wal file (after a crash or when the first connection opens)',
  },
] as const;

type LockStateEntry = (typeof lockStates)[number];

/** Every state `locks` reports. */
export type LockName = LockStateEntry['name'];

/** The states a probe session's timeline shows (the transaction locks), and 'none'. */
export type TimelineLock = Extract<LockStateEntry, { inTimeline: true }>['name'];

/** Every state a timeline can draw: a probe's transaction locks and, in recordings, the WAL's maintenance locks. */
export type DrawnLock = Exclude<LockName, 'OPEN'>;

/** The rollback-mode states on the database file, weakest first. */
export type DatabaseLock = Extract<LockStateEntry, { family: 'rollback' }>['name'];

const byName = new Map<LockName, LockStateEntry>(lockStates.map((state) => [state.name, state]));

export function lockStateOf(name: LockName): LockStateEntry {
  return byName.get(name) as LockStateEntry;
}

/** Holds a write transaction (or is committing one): RESERVED, PENDING, EXCLUSIVE, WAL_WRITE. */
export function isWriteLock(name: LockName): boolean {
  return lockStateOf(name).role === 'write';
}

/** The lock a read transaction holds in this journal mode: WAL_READ in WAL mode, SHARED otherwise. */
export function readLockOf(journalMode: PersistedJournalMode): LockName {
  const family = journalMode === 'wal' ? 'wal' : 'rollback';
  return lockStates.find((state) => state.family === family && state.role === 'read')?.name ?? 'SHARED';
}

/** For sorting: the state's place in `lockStates`. */
export function lockOrder(name: LockName): number {
  return lockStates.findIndex((state) => state.name === name);
}
