// One sentence per lock state: what it means for the other connections.
import type { LockHolderEntry } from './lockReport';

type Described = Pick<
  LockHolderEntry,
  'file' | 'lock' | 'readSlot' | 'access' | 'waiting' | 'openWithoutLock'
>;

export function lockMeaning(entry: Described, journalMode: 'wal' | 'delete'): string {
  const held = heldMeaning(entry, journalMode);
  return entry.waiting ? `waits in the kernel for this lock, to be ${held}` : held;
}

function heldMeaning(entry: Described, journalMode: 'wal' | 'delete'): string {
  switch (entry.lock) {
    case 'SHARED':
      return journalMode === 'wal'
        ? 'an open connection (in WAL mode every connection read-locks the database while it is open)'
        : 'reading: writers can begin but cannot commit until this read transaction ends';
    case 'RESERVED':
      return 'writing: a write transaction has begun; readers continue, other writers get SQLITE_BUSY';
    case 'PENDING':
      return 'waiting to commit: wants EXCLUSIVE and waits for readers to finish; no new reader may start';
    case 'EXCLUSIVE':
      return 'committing or in BEGIN EXCLUSIVE: no other connection can read or write';
    case 'WAL_WRITE':
      return 'the WAL writer: a write transaction is open; other writers get SQLITE_BUSY, readers continue';
    case 'WAL_CKPT':
      return 'running a checkpoint (copying WAL frames into the database)';
    case 'WAL_RECOVER':
      return 'rebuilding the WAL index from the -wal file (after a crash or when the first connection opens)';
    case 'WAL_READ':
      if (entry.access === 'write') {
        return `updating read mark ${entry.readSlot} (a moment while a reader starts or a checkpoint runs)`;
      }
      return entry.readSlot === 0
        ? 'reading the database file alone (the WAL was empty or fully checkpointed when it began)'
        : `reading a snapshot (read mark ${entry.readSlot}): checkpoints cannot copy frames past it, nor restart the WAL`;
    case 'OPEN':
      if (entry.openWithoutLock) {
        return 'has the file open but holds no lock: an idle rollback-mode connection, or a program reading the file';
      }
      return entry.access === 'write'
        ? 'the first connection opening, or the last one closing: (re)initialising the WAL index'
        : 'an open WAL connection';
  }
}
