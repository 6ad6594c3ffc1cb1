// Which processes have a file open (any descriptor), read from /proc: after the tool is done, none of
// its processes may keep the user's database open.
import { readdirSync, readlinkSync } from 'node:fs';

/** PIDs of the processes that have `file` open (or, with `prefix`, any file whose path starts with it). */
export function processesWithFileOpen(file: string, options: { prefix?: boolean } = {}): number[] {
  const matches = (target: string) => (options.prefix ? target.startsWith(file) : target === file);
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      if (readdirSync(`/proc/${entry}/fd`).some((fd) => matches(readlinkSync(`/proc/${entry}/fd/${fd}`)))) {
        pids.push(Number(entry));
      }
    } catch {
      // Gone, or not ours to read.
    }
  }
  return pids;
}
