// THE decoder: turns the /proc/locks lines on a database and its -shm file (and the processes that have
// the database open without a lock) into SQLite lock states, one entry per process, file and lock. On
// the database file a process gets its strongest state (a writer in PENDING also holds RESERVED and
// SHARED); in -shm every lock byte is its own lock. `locks`, `inspect`, the watcher and the extension
// all show what this returns. Open-file-description locks (OFDLCK) are decoded the same way and
// marked: they belong to an open file, and their PID is -1 when not tied to one process.
import type { PersistedJournalMode } from '../header/journalModeOf';
import { lockMeaning } from './lockMeanings';
import type { LockHolderEntry, LockName, LockedFile } from './lockReport';
import { lockOrder } from './lockStates';
import type { ProcLockEntry } from './procLocks';
import { type ShmLockByte, databaseLockOf, databaseLockOfProcess, shmLocksOf } from './sqliteLockBytes';

export type DecodedHolder = Omit<LockHolderEntry, 'command' | 'commandLine'>;

export function decodeLockHolders(
  databaseLocks: readonly ProcLockEntry[],
  shmLocks: readonly ProcLockEntry[],
  journalMode: PersistedJournalMode,
  /** Processes with the database open (from /proc/PID/fd); those without a lock become OPEN entries. */
  openPids: readonly number[] = [],
): DecodedHolder[] {
  const holders = new Map<string, DecodedHolder>();
  const add = (
    pid: number,
    file: LockedFile,
    lock: LockName,
    access: 'read' | 'write',
    waiting: boolean,
    readSlot: number | undefined,
    ofd: boolean,
  ) => {
    const key = `${pid}|${file}|${lock}|${readSlot ?? ''}|${waiting}|${ofd}`;
    const known = holders.get(key);
    if (known !== undefined) {
      // The same lock seen twice (read and write lines): the write lock is the stronger statement.
      if (access === 'write' && known.access === 'read') {
        known.access = 'write';
        known.meaning = lockMeaning(known, journalMode);
      }
      return;
    }
    const entry: DecodedHolder = {
      pid,
      file,
      lock,
      ...(readSlot === undefined ? {} : { readSlot }),
      access,
      waiting,
      openWithoutLock: false,
      meaning: '',
      ...(ofd ? { openFileDescription: true as const } : {}),
    };
    entry.meaning = lockMeaning(entry, journalMode);
    holders.set(key, entry);
  };

  // Per owner: a process's POSIX locks, or the OFD locks shown under one PID.
  const heldByOwner = new Map<string, ProcLockEntry[]>();
  for (const entry of databaseLocks) {
    if (entry.blocked) {
      const wanted = databaseLockOf(entry);
      if (wanted !== null) {
        add(entry.pid, 'db', wanted, accessOf(entry), true, undefined, isOfd(entry));
      }
      continue;
    }
    const owner = `${entry.pid}|${isOfd(entry)}`;
    const held = heldByOwner.get(owner);
    if (held === undefined) {
      heldByOwner.set(owner, [entry]);
    } else {
      held.push(entry);
    }
  }
  for (const entries of heldByOwner.values()) {
    const state = databaseLockOfProcess(entries);
    if (state !== null) {
      // The access of the line that gives the state: SHARED is a read lock, the others write locks.
      add(
        entries[0].pid,
        'db',
        state,
        state === 'SHARED' ? 'read' : 'write',
        false,
        undefined,
        isOfd(entries[0]),
      );
    }
  }
  for (const entry of shmLocks) {
    for (const lock of shmLocksOf(entry)) {
      add(entry.pid, 'shm', shmLockName(lock), accessOf(entry), entry.blocked, lock.readSlot, isOfd(entry));
    }
  }
  const withLocks = new Set([...holders.values()].map((holder) => holder.pid));
  for (const pid of openPids) {
    if (!withLocks.has(pid)) {
      withLocks.add(pid);
      const entry = { pid, file: 'db' as const, lock: 'OPEN' as const, access: null, waiting: false };
      holders.set(`${pid}|open`, {
        ...entry,
        openWithoutLock: true,
        meaning: lockMeaning({ ...entry, openWithoutLock: true }, journalMode),
      });
    }
  }
  return [...holders.values()].sort(compareHolders);
}

/** Every PID with a line (held or waited for) on the database or its -shm file, ascending. */
export function pidsWithLockLines(...lines: readonly (readonly ProcLockEntry[])[]): number[] {
  return [...new Set(lines.flat().map((entry) => entry.pid))].sort((a, b) => a - b);
}

/** PIDs holding a write transaction's lock on the database file (RESERVED or more), not waiting. */
export function databaseWriterPids(
  holders: readonly Pick<DecodedHolder, 'pid' | 'file' | 'lock' | 'waiting'>[],
): number[] {
  const writers = holders.filter(
    (holder) =>
      holder.file === 'db' &&
      !holder.waiting &&
      (holder.lock === 'RESERVED' || holder.lock === 'PENDING' || holder.lock === 'EXCLUSIVE'),
  );
  return [...new Set(writers.map((holder) => holder.pid))].sort((a, b) => a - b);
}

function isOfd(entry: ProcLockEntry): boolean {
  return entry.kind === 'OFDLCK';
}

function accessOf(entry: ProcLockEntry): 'read' | 'write' {
  return entry.access === 'WRITE' ? 'write' : 'read';
}

function shmLockName(lock: ShmLockByte): LockName {
  return lock.name === 'DMS' ? 'OPEN' : lock.name;
}

const fileOrder: Record<LockedFile, number> = { db: 0, wal: 1, shm: 2 };

type HolderOrderFields = 'pid' | 'file' | 'lock' | 'readSlot' | 'waiting' | 'openFileDescription';

/**
 * By PID, then database before -wal before -shm, weaker locks first, waiters after holders, a
 * process's own lock before an open-file-description one: a total order, so the list does not depend
 * on the order of /proc/locks.
 */
export function compareHolders(
  a: Pick<DecodedHolder, HolderOrderFields>,
  b: Pick<DecodedHolder, HolderOrderFields>,
): number {
  return (
    a.pid - b.pid ||
    fileOrder[a.file] - fileOrder[b.file] ||
    Number(a.waiting) - Number(b.waiting) ||
    lockOrder(a.lock) - lockOrder(b.lock) ||
    (a.readSlot ?? -1) - (b.readSlot ?? -1) ||
    Number(a.openFileDescription === true) - Number(b.openFileDescription === true)
  );
}
