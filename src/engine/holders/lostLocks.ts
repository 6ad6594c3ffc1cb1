// Signs that a process's POSIX locks were silently dropped. Closing ANY descriptor of a file drops
// every POSIX lock the process holds on that file (sqlite.org/howtocorrupt.html, section 2.2): a
// program that opens and closes the database with plain file calls while its own SQLite connection
// is open loses that connection's locks, and other connections may then write under it. In WAL mode
// an open connection's process holds a read lock on the -shm DMS byte (128) and on the database's
// shared range, so:
// - the DMS lock without any lock on the database: its database locks were dropped (the common case);
// - the -shm open without the DMS lock: it closed a descriptor of -shm and lost its WAL locks.
// In rollback mode an idle connection holds nothing, so a loss looks like an idle connection.
import type { PersistedJournalMode } from '../header/journalModeOf';
import type { LockHolderEntry } from '../locks/lockReport';
import type { LostLockCheck, LostLocks } from './processFacts';

export const lostLocksReference = 'https://www.sqlite.org/howtocorrupt.html';

type Holder = Pick<LockHolderEntry, 'pid' | 'file' | 'lock' | 'waiting' | 'access' | 'openFileDescription'>;

export function lostLockCheck(journalMode: PersistedJournalMode, holders: readonly Holder[]): LostLockCheck {
  if (journalMode !== 'wal') {
    return {
      possible: false,
      note:
        'Lost locks cannot be seen in rollback mode: an idle connection holds no lock, so one whose locks ' +
        'were dropped looks the same.',
    };
  }
  if (holders.some((holder) => holder.openFileDescription && holder.pid < 0)) {
    return {
      possible: true,
      note:
        'Some locks are open-file-description locks not tied to one process (PID -1): processes that use ' +
        'them (for example Go programs on modernc.org/sqlite with OFD locks) are not checked for lost -shm locks.',
    };
  }
  return { possible: true, note: null };
}

export function lostLocksOf(
  pid: number,
  holders: readonly Holder[],
  check: LostLockCheck,
  /** PIDs with the -shm file open (from /proc/PID/fd). */
  shmOpenPids: readonly number[],
): LostLocks[] {
  if (!check.possible || pid < 0) {
    return [];
  }
  const own = holders.filter((holder) => holder.pid === pid && !holder.waiting);
  const holdsDms = own.some((holder) => holder.file === 'shm' && holder.lock === 'OPEN');
  const holdsDatabase = own.some((holder) => holder.file === 'db' && holder.lock !== 'OPEN');
  const lost: LostLocks[] = [];
  if (holdsDms && !holdsDatabase) {
    lost.push({
      file: 'db',
      reason:
        'holds the -shm DMS lock of an open WAL connection but no lock on the database file: its database ' +
        'locks were silently dropped, most likely because it opened and closed the database file outside ' +
        'SQLite (closing any descriptor of a file drops all of the process\u2019s POSIX locks on it); it can ' +
        'corrupt the database. Restart it, and copy or read the file only through SQLite (backup API, VACUUM INTO)',
      reference: lostLocksReference,
    });
  }
  const ofdUnattributed = check.note !== null;
  if (!holdsDms && shmOpenPids.includes(pid) && !ofdUnattributed) {
    lost.push({
      file: 'shm',
      reason:
        'has the -shm file open but holds no lock on its DMS byte (128): it closed a descriptor of -shm, ' +
        'which dropped its WAL locks, or it is not an SQLite connection; restart it if it is one',
      reference: lostLocksReference,
    });
  }
  return lost;
}
