// /proc/locks read again and again through one descriptor kept open (pread from offset 0 restarts the
// kernel's listing), for sampling every few milliseconds: no open/close per reading, one reused
// buffer, and only the lines on the wanted inodes decoded (by the one parser, parseProcLocks). Reading
// /proc/locks takes no lock and opens no database file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ProcLockEntry, parseProcLocks } from './procLocks';

/** Parsed lines kept at most (a PID and a range per line: a long recording of a busy app repeats them). */
const maxRemembered = 4096;

export class ProcLocksFile {
  private fd: number | undefined;
  private buffer = Buffer.alloc(64 * 1024);
  private readonly parsed = new Map<string, ProcLockEntry | null>();
  /** The last reading's bytes (the buffers swap), and the lines it gave. */
  private last = Buffer.alloc(0);
  private lastLength = -1;
  private lastMarks = '';
  private lastLines: string | undefined;
  private lastEntries: { lines: string; entries: ProcLockEntry[] } | undefined;

  /** Throws when /proc/locks cannot be opened (no /proc, not Linux). */
  constructor(procRoot = '/proc') {
    this.fd = fs.openSync(path.join(procRoot, 'locks'), 'r');
  }

  /**
   * The lines that mention one of `marks` (":INODE "), without their leading ordinal ("12: "), which
   * moves whenever another lock anywhere on the system comes or goes: the result is the same string
   * while the locks on these files stay the same, cheap to compare between readings.
   */
  linesOn(marks: readonly string[]): string {
    const length = this.readAll();
    // The same bytes as last time (nothing locked or unlocked anywhere): the same lines, no strings made.
    if (
      this.lastLines !== undefined &&
      length === this.lastLength &&
      marks.join() === this.lastMarks &&
      this.buffer.compare(this.last, 0, length, 0, length) === 0
    ) {
      return this.lastLines;
    }
    [this.buffer, this.last] = [
      this.last.length >= this.buffer.length ? this.last : Buffer.alloc(this.buffer.length),
      this.buffer,
    ];
    this.lastLength = length;
    this.lastMarks = marks.join();
    const text = this.last.toString('latin1', 0, length);
    let kept = '';
    let from = 0;
    while (from < text.length) {
      let to = text.indexOf('\n', from);
      if (to < 0) {
        to = text.length;
      }
      const line = text.slice(from, to);
      if (marks.some((mark) => line.includes(mark))) {
        kept += `${line.slice(line.indexOf(':') + 1).trim()}\n`;
      }
      from = to + 1;
    }
    this.lastLines = kept;
    return kept;
  }

  /**
   * Entries of lines from linesOn, each line parsed once by the one parser (parseProcLocks) and
   * remembered: a busy database repeats the same few lines.
   */
  parse(lines: string): ProcLockEntry[] {
    const entries: ProcLockEntry[] = [];
    for (const line of lines.split('\n')) {
      if (line === '') {
        continue;
      }
      let entry = this.parsed.get(line);
      if (entry === undefined) {
        entry = parseProcLocks(`0: ${line}`)[0] ?? null;
        if (this.parsed.size >= maxRemembered) {
          this.parsed.clear();
        }
        this.parsed.set(line, entry);
      }
      if (entry !== null) {
        entries.push(entry);
      }
    }
    return entries;
  }

  /** Entries on these inodes: the same array while their lines stay the same (a caller compares by identity). */
  entriesOn(inodes: readonly bigint[]): ProcLockEntry[] {
    const lines = this.linesOn(inodes.map(inodeMark));
    if (this.lastEntries?.lines !== lines) {
      this.lastEntries = { lines, entries: this.parse(lines) };
    }
    return this.lastEntries.entries;
  }

  close(): void {
    if (this.fd !== undefined) {
      fs.closeSync(this.fd);
      this.fd = undefined;
    }
  }

  /** Reads the whole table into `buffer`; returns its length in bytes. */
  private readAll(): number {
    if (this.fd === undefined) {
      throw new Error('/proc/locks was closed');
    }
    let length = 0;
    for (;;) {
      if (length === this.buffer.length) {
        const larger = Buffer.alloc(this.buffer.length * 2);
        this.buffer.copy(larger);
        this.buffer = larger;
      }
      const read = fs.readSync(this.fd, this.buffer, length, this.buffer.length - length, length);
      if (read === 0) {
        break;
      }
      length += read;
    }
    return length;
  }
}

/** The text test parseProcLocks uses for an inode: ":INODE " (the device precedes it). */
export function inodeMark(inode: bigint): string {
  return `:${inode} `;
}
