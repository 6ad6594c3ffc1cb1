// The processes a process started, read from /proc: every process whose parent chain leads to it.
// /proc/PID/stat holds "pid (comm) state ppid ..."; comm may contain ')' and spaces, so the fields are
// read after its LAST ')'.
import { readFileSync, readdirSync } from 'node:fs';

export interface ProcessEntry {
  pid: number;
  ppid: number;
  /** The command line, arguments joined by spaces ('' once it has ended or for a zombie). */
  commandLine: string;
}

function readEntry(pid: number): ProcessEntry | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(
      stat
        .slice(stat.lastIndexOf(')') + 1)
        .trim()
        .split(' ')[1],
    );
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    return { pid, ppid, commandLine };
  } catch {
    return undefined; // Ended while we read.
  }
}

/** Every descendant of `root` (children, their children, ...), in no particular order. */
export function descendantsOf(root: number): ProcessEntry[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => readEntry(Number(name)))
    .filter((entry): entry is ProcessEntry => entry !== undefined);
  const byParent = new Map<number, ProcessEntry[]>();
  for (const entry of all) {
    byParent.set(entry.ppid, [...(byParent.get(entry.ppid) ?? []), entry]);
  }
  const found: ProcessEntry[] = [];
  const queue = [root];
  for (let parent = queue.shift(); parent !== undefined; parent = queue.shift()) {
    for (const child of byParent.get(parent) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}
