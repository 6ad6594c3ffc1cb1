// The sentences a user reads about a lock holder's process: stopped or traced (it keeps its locks until
// resumed), lost locks, and the SQLite it runs with its known bugs. Pure (types only): the terminal,
// the status bar and the panel say the same thing.
import type { LockHolderEntry } from '../locks/lockReport';
import { isWriteLock } from '../locks/lockStates';
import type { ProcessFacts, SqliteLibrary } from './processFacts';

type Holder = Pick<LockHolderEntry, 'pid' | 'file' | 'lock' | 'waiting' | 'openWithoutLock'>;

export function processLabel(facts: Pick<ProcessFacts, 'pid' | 'command'>): string {
  return `${facts.command ?? 'PID'} ${facts.pid}`;
}

/** What the process keeps by not running: "its write lock", "its read snapshot", ... */
export function heldLocksPhrase(pid: number, holders: readonly Holder[]): string | null {
  const own = holders.filter((holder) => holder.pid === pid && !holder.waiting && !holder.openWithoutLock);
  if (own.some((holder) => isWriteLock(holder.lock))) {
    return 'its write lock';
  }
  if (own.some((holder) => holder.lock === 'WAL_READ')) {
    return 'its read snapshot (checkpoints cannot pass it)';
  }
  if (
    own.some((holder) => holder.lock === 'SHARED' && holder.file === 'db') &&
    !own.some((h) => h.file === 'shm')
  ) {
    return 'its read lock (writers cannot commit)';
  }
  return own.length > 0 ? 'its locks' : null;
}

/** Null unless the process is stopped, traced or a zombie while it holds a lock. */
export function stuckProcessSentence(facts: ProcessFacts, holders: readonly Holder[]): string | null {
  const keeps = heldLocksPhrase(facts.pid, holders);
  if (facts.state === null || !facts.state.stuck || keeps === null) {
    return null;
  }
  const who = processLabel(facts);
  switch (facts.state.code) {
    case 'T':
      return `${who} is stopped (SIGSTOP or job control): it keeps ${keeps} until resumed: kill -CONT ${facts.pid}, or end it`;
    case 't':
      return `${who} is traced (held in a debugger): it keeps ${keeps} until the debugger lets it run, or it ends`;
    default:
      return `${who} is a zombie (its main thread has ended) and still holds ${keeps}: end it (kill ${facts.pid})`;
  }
}

export function lostLocksSentences(facts: ProcessFacts): string[] {
  return facts.lostLocks.map(
    (lost) =>
      `${processLabel(facts)} lost its ${lost.file === 'db' ? 'database' : '-shm'} locks: it ${lost.reason} ` +
      `(${lost.reference}, section 2.2)`,
  );
}

/** "SQLite 3.45.1 (2024-01-30 16:01:20 e876e5…) in /usr/lib/libsqlite3.so.0; THREADSAFE=1". */
export function sqliteLibrarySentence(library: SqliteLibrary): string {
  switch (library.state) {
    case 'scanning':
      return `SQLite: reading ${library.file} (large files are read between readings)`;
    case 'unreadable':
      return `SQLite: ${library.file} cannot be read (${library.reason ?? 'unknown reason'})`;
    case 'found': {
      const options = library.compileOptions?.length ? `; ${library.compileOptions.join(', ')}` : '';
      return `SQLite ${library.version ?? '(version not found)'} (${library.sourceId}) in ${library.file}${options}`;
    }
  }
}

/** One warning per known bug of the library's version. */
export function sqliteBugSentences(library: SqliteLibrary): string[] {
  return (library.knownBugs ?? []).map((bug) => {
    const backports = bug.backports.length ? `, and in ${bug.backports.join(' and ')}` : '';
    return (
      `SQLite ${library.version} has ${bug.title} (fixed in ${bug.fixedIn}${backports}; a distribution may ` +
      `have patched its copy): ${bug.conditions}. See ${bug.references.join(' and ')}`
    );
  });
}
