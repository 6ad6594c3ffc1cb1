// What the extension host holds right now: its open file descriptors, the processes it started (its
// whole tree), and its memory. Read from inside the host, of the host's own process.
import { readdirSync, readlinkSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { descendantsOf, type ProcessEntry } from '../../support/processTree';

export interface HostFootprint {
  /** What each open descriptor points to (a path, "pipe:[N]", "socket:[N]", "anon_inode:..."). */
  fds: string[];
  /** Every process below the host (engine children, the lock watcher, the recorder, clients...). */
  descendants: ProcessEntry[];
  /** V8 heap in use after full garbage collections, bytes; undefined when gc could not be reached. */
  heapAfterGcBytes: number | undefined;
  rssBytes: number;
}

/**
 * The host is not started with --expose-gc; V8 takes the flag at run time, and a fresh context then
 * sees `gc`. Only this measurement calls it.
 */
function collectGarbage(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

function openDescriptors(): string[] {
  const targets: string[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      targets.push(readlinkSync(`/proc/self/fd/${fd}`));
    } catch {
      // The descriptor readdir itself used, closed by now.
    }
  }
  return targets;
}

export function readHostFootprint(): HostFootprint {
  const gc = collectGarbage();
  if (gc) {
    // Twice: the first pass runs finalizers whose objects the second one frees.
    gc();
    gc();
  }
  return {
    fds: openDescriptors(),
    descendants: descendantsOf(process.pid),
    heapAfterGcBytes: gc ? process.memoryUsage().heapUsed : undefined,
    rssBytes: process.memoryUsage().rss,
  };
}

/** The entries of `now` beyond those of `before` (a multiset difference), for a leak's message. */
export function extraEntries(before: string[], now: string[]): string[] {
  const left = new Map<string, number>();
  for (const entry of before) {
    left.set(entry, (left.get(entry) ?? 0) + 1);
  }
  return now.filter((entry) => {
    const count = left.get(entry) ?? 0;
    left.set(entry, count - 1);
    return count <= 0;
  });
}
