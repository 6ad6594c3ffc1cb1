// Turns the /proc/locks lines on a database and its -shm file into SQLite lock states: one entry per
// process, file and lock. On the database file a process gets its strongest state (a writer in PENDING
// also holds RESERVED and SHARED); in -shm every lock byte is its own lock.
import { lockMeaning } from './lockMeanings';
import type { LockHolderEntry, LockName, LockedFile } from './lockReport';
import type { ProcLockEntry } from './procLocks';
import { type ShmLockByte, databaseLockOf, databaseLockOfProcess, shmLocksOf } from './sqliteLockBytes';

export type DecodedHolder = Omit<LockHolderEntry, 'command' | 'commandLine'>;

export function decodeLockHolders(
  databaseLocks: ProcLockEntry[],
  shmLocks: ProcLockEntry[],
  journalMode: 'wal' | 'delete',
): DecodedHolder[] {
  const holders = new Map<string, DecodedHolder>();
  const add = (
    pid: number,
    file: LockedFile,
    lock: LockName,
    access: 'read' | 'write',
    waiting: boolean,
    readSlot?: number,
  ) => {
    const key = `${pid}|${file}|${lock}|${readSlot ?? ''}|${waiting}`;
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
    };
    entry.meaning = lockMeaning(entry, journalMode);
    holders.set(key, entry);
  };

  const heldByPid = new Map<number, ProcLockEntry[]>();
  for (const entry of databaseLocks) {
    if (entry.blocked) {
      const wanted = databaseLockOf(entry);
      if (wanted !== null) {
        add(entry.pid, 'db', wanted, accessOf(entry), true);
      }
      continue;
    }
    heldByPid.set(entry.pid, [...(heldByPid.get(entry.pid) ?? []), entry]);
  }
  for (const [pid, entries] of heldByPid) {
    const state = databaseLockOfProcess(entries);
    if (state !== null) {
      // The access of the line that gives the state: SHARED is a read lock, the others write locks.
      add(pid, 'db', state, state === 'SHARED' ? 'read' : 'write', false);
    }
  }
  for (const entry of shmLocks) {
    for (const lock of shmLocksOf(entry)) {
      add(entry.pid, 'shm', shmLockName(lock), accessOf(entry), entry.blocked, lock.readSlot);
    }
  }
  return [...holders.values()].sort(compareHolders);
}

function accessOf(entry: ProcLockEntry): 'read' | 'write' {
  return entry.access === 'WRITE' ? 'write' : 'read';
}

function shmLockName(lock: ShmLockByte): LockName {
  return lock.name === 'DMS' ? 'OPEN' : lock.name;
}

const fileOrder: Record<LockedFile, number> = { db: 0, wal: 1, shm: 2 };
const lockOrder: Record<LockName, number> = {
  OPEN: 0,
  SHARED: 1,
  RESERVED: 2,
  PENDING: 3,
  EXCLUSIVE: 4,
  WAL_READ: 5,
  WAL_WRITE: 6,
  WAL_CKPT: 7,
  WAL_RECOVER: 8,
};

/** By PID, then database before -wal before -shm, weaker locks first, waiters after holders. */
export function compareHolders(
  a: Pick<DecodedHolder, 'pid' | 'file' | 'lock' | 'readSlot' | 'waiting'>,
  b: Pick<DecodedHolder, 'pid' | 'file' | 'lock' | 'readSlot' | 'waiting'>,
): number {
  return (
    a.pid - b.pid ||
    fileOrder[a.file] - fileOrder[b.file] ||
    Number(a.waiting) - Number(b.waiting) ||
    lockOrder[a.lock] - lockOrder[b.lock] ||
    (a.readSlot ?? -1) - (b.readSlot ?? -1)
  );
}
