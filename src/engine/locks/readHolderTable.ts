// Who holds which lock on a database, for `locks`, `inspect` and the watcher alike: on Linux from
// /proc/locks (the POSIX byte-range locks SQLite takes, matched to the database and its -shm file by
// device and inode) and /proc/PID/fd (processes with the file open and no lock). Takes no lock and
// opens nothing: the -shm file is only stat'ed.
import * as fs from 'node:fs';
import type { DatabaseFileHeader } from '../header/readDatabaseHeader';
import type { PersistedJournalMode } from '../header/journalModeOf';
import { decodeLockHolders, pidsWithLockLines } from './decodeLockHolders';
import type { LockHolderEntry, LockHolderTable } from './lockReport';
import { processesWithFileOpen } from './openDescriptors';
import { procLocksUnreadableNote, unsupportedPlatformNote } from './platformLimits';
import { type ProcLockEntry, posixLocksOnFile, readProcLocks } from './procLocks';
import { type ProcessName, processNamer } from './processNames';

export interface HolderTableOptions {
  /** Defaults to process.platform; a parameter so that every branch can be tested anywhere. */
  platform?: string;
  /** Defaults to /proc; tests point it at a prepared folder. */
  procRoot?: string;
  /**
   * The processes with the file open. Default: scan /proc/PID/fd now. The watcher passes a scan it
   * repeats only when `lockPids` (every PID with a lock line on the file) changes, or now and then.
   */
  openPids?: (realPath: string, lockPids: readonly number[]) => readonly number[];
  /** Default: reads /proc/PID/comm and cmdline once per PID and call. */
  nameOf?: (pid: number) => ProcessName;
  /**
   * For a reader that lives across readings: the last decoded holders and what they were decoded
   * from. When the lock lines, the open PIDs and the journal mode are the same, the same array is
   * returned (unchanged holders are then one comparison away).
   */
  memo?: HolderMemo;
  /**
   * The lock table's entries on these inodes, or null where there is none. Default: /proc/locks read
   * and parsed now. A reader across readings passes one that returns the same array while the table's
   * lines on these inodes stay the same (LockTableReader), so an unchanged reading is a few comparisons.
   */
  lockEntries?: (inodes: readonly bigint[]) => ProcLockEntry[] | null;
}

export interface HolderMemo {
  key?: string;
  holders?: LockHolderEntry[];
  /** What `holders` came from, by identity: the same arrays again skip building the key. */
  from?: { split: LocksSplit; openPids: readonly number[]; journalMode: PersistedJournalMode };
  /** The last entries split per file. */
  split?: LocksSplit;
}

/** Lock entries split between the database and its -shm, and the files' identities they were split by. */
interface LocksSplit {
  entries: ProcLockEntry[];
  files: string;
  databaseLocks: ProcLockEntry[];
  shmLocks: ProcLockEntry[];
  lockPids: number[];
}

export function readHolderTable(
  database: Pick<DatabaseFileHeader, 'path' | 'realPath' | 'device' | 'inode'>,
  journalMode: PersistedJournalMode,
  options: HolderTableOptions = {},
): LockHolderTable {
  const platform = options.platform ?? process.platform;
  const procRoot = options.procRoot ?? '/proc';
  const shm = platform === 'linux' ? statSidecar(`${database.realPath}-shm`) : null;
  // Only the lines on the database and its -shm are parsed: the table lists every lock on the system.
  const inodes = shm === null ? [database.inode] : [database.inode, shm.ino];
  const procLocks =
    platform !== 'linux'
      ? null
      : options.lockEntries
        ? options.lockEntries(inodes)
        : readProcLocks('linux', procRoot, inodes);
  if (procLocks === null) {
    return {
      supported: false,
      note: platform === 'linux' ? procLocksUnreadableNote : unsupportedPlatformNote(platform, database.path),
      holders: [],
    };
  }
  const memo = options.memo;
  const files = `${database.device}:${database.inode} ${shm === null ? '' : `${shm.dev}:${shm.ino}`}`;
  let split = memo?.split;
  if (split?.entries !== procLocks || split.files !== files) {
    const databaseLocks = posixLocksOnFile(procLocks, database.device, database.inode);
    const shmLocks = shm === null ? [] : posixLocksOnFile(procLocks, shm.dev, shm.ino);
    const lockPids = pidsWithLockLines(databaseLocks, shmLocks);
    split = { entries: procLocks, files, databaseLocks, shmLocks, lockPids };
  }
  const { databaseLocks, shmLocks, lockPids } = split;
  const openPids = options.openPids
    ? options.openPids(database.realPath, lockPids)
    : processesWithFileOpen(database.realPath, procRoot);
  // The same entries, open PIDs and mode as the last reading: the same holders, no key to build.
  const from = memo?.from;
  if (
    memo?.holders !== undefined &&
    from?.split === split &&
    from.openPids === openPids &&
    from.journalMode === journalMode
  ) {
    return { supported: true, holders: memo.holders };
  }
  if (memo !== undefined) {
    memo.split = split;
    memo.from = { split, openPids, journalMode };
  }
  const key =
    memo === undefined
      ? undefined
      : `${journalMode} ${openPids.join(',')} ${linesKey(databaseLocks)} / ${linesKey(shmLocks)}`;
  if (memo !== undefined && memo.key === key && memo.holders !== undefined) {
    return { supported: true, holders: memo.holders };
  }
  const nameOf = options.nameOf ?? processNamer(procRoot);
  const holders: LockHolderEntry[] = decodeLockHolders(databaseLocks, shmLocks, journalMode, openPids).map(
    ({ pid, ...rest }) => ({ pid, ...nameOf(pid), ...rest }),
  );
  if (memo !== undefined) {
    memo.key = key;
    memo.holders = holders;
  }
  return { supported: true, holders };
}

function linesKey(lines: readonly ProcLockEntry[]): string {
  return lines
    .map(
      (line) =>
        `${line.kind[0]}${line.pid}${line.blocked ? '>' : ''}${line.access[0]}${line.start}-${line.end}`,
    )
    .join(' ');
}

/** stat only: the -shm file is never opened (its WAL locks belong to other connections). */
function statSidecar(sidecarPath: string): fs.BigIntStats | null {
  try {
    return fs.statSync(sidecarPath, { bigint: true });
  } catch {
    // Missing (rollback mode, or no connection open): no locks on it.
    return null;
  }
}
