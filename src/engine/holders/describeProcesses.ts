// The ProcessFacts of every process in a lock reading: its state (read at each reading, since a
// SIGSTOP changes no lock line), lost-lock signatures (from the decoded holders), and its SQLite
// build (the candidates from /proc/PID/maps, read once per PID; the builds from the catalog, scanned
// once per file identity).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PersistedJournalMode } from '../header/journalModeOf';
import type { LockHolderEntry } from '../locks/lockReport';
import { isWriteLock } from '../locks/lockStates';
import { PerPid } from '../locks/perPid';
import { readableCommandLine } from '../locks/processNames';
import { lostLockCheck, lostLocksOf } from './lostLocks';
import { lostLocksSentences, sqliteBugSentences, stuckProcessSentence } from './processAdvice';
import type { LostLockCheck, ProcessFacts, SqliteLibrary } from './processFacts';
import { type ProcessState, readProcessState } from './processState';
import { knownBugsOf } from './sqliteBuild/knownSqliteBugs';
import { readSqliteCandidates } from './sqliteBuild/mappedSqliteFiles';
import type { CatalogEntry, SqliteBuildCatalog } from './sqliteBuild/sqliteBuildCatalog';

/** Per PID, the catalog entries of its SQLite candidates: read once while the PID stays. */
export class ProcessLibraries {
  private readonly known: PerPid<CatalogEntry[] | null>;

  constructor(
    readonly catalog: SqliteBuildCatalog,
    procRoot = '/proc',
  ) {
    this.known = new PerPid((pid) => {
      const files = readSqliteCandidates(pid, procRoot);
      // Through /proc/PID/root: the path is the process's, in its own mount namespace (a container).
      const root = path.join(procRoot, String(pid), 'root');
      const viaRoot = fs.existsSync(root);
      return files === null
        ? null
        : files.map((file) => catalog.entryFor(file, viaRoot ? path.join(root, file) : file));
    });
  }

  entriesOf(pid: number): CatalogEntry[] | null {
    return this.known.get(pid);
  }

  /** Forgets every PID not in `pids` (PIDs are reused). */
  keepOnly(pids: Iterable<number>): void {
    this.known.keepOnly(pids);
  }
}

export interface DescribeOptions {
  procRoot?: string;
  /** PIDs with the -shm file open. */
  shmOpenPids: readonly number[];
  libraries: ProcessLibraries;
  /**
   * Default: reads /proc/PID/stat now. `busy`: the process holds a lock others wait on (a write lock,
   * a read snapshot, a rollback-mode read lock); a reader across readings may read the others less often.
   */
  stateOf?: (pid: number, busy: boolean) => ProcessState | null;
  /** For a reader across readings: the same `processes` array while nothing in it changed. */
  memo?: ProcessFactsMemo;
}

export interface ProcessFactsMemo {
  holders?: readonly LockHolderEntry[];
  key?: string;
  processes?: ProcessFacts[];
}

export function describeProcesses(
  holders: readonly LockHolderEntry[],
  journalMode: PersistedJournalMode,
  options: DescribeOptions,
): { processes: ProcessFacts[]; lostLockCheck: LostLockCheck } {
  const check = lostLockCheck(journalMode, holders);
  const byPid = new Map<number, LockHolderEntry[]>();
  for (const holder of holders) {
    if (holder.pid > 0) {
      byPid.set(holder.pid, [...(byPid.get(holder.pid) ?? []), holder]);
    }
  }
  // What can change while the lock lines stay the same: states, the -shm scan, finished SQLite scans.
  const seen = [...byPid].map(([pid, own]) => {
    const entries = options.libraries.entriesOf(pid);
    return {
      pid,
      own,
      entries,
      state: options.stateOf
        ? options.stateOf(pid, isBusy(own, journalMode))
        : readProcessState(pid, options.procRoot),
      lostLocks: lostLocksOf(pid, own, check, options.shmOpenPids),
    };
  });
  const memo = options.memo;
  const key = seen
    .map(
      ({ pid, entries, state, lostLocks }) =>
        `${pid}${state?.code ?? '?'}${lostLocks.map((lost) => lost.file).join('')}:${entries?.map((entry) => entry.lookup.state[0]).join('') ?? '-'}`,
    )
    .join(' ');
  if (memo !== undefined && memo.holders === holders && memo.key === key && memo.processes !== undefined) {
    return { processes: memo.processes, lostLockCheck: check };
  }
  const processes = seen.map(({ pid, own, entries, state, lostLocks }): ProcessFacts => {
    const facts: ProcessFacts = {
      pid,
      command: own[0].command,
      state,
      lostLocks,
      sqlite: entries === null ? null : entries.flatMap(libraryOf),
      warnings: [],
    };
    const stuck = stuckProcessSentence(facts, own);
    facts.warnings = [...(stuck === null ? [] : [stuck]), ...lostLocksSentences(facts)];
    return facts;
  });
  if (memo !== undefined) {
    Object.assign(memo, { holders, key, processes });
  }
  return { processes, lostLockCheck: check };
}

/** Holds a lock others wait on: a write lock, a read snapshot, a rollback-mode read lock. */
function isBusy(own: readonly LockHolderEntry[], journalMode: PersistedJournalMode): boolean {
  return own.some(
    (holder) =>
      !holder.waiting &&
      (isWriteLock(holder.lock) ||
        holder.lock === 'WAL_READ' ||
        (journalMode !== 'wal' && holder.lock === 'SHARED')),
  );
}

function libraryOf(entry: CatalogEntry): SqliteLibrary[] {
  // Paths come from another program's view of its files: shown, never trusted as text.
  const file = readableCommandLine(entry.file, 300);
  const { lookup } = entry;
  switch (lookup.state) {
    case 'scanning':
      return [{ file, state: 'scanning' }];
    case 'unreadable':
      return [{ file, state: 'unreadable', reason: lookup.reason }];
    case 'scanned': {
      const build = lookup.build;
      if (build === null) {
        return [];
      }
      const bugs = build.version === null ? [] : knownBugsOf(build.version);
      const library: SqliteLibrary = {
        file,
        state: 'found',
        sourceId: build.sourceId,
        version: build.version,
        compileOptions: build.compileOptions,
        knownBugs: bugs.map(({ id, title, conditions, fixedIn, backports, references }) => ({
          id,
          title,
          conditions,
          fixedIn,
          backports,
          references,
        })),
      };
      return [{ ...library, warnings: sqliteBugSentences(library) }];
    }
  }
}
