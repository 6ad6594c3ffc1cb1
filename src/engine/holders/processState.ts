// A lock holder's scheduling state, from /proc/PID/stat. The state is the field after the command
// name, which the kernel writes in parentheses; the name may itself contain ')' and spaces, so the
// line is split at its LAST ')'. A stopped or traced process runs no code: it keeps every lock it
// holds until it is resumed or ends.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

/** proc_pid_stat(5): R running, S sleeping, D disk wait, T stopped, t traced, Z zombie, ... */
export interface ProcessState {
  /** The one-letter code as the kernel wrote it. */
  code: string;
  /** 'running', 'sleeping', 'disk wait', 'stopped', 'traced', 'zombie', 'idle', 'dead' or 'unknown'. */
  name: string;
  /** True when the process cannot release a lock by itself (stopped, traced, zombie). */
  stuck: boolean;
}

const stateNames: Record<string, { name: string; stuck: boolean }> = {
  R: { name: 'running', stuck: false },
  S: { name: 'sleeping', stuck: false },
  D: { name: 'disk wait', stuck: false },
  I: { name: 'idle', stuck: false },
  T: { name: 'stopped', stuck: true },
  t: { name: 'traced', stuck: true },
  Z: { name: 'zombie', stuck: true },
  X: { name: 'dead', stuck: false },
};

/** The state in one /proc/PID/stat line, or null when the line has no `(comm) S` part. */
export function parseProcessState(statLine: string): ProcessState | null {
  const close = statLine.lastIndexOf(')');
  if (close < 0) {
    return null;
  }
  const code = statLine.slice(close + 1).trimStart()[0];
  if (code === undefined) {
    return null;
  }
  const known = stateNames[code];
  return { code, name: known?.name ?? 'unknown', stuck: known?.stuck ?? false };
}

/** Null when the process has ended or its /proc entry cannot be read. */
export function readProcessState(pid: number, procRoot = '/proc'): ProcessState | null {
  try {
    return parseProcessState(fs.readFileSync(path.join(procRoot, String(pid), 'stat'), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Process states for a reader that lives across readings. Each PID's stat file is kept open and read
 * again from offset 0 (about half the cost of opening it each time), and only the processes that others
 * wait on (`busy`: a write lock, a read snapshot, a rollback-mode read lock) are read at most every
 * `busyRefreshMs` (a stopped holder matters once it has held its lock that long: the state read after
 * a sleep costs about 16 µs a process, most of a fast watcher's reading with ten busy readers), the
 * rest (idle connections, files merely open) at most every `idleRefreshMs`, so a reading's cost
 * follows the number of active holders, not of connections.
 */
export class ProcessStateReader {
  private readonly open = new Map<number, { fd: number; state: ProcessState | null; readAt: number }>();
  private readonly buffer = Buffer.alloc(1024);

  constructor(
    private readonly procRoot = '/proc',
    private readonly idleRefreshMs = 2000,
    private readonly busyRefreshMs = 500,
    private readonly now: () => number = () => performance.now(),
  ) {}

  stateOf(pid: number, busy: boolean): ProcessState | null {
    const now = this.now();
    let known = this.open.get(pid);
    if (known !== undefined && now - known.readAt < (busy ? this.busyRefreshMs : this.idleRefreshMs)) {
      return known.state;
    }
    if (known === undefined) {
      let fd: number;
      try {
        fd = fs.openSync(path.join(this.procRoot, String(pid), 'stat'), 'r');
      } catch {
        return null;
      }
      known = { fd, state: null, readAt: now };
      this.open.set(pid, known);
    }
    try {
      const read = fs.readSync(known.fd, this.buffer, 0, this.buffer.length, 0);
      known.state = parseProcessState(this.buffer.toString('latin1', 0, read));
      known.readAt = now;
      return known.state;
    } catch {
      // The process ended (its PID may come back as another process): open afresh next time.
      this.forget(pid);
      return null;
    }
  }

  /** Closes the files of every PID not in `pids`. */
  keepOnly(pids: Iterable<number>): void {
    const kept = new Set(pids);
    for (const pid of [...this.open.keys()]) {
      if (!kept.has(pid)) {
        this.forget(pid);
      }
    }
  }

  dispose(): void {
    this.keepOnly([]);
  }

  private forget(pid: number): void {
    const known = this.open.get(pid);
    this.open.delete(pid);
    if (known !== undefined) {
      try {
        fs.closeSync(known.fd);
      } catch {
        // Already closed.
      }
    }
  }
}
