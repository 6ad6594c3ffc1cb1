// The SQLite builds found in files, by file identity (device, inode, size, modification time): a file
// is scanned once, however many processes map it and however often they are read. In 'background'
// mode (the long-lived watcher) a scan runs in chunks between readings, one file at a time, so a
// reading never waits for it (a statically linked program can be 100 MB); a reading in between
// sees 'scanning'. In 'now' mode (a single `locks` reading) the file is scanned before answering.
import * as fs from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { SqliteBuildScanner, type SqliteBuildStrings } from './sqliteBuildScan';

export type SqliteBuildLookup =
  | { state: 'scanning' }
  | { state: 'scanned'; build: SqliteBuildStrings | null }
  | { state: 'unreadable'; reason: string };

/** One file's entry; its `lookup` changes once, when its scan ends. */
export interface CatalogEntry {
  readonly file: string;
  lookup: SqliteBuildLookup;
}

const chunkBytes = 4 << 20;

export class SqliteBuildCatalog {
  /** Files scanned (or being scanned) so far: a second lookup of the same identity adds none. */
  scans = 0;
  private readonly byIdentity = new Map<string, CatalogEntry>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly mode: 'now' | 'background') {}

  /**
   * The entry for `file` as it is now on disk (one stat); starts its scan if that identity is new.
   * `readPath` is where to read it, when that differs from the name to show (a file seen through
   * /proc/PID/root, in the process's own mount namespace).
   */
  entryFor(file: string, readPath = file): CatalogEntry {
    let stats: fs.BigIntStats;
    try {
      stats = fs.statSync(readPath, { bigint: true });
    } catch (error) {
      return { file, lookup: { state: 'unreadable', reason: reasonOf(error) } };
    }
    const identity = `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeNs}`;
    const known = this.byIdentity.get(identity);
    if (known !== undefined) {
      return known;
    }
    const entry: CatalogEntry = { file, lookup: { state: 'scanning' } };
    this.byIdentity.set(identity, entry);
    this.scans++;
    if (this.mode === 'now') {
      entry.lookup = scanNow(readPath);
    } else {
      this.queue = this.queue.then(async () => {
        entry.lookup = await scanInTurns(readPath);
      });
    }
    return entry;
  }

  /** Resolves when every scan started so far has ended. */
  idle(): Promise<void> {
    return this.queue;
  }
}

function scanNow(file: string): SqliteBuildLookup {
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(file, 'r');
    const scanner = new SqliteBuildScanner();
    const buffer = Buffer.alloc(chunkBytes);
    for (let offset = 0; ;) {
      const read = fs.readSync(descriptor, buffer, 0, chunkBytes, offset);
      if (read === 0) {
        break;
      }
      scanner.push(buffer.subarray(0, read), offset);
      offset += read;
    }
    return { state: 'scanned', build: scanner.result() };
  } catch (error) {
    return { state: 'unreadable', reason: reasonOf(error) };
  } finally {
    if (descriptor !== undefined) {
      fs.closeSync(descriptor);
    }
  }
}

async function scanInTurns(file: string): Promise<SqliteBuildLookup> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(file, 'r');
    const scanner = new SqliteBuildScanner();
    const buffer = Buffer.alloc(chunkBytes);
    for (let offset = 0; ;) {
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, offset);
      if (bytesRead === 0) {
        break;
      }
      scanner.push(buffer.subarray(0, bytesRead), offset);
      offset += bytesRead;
      // Let a due reading run between chunks.
      await nextTurn();
    }
    return { state: 'scanned', build: scanner.result() };
  } catch (error) {
    return { state: 'unreadable', reason: reasonOf(error) };
  } finally {
    await handle?.close();
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM'
    ? 'permission denied'
    : code === 'ENOENT'
      ? 'the file is gone (replaced since the process started?)'
      : error instanceof Error
        ? error.message
        : String(error);
}
