// A lock holder's scheduling state, from /proc/PID/stat. The state is the field after the command
// name, which the kernel writes in parentheses; the name may itself contain ')' and spaces, so the
// line is split at its LAST ')'. A stopped or traced process runs no code: it keeps every lock it
// holds until it is resumed or ends.
import * as fs from 'node:fs';
import * as path from 'node:path';

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
