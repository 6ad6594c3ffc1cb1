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
  return processesWithFilesOpen([realPath], procRoot)[0];
}

/** For each of `realPaths`, the PIDs with a descriptor on it, ascending: one pass over /proc. */
export function processesWithFilesOpen(realPaths: readonly string[], procRoot = '/proc'): number[][] {
  const found = realPaths.map((): number[] => []);
  let entries: string[];
  try {
    entries = fs.readdirSync(procRoot);
  } catch {
    return found;
  }
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
    const seen = new Set<number>();
    for (const descriptor of descriptors) {
      let target: string;
      try {
        target = fs.readlinkSync(path.join(folder, descriptor));
      } catch {
        continue;
      }
      const index = realPaths.indexOf(target);
      if (index >= 0 && !seen.has(index)) {
        seen.add(index);
        found[index].push(Number(name));
        if (seen.size === realPaths.length) {
          break;
        }
      }
    }
  }
  return found.map((pids) => pids.sort((a, b) => a - b));
}
