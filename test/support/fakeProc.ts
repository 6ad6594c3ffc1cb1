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

/** /proc/PID/stat for a fake process: `comm` in parentheses (it may hold ')' and spaces), then `state`. */
export function writeProcStat(root: string, pid: number, comm: string, state: string): void {
  fs.mkdirSync(path.join(root, String(pid)), { recursive: true });
  fs.writeFileSync(
    path.join(root, String(pid), 'stat'),
    `${pid} (${comm}) ${state} 1 ${pid} ${pid} 0 -1 4194560\n`,
  );
}

/** /proc/PID/maps mapping `files` (the first is the program), two lines each as the kernel writes them. */
export function writeProcMaps(root: string, pid: number, files: string[]): void {
  fs.mkdirSync(path.join(root, String(pid)), { recursive: true });
  const lines = files.flatMap((file, index) => {
    const base = (0x7f0000000000 + index * 0x100000).toString(16);
    return [
      `${base}-${base.slice(0, -4)}1000 r--p 00000000 fe:00 ${1000 + index}                     ${file}`,
      `${base.slice(0, -4)}1000-${base.slice(0, -4)}2000 r-xp 00001000 fe:00 ${1000 + index}                     ${file}`,
    ];
  });
  fs.writeFileSync(
    path.join(root, String(pid), 'maps'),
    [...lines, '7ffd00000000-7ffd00021000 rw-p 00000000 00:00 0                          [stack]'].join('\n'),
  );
}
