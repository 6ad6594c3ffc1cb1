// The files SQLite keeps beside a database: -wal and -shm (WAL mode), -journal (rollback mode).
// Looked at with stat and, for -wal and -journal only, a read of their first bytes. The -shm file is
// never opened: SQLite's WAL locks live in it, and closing a descriptor of it would drop this process's
// locks there.
import * as fs from 'node:fs';

export interface SidecarFile {
  path: string;
  exists: boolean;
  /** 0 when missing. */
  sizeBytes: number;
}

export function statSidecar(filePath: string): SidecarFile {
  try {
    const stats = fs.statSync(filePath);
    return { path: filePath, exists: stats.isFile(), sizeBytes: stats.isFile() ? stats.size : 0 };
  } catch {
    // Missing or unreadable: either way SQLite cannot use it as a sidecar.
    return { path: filePath, exists: false, sizeBytes: 0 };
  }
}

/** Up to `length` bytes from the start of a sidecar file, read-only; null when it cannot be read. */
export function readSidecarStart(filePath: string, length: number): Buffer | null {
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(filePath, 'r');
    const buffer = Buffer.alloc(length);
    let read = 0;
    for (;;) {
      const count = fs.readSync(descriptor, buffer, read, length - read, read);
      read += count;
      if (count === 0 || read === length) {
        break;
      }
    }
    return buffer.subarray(0, read);
  } catch {
    return null;
  } finally {
    if (descriptor !== undefined) {
      fs.closeSync(descriptor);
    }
  }
}
