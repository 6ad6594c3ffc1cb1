// A prepared /proc folder for the lock reader: a `locks` table naming a real file's device and inode,
// and process folders with comm, cmdline and fd links, so decoding is tested without live processes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { splitLinuxDevice } from '../../src/engine/locks/procLocks';

/** `MAJ:MIN:INODE` as /proc/locks writes it for `file`. */
export function procLockId(file: string): string {
  const stats = fs.statSync(file, { bigint: true });
  const { major, minor } = splitLinuxDevice(stats.dev);
  return `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}:${stats.ino}`;
}

export function writeProcLocks(root: string, lines: string[]): void {
  fs.mkdirSync(root, { recursive: true });
  fs.writeFileSync(path.join(root, 'locks'), lines.join('\n'));
}

export function addProcess(
  root: string,
  pid: number,
  names: { comm?: string; cmdline?: string } = {},
  openFiles: string[] = [],
): void {
  const folder = path.join(root, String(pid));
  fs.mkdirSync(path.join(folder, 'fd'), { recursive: true });
  if (names.comm !== undefined) {
    fs.writeFileSync(path.join(folder, 'comm'), `${names.comm}\n`);
  }
  if (names.cmdline !== undefined) {
    fs.writeFileSync(path.join(folder, 'cmdline'), names.cmdline);
  }
  openFiles.forEach((target, index) => fs.symlinkSync(target, path.join(folder, 'fd', String(index + 3))));
}

export function removeProcess(root: string, pid: number): void {
  fs.rmSync(path.join(root, String(pid)), { recursive: true, force: true });
}
