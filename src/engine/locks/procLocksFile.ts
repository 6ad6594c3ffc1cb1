// /proc/locks read again and again through one descriptor kept open (pread from offset 0 restarts the
// kernel's listing), for sampling every few milliseconds: no open/close per reading, one reused
// buffer, and only the lines on the wanted inodes decoded (by the one parser, parseProcLocks). Reading
// /proc/locks takes no lock and opens no database file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type ProcLockEntry, parseProcLocks } from './procLocks';

export class ProcLocksFile {
  private fd: number | undefined;
  private buffer = Buffer.alloc(64 * 1024);

  /** Throws when /proc/locks cannot be opened (no /proc, not Linux). */
  constructor(procRoot = '/proc') {
    this.fd = fs.openSync(path.join(procRoot, 'locks'), 'r');
  }

  /** The raw lines that mention one of `marks` (":INODE "), joined: cheap to compare between readings. */
  linesOn(marks: readonly string[]): string {
    const text = this.readAll();
    let kept = '';
    let from = 0;
    while (from < text.length) {
      let to = text.indexOf('\n', from);
      if (to < 0) {
        to = text.length;
      }
      const line = text.slice(from, to);
      if (marks.some((mark) => line.includes(mark))) {
        kept += `${line}\n`;
      }
      from = to + 1;
    }
    return kept;
  }

  /** Parsed entries of lines returned by linesOn (the same pattern as readProcLocks). */
  static parse(lines: string): ProcLockEntry[] {
    return parseProcLocks(lines);
  }

  close(): void {
    if (this.fd !== undefined) {
      fs.closeSync(this.fd);
      this.fd = undefined;
    }
  }

  private readAll(): string {
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
    return this.buffer.toString('latin1', 0, length);
  }
}

/** The text test parseProcLocks uses for an inode: ":INODE " (the device precedes it). */
export function inodeMark(inode: bigint): string {
  return `:${inode} `;
}
