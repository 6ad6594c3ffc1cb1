// Reads one database's lock holders again and again (the watcher, `locks --watch`): the same reading
// as `locks` (readLockHolders), with what can be kept between readings kept: process names while a
// PID stays, the /proc/*/fd scan repeated only when the lock PIDs change (openFileScan.ts), and the
// decoded holders reused (the same array) while the lock lines stay the same.
// Like readLockHolders it opens no SQLite connection and must run where none is open.
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

  /** Throws UserInputError naming the file when it is missing, unreadable or not a database. */
  read(): LockReport {
    const report = readLockHolders(this.file, {
      ...(this.options.platform === undefined ? {} : { platform: this.options.platform }),
      ...(this.options.procRoot === undefined ? {} : { procRoot: this.options.procRoot }),
      openPids: this.openFiles.openPids,
      nameOf: this.names.nameOf,
      memo: this.memo,
    });
    this.names.keepOnly(report.holders.map((holder) => holder.pid));
    this.readings++;
    return report;
  }
}
