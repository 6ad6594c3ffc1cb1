// Reads one database's lock holders again and again (the watcher, `locks --watch`): the same reading
// as `locks` (readLockHolders), with what can be kept between readings kept: process names while a
// PID stays, the /proc/*/fd scan repeated only when the lock PIDs change (openFileScan.ts), and the
// decoded holders reused (the same array) while the lock lines stay the same. The database header is
// read again only when a stat of the file differs (a journal-mode switch writes the file).
// Like readLockHolders it opens no SQLite connection and must run where none is open.
import * as fs from 'node:fs';
import { type DatabaseFileHeader, readDatabaseHeader } from '../header/readDatabaseHeader';
import type { LockReport } from './lockReport';
import { OpenFileScan, type OpenFileScanTiming, openFileScanTiming } from './openFileScan';
import { ProcessNameCache } from './processNames';
import type { HolderMemo } from './readHolderTable';
import { readLockHolders } from './readLockHolders';

export interface LockReaderOptions {
  platform?: string;
  procRoot?: string;
  scanTiming?: OpenFileScanTiming;
  now?: () => number;
}

export class LockReader {
  readings = 0;
  private readonly openFiles: OpenFileScan;
  private readonly names: ProcessNameCache;
  private readonly memo: HolderMemo = {};
  private header: { stamp: string; database: DatabaseFileHeader } | undefined;

  constructor(
    readonly file: string,
    private readonly options: LockReaderOptions = {},
  ) {
    const procRoot = options.procRoot ?? '/proc';
    this.openFiles = new OpenFileScan(procRoot, options.scanTiming ?? openFileScanTiming, options.now);
    this.names = new ProcessNameCache(procRoot);
  }

  /** How many times this reader scanned /proc/*\/fd. */
  get openFileScans(): number {
    return this.openFiles.scans;
  }

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

  /** Throws UserInputError naming the file when it is missing, unreadable or not a database. */
  read(): LockReport {
    const report = readLockHolders(this.file, {
      ...(this.options.platform === undefined ? {} : { platform: this.options.platform }),
      ...(this.options.procRoot === undefined ? {} : { procRoot: this.options.procRoot }),
      openPids: this.openFiles.openPids,
      nameOf: this.names.nameOf,
      memo: this.memo,
      readHeader: this.readHeader,
    });
    if (report.holders !== this.namedHolders) {
      this.namedHolders = report.holders;
      this.names.keepOnly(report.holders.map((holder) => holder.pid));
    }
    this.readings++;
    return report;
  }
}
