// Processes that have a file open, from /proc/PID/fd: each entry is a symbolic link to the open file.
// Only readlink is used (the files themselves are never opened). Processes of other users are
// unreadable without privileges and are skipped silently, as are processes that end meanwhile.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Whether process `pid` has a descriptor on `realPath` (false when it ended or cannot be read). */
export function processHasFileOpen(pid: number, realPath: string, procRoot = '/proc'): boolean {
  const folder = path.join(procRoot, String(pid), 'fd');
  let descriptors: string[];
  try {
    descriptors = fs.readdirSync(folder);
  } catch {
    return false;
  }
  return descriptors.some((descriptor) => {
    try {
      return fs.readlinkSync(path.join(folder, descriptor)) === realPath;
    } catch {
      return false;
    }
  });
}

/** PIDs with a descriptor on `realPath` (symlinks resolved, as the kernel shows it), ascending. */
export function processesWithFileOpen(realPath: string, procRoot = '/proc'): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(procRoot);
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const name of entries) {
    if (!/^\d+$/.test(name)) {
      continue;
    }
    const folder = path.join(procRoot, name, 'fd');
    let descriptors: string[];
    try {
      descriptors = fs.readdirSync(folder);
    } catch {
      continue;
    }
    for (const descriptor of descriptors) {
      let target: string;
      try {
        target = fs.readlinkSync(path.join(folder, descriptor));
      } catch {
        continue;
      }
      if (target === realPath) {
        pids.push(Number(name));
        break;
      }
    }
  }
  return pids.sort((a, b) => a - b);
}
