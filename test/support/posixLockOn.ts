// Waits until the kernel shows a POSIX lock on a given byte of a file, read straight from /proc/locks,
// independently of the engine's own lock reader. SQLite's rollback-journal locks are single bytes past
// the 1 GiB mark (sqlite.org/lockingv3.html, os_unix.c): PENDING, RESERVED, then the SHARED range.
import { readFileSync, statSync } from 'node:fs';

export const pendingByte = 0x40000000;
export const reservedByte = pendingByte + 1;

/** PIDs holding a POSIX lock that covers `byte` of `file`. */
export function posixLockHolders(file: string, byte: number): number[] {
  const inode = statSync(file).ino;
  const pids: number[] = [];
  for (const line of readFileSync('/proc/locks', 'utf8').split('\n')) {
    // "1: POSIX  ADVISORY  WRITE 4242 08:01:1234567 1073741825 1073741825"
    const fields = line.trim().split(/\s+/);
    if (fields[1] !== 'POSIX' || fields.length < 8) {
      continue;
    }
    const [, , , , pid, device, start, end] = fields;
    const fileInode = Number(device.split(':')[2]);
    const last = end === 'EOF' ? Infinity : Number(end);
    if (fileInode === inode && Number(start) <= byte && byte <= last) {
      pids.push(Number(pid));
    }
  }
  return pids;
}

/** Resolves with the holders once `byte` of `file` is held (by holders `accept` likes); rejects after `timeoutMs`. */
export async function untilLocked(
  file: string,
  byte: number,
  accept: (holders: number[]) => boolean = () => true,
  timeoutMs = 20_000,
): Promise<number[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const holders = posixLockHolders(file, byte);
    if (holders.length > 0 && accept(holders)) {
      return holders;
    }
    if (Date.now() > deadline) {
      throw new Error(`nobody locked byte ${byte} of ${file} within ${timeoutMs / 1000} s`);
    }
    // Polling /proc/locks, not waiting for a time to pass: the loop ends as soon as the lock shows.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
