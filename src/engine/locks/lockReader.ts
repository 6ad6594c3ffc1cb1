// Reads one database's lock holders again and again (the watcher, `locks --watch`): the same reading
// as `locks` (readLockHolders), with what can be kept between readings kept: process names while a
// PID stays, the /proc/*/fd scan repeated only when the lock PIDs change (openFileScan.ts), and the
// decoded holders reused (the same array) while the lock lines stay the same. The database header is
// read again only when a stat of the file differs (a journal-mode switch writes the file). It also
// keeps when each lock was first seen (holdClock.ts) and each holder's SQLite build: the files are
// scanned once per identity, in the background, so a reading never waits for a scan.
// Like readLockHolders it opens no SQLite connection and must run where none is open.
import * as fs from 'node:fs';
import { type DatabaseFileHeader, readDatabaseHeader } from '../header/readDatabaseHeader';
import { type ProcessFactsMemo, ProcessLibraries } from '../holders/describeProcesses';
import { ProcessStateReader } from '../holders/processState';
import { SqliteBuildCatalog } from '../holders/sqliteBuild/sqliteBuildCatalog';
import { HoldClock, withHeldFor } from './holdClock';
import type { LockReport } from './lockReport';
import { OpenFileScan, type OpenFileScanTiming, openFileScanTiming } from './openFileScan';
import type { ProcLockEntry } from './procLocks';
import { ProcLocksFile } from './procLocksFile';
import { ProcessNameCache } from './processNames';
import type { HolderMemo } from './readHolderTable';
import { readLockHolders } from './readLockHolders';

export interface LockReaderOptions {
  platform?: string;
  procRoot?: string;
  scanTiming?: OpenFileScanTiming;
  now?: () => number;
  /** Shared by the readers of one watch, so a library mapped by many processes is scanned once. */
  catalog?: SqliteBuildCatalog;
}

export class LockReader {
  readings = 0;
  private readonly openFiles: OpenFileScan;
  private readonly names: ProcessNameCache;
  private readonly memo: HolderMemo = {};
  private readonly holds = new HoldClock();
  private readonly libraries: ProcessLibraries;
  private readonly states: ProcessStateReader;
  private readonly factsMemo: ProcessFactsMemo = {};
  private header: { stamp: string; database: DatabaseFileHeader } | undefined;
  /** /proc/locks kept open between readings; null once it could not be opened. */
  private lockTable: ProcLocksFile | null | undefined;

  constructor(
    readonly file: string,
    private readonly options: LockReaderOptions = {},
  ) {
    const procRoot = options.procRoot ?? '/proc';
    this.openFiles = new OpenFileScan(procRoot, options.scanTiming ?? openFileScanTiming, options.now);
    this.names = new ProcessNameCache(procRoot);
    this.libraries = new ProcessLibraries(options.catalog ?? new SqliteBuildCatalog('background'), procRoot);
    this.states = new ProcessStateReader(procRoot, undefined, undefined, options.now);
  }

  /** Closes the /proc files kept open between readings. */
  dispose(): void {
    this.states.dispose();
    this.lockTable?.close();
    this.lockTable = undefined;
  }

  /** The SQLite build catalog (the benchmark and tests wait on its scans). */
  get catalog(): SqliteBuildCatalog {
    return this.libraries.catalog;
  }

  /** How many times this reader scanned /proc/*\/fd. */
  get openFileScans(): number {
    return this.openFiles.scans;
  }

  /** The same entries array while the table's lines on these inodes stay the same (readHolderTable's memo). */
  private readonly lockEntries = (inodes: readonly bigint[]): ProcLockEntry[] | null => {
    if (this.lockTable === undefined) {
      try {
        this.lockTable = new ProcLocksFile(this.options.procRoot);
      } catch {
        this.lockTable = null;
      }
    }
    try {
      return this.lockTable?.entriesOn(inodes) ?? null;
    } catch {
      return null;
    }
  };

  private namedHolders: LockReport['holders'] | undefined;

  private readonly readHeader = (file: string): DatabaseFileHeader => {
    let stamp: string | undefined;
    try {
      const stats = fs.statSync(file, { bigint: true });
      stamp = `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}:${stats.ctimeNs}:${stats.mode}`;
    } catch {
      // readDatabaseHeader says what is wrong, naming the file.
    }
    if (stamp !== undefined && this.header?.stamp === stamp) {
      return this.header.database;
    }
    const database = readDatabaseHeader(file);
    this.header = stamp === undefined ? undefined : { stamp, database };
    return database;
  };

  /**
   * Throws UserInputError naming the file when it is missing, unreadable or not a database. The
   * holders carry `heldSince`/`heldForAtLeast`, and keep their identity while unchanged; `heldForMs`
   * is added by `withHeldFor` where a reading is shown (see `readWithHeldFor`).
   */
  readStamped(): LockReport {
    const report = readLockHolders(this.file, {
      ...(this.options.platform === undefined ? {} : { platform: this.options.platform }),
      ...(this.options.procRoot === undefined ? {} : { procRoot: this.options.procRoot }),
      openPids: this.openFiles.openPids,
      shmOpenPids: this.openFiles.shmOpenPids,
      libraries: this.libraries,
      stateOf: (pid, busy) => this.states.stateOf(pid, busy),
      factsMemo: this.factsMemo,
      nameOf: this.names.nameOf,
      memo: this.memo,
      lockEntries: this.lockEntries,
      readHeader: this.readHeader,
    });
    if (report.holders !== this.namedHolders) {
      this.namedHolders = report.holders;
      const pids = report.holders.map((holder) => holder.pid);
      this.names.keepOnly(pids);
      this.libraries.keepOnly(pids);
      this.states.keepOnly(pids);
    }
    this.readings++;
    return { ...report, holders: this.holds.stamp(report.holders, report.takenAt) };
  }

  /** A reading with how long each lock has been held (`heldForMs`). */
  read(): LockReport {
    const report = this.readStamped();
    return { ...report, holders: withHeldFor(report.holders, report.takenAt) };
  }
}
