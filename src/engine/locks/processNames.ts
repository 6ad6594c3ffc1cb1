// Names a process from Linux's /proc: /proc/PID/comm (at most 15 characters, set by the kernel from the
// executable or by the program) and /proc/PID/cmdline (the arguments, NUL-separated). Both are plain
// reads of /proc; a process that ended or is hidden (hidepid) gives null.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { shownAsText } from '../text/printable';
import { PerPid } from './perPid';

export interface ProcessName {
  command: string | null;
  commandLine: string | null;
}

/** Long enough for a path and a few arguments; a `python3 -c <script>` gets cut, not printed whole. */
export const commandLineLimit = 200;

export function readProcessName(pid: number, procRoot = '/proc'): ProcessName {
  return {
    // A program may set its own comm, control characters included: they become spaces, as in cmdline.
    command: readProcFile(path.join(procRoot, String(pid), 'comm'), (text) => readableCommandLine(text)),
    commandLine: readProcFile(path.join(procRoot, String(pid), 'cmdline'), (text) =>
      readableCommandLine(text),
    ),
  };
}

/** NUL-separated arguments as one line: control characters and runs of blanks become one space. */
export function readableCommandLine(raw: string, limit = commandLineLimit): string {
  // Bidi and C1 controls as U+FFFD: a name cannot reverse or act on the text shown after it.
  // eslint-disable-next-line no-control-regex
  const line = shownAsText(raw.replace(/[\u0000-\u001f\u007f\s]+/g, ' ')).trim();
  return line.length <= limit ? line : `${line.slice(0, limit - 1)}…`;
}

function readProcFile(file: string, shape: (text: string) => string): string | null {
  try {
    const text = shape(fs.readFileSync(file, 'utf8'));
    // A kernel thread has an empty cmdline: no name beats an empty one.
    return text === '' ? null : text;
  } catch {
    return null;
  }
}

/** Reads each PID's names once. */
export function processNamer(procRoot = '/proc'): (pid: number) => ProcessName {
  return new ProcessNameCache(procRoot).nameOf;
}

/**
 * Names by PID for a reader that lives across readings: a PID is read once while it stays in the
 * readings, and forgotten when it leaves (PIDs are reused).
 */
export class ProcessNameCache {
  private readonly known: PerPid<ProcessName>;

  constructor(procRoot = '/proc') {
    this.known = new PerPid((pid) => readProcessName(pid, procRoot));
  }

  readonly nameOf = (pid: number): ProcessName => this.known.get(pid);

  /** Forgets every PID not in `pids`. */
  keepOnly(pids: Iterable<number>): void {
    this.known.keepOnly(pids);
  }
}
