// One sentence per lock entry: the state's meaning (lockStates.ts), made precise by what the entry adds
// (the journal mode, the read mark, a write lock on a read byte, a kernel waiter).
import type { PersistedJournalMode } from '../header/journalModeOf';
import type { LockHolderEntry } from './lockReport';
import { lockStateOf } from './lockStates';

type Described = Pick<LockHolderEntry, 'lock' | 'readSlot' | 'access' | 'waiting' | 'openWithoutLock'>;

export function lockMeaning(entry: Described, journalMode: PersistedJournalMode): string {
  const held = heldMeaning(entry, journalMode);
  return entry.waiting ? `waits in the kernel for this lock, to be ${held}` : held;
}

function heldMeaning(entry: Described, journalMode: PersistedJournalMode): string {
  const meaning = lockStateOf(entry.lock).meaning;
  switch (entry.lock) {
    case 'SHARED':
      return journalMode === 'wal'
        ? 'an open connection (in WAL mode every connection read-locks the database while it is open)'
        : meaning;
    case 'WAL_READ':
      if (entry.access === 'write') {
        return `updating read mark ${entry.readSlot} (a moment while a reader starts or a checkpoint runs)`;
      }
      return entry.readSlot === 0
        ? 'reading the database file alone (the WAL was empty or fully checkpointed when it began)'
        : `${meaning} (read mark ${entry.readSlot})`;
    case 'OPEN':
      if (entry.openWithoutLock) {
        return 'has the file open but holds no lock: an idle rollback-mode connection, or a program reading the file';
      }
      return entry.access === 'write'
        ? 'the first connection opening, or the last one closing: (re)initialising the WAL index'
        : meaning;
    default:
      return meaning;
  }
}
