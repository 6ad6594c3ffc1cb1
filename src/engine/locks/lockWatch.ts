// The reading loop: reads the locks of each watched file on a timer of its own and hands every
// reading to one callback. The lock watcher process (the extension's live view) and `locks --watch`
// both run it. Each file's interval can change while it runs; an unwatched file's reader is dropped.
// Readings carry `heldSince` but not `heldForMs` (unchanged holders keep their identity, which the
// watcher uses to send less): whoever shows a reading adds it with `withHeldFor` (holdClock.ts).
import { SqliteBuildCatalog } from '../holders/sqliteBuild/sqliteBuildCatalog';
import { LockReader, type LockReaderOptions } from './lockReader';
import type { LockReport } from './lockReport';

export type LockReading = { file: string; report: LockReport } | { file: string; error: unknown };

interface Watched {
  reader: LockReader;
  intervalMs: number;
  lastStartedAt: number;
  timer: NodeJS.Timeout | undefined;
}

export class LockWatch {
  private readonly watched = new Map<string, Watched>();
  private disposed = false;
  private readings = 0;
  private openFileScans = 0;

  private readonly readerOptions: LockReaderOptions;

  constructor(
    private readonly onReading: (reading: LockReading) => void,
    readerOptions: LockReaderOptions = {},
  ) {
    // One catalog for every file watched: a library is scanned once for all of them.
    this.readerOptions = { catalog: new SqliteBuildCatalog('background'), ...readerOptions };
  }

  /** Starts watching `file` (first reading at once) or changes its interval (no new reader). */
  watch(file: string, intervalMs: number): void {
    if (this.disposed) {
      return;
    }
    const known = this.watched.get(file);
    if (known !== undefined) {
      if (known.intervalMs !== intervalMs) {
        known.intervalMs = intervalMs;
        this.schedule(file, known);
      }
      return;
    }
    const entry: Watched = {
      reader: new LockReader(file, this.readerOptions),
      intervalMs,
      lastStartedAt: Number.NEGATIVE_INFINITY,
      timer: undefined,
    };
    this.watched.set(file, entry);
    this.schedule(file, entry);
  }

  unwatch(file: string): void {
    const entry = this.watched.get(file);
    clearTimeout(entry?.timer);
    entry?.reader.dispose();
    this.watched.delete(file);
  }

  /** One reading now, watched or not (a watched file keeps its schedule). */
  readNow(file: string): void {
    const entry = this.watched.get(file);
    if (entry !== undefined) {
      this.deliver(file, entry.reader);
      return;
    }
    const reader = new LockReader(file, this.readerOptions);
    this.deliver(file, reader);
    reader.dispose();
  }

  files(): string[] {
    return [...this.watched.keys()];
  }

  /** Readings and /proc/*\/fd scans so far, over every file. */
  counts(): { readings: number; openFileScans: number } {
    return { readings: this.readings, openFileScans: this.openFileScans };
  }

  dispose(): void {
    this.disposed = true;
    for (const file of this.files()) {
      this.unwatch(file);
    }
  }

  private schedule(file: string, entry: Watched): void {
    clearTimeout(entry.timer);
    // From the start of the last reading, so readings stay `intervalMs` apart however long one takes.
    const delay = Math.max(0, entry.lastStartedAt + entry.intervalMs - Date.now());
    entry.timer = setTimeout(() => {
      if (this.watched.get(file) !== entry) {
        return;
      }
      entry.lastStartedAt = Date.now();
      this.deliver(file, entry.reader);
      if (this.watched.get(file) === entry) {
        this.schedule(file, entry);
      }
    }, delay);
  }

  private deliver(file: string, reader: LockReader): void {
    const scansBefore = reader.openFileScans;
    let reading: LockReading;
    try {
      reading = { file, report: reader.readStamped() };
    } catch (error) {
      reading = { file, error };
    }
    this.readings++;
    this.openFileScans += reader.openFileScans - scansBefore;
    this.onReading(reading);
  }
}
