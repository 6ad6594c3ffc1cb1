// Follows a log file (--log): lines appended after the start, each timed when read (a poll every
// `pollMs`), so a line's time is at most one poll later than its write. Handles the two ways logs are
// cut: truncation in place (copytruncate: the size drops below what was read, so reading starts again
// at 0) and rotation (the name now leads to another file: the old one is read to its end, then the new
// one from its start).
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { UserInputError } from '../userInputError';
import { AppLineStore, type AppLineLimits } from './appLineStore';
import type { AppLine, AppOutput } from './appOutputTypes';
import { LineSplitter } from './lineSplitter';

export interface FollowLogOptions {
  /** The caller's clock (a recording's ms): each line is timed by it when read. */
  nowMs: () => number;
  pollMs?: number;
  onLine?: (line: AppLine) => void;
  limits?: AppLineLimits;
}

export interface FollowedLog {
  /** Reads what is left and stops following. */
  stop(): AppOutput;
  output(): AppOutput;
}

export const defaultLogPollMs = 100;
/** Read at most this much per poll, so a log written faster than we read cannot stall the caller. */
const maxBytesPerPoll = 4 * 1024 * 1024;

export function followLog(file: string, options: FollowLogOptions): FollowedLog {
  const started = statOrProblem(file);
  let descriptor = openOrProblem(file);
  let identity = fstatSync(descriptor);
  let position = started.size;
  const store = new AppLineStore(options.limits);
  const splitter = new LineSplitter((text) => {
    const atMs = Math.round(options.nowMs() * 10) / 10;
    const line = store.add({ atMs, stream: 'log', text });
    options.onLine?.(line);
  });
  const buffer = Buffer.alloc(64 * 1024);

  const drain = () => {
    let budget = maxBytesPerPoll;
    while (budget > 0) {
      const read = readSync(descriptor, buffer, 0, Math.min(buffer.length, budget), position);
      if (read === 0) {
        return;
      }
      position += read;
      budget -= read;
      splitter.push(buffer.subarray(0, read));
    }
  };

  const poll = () => {
    const now = currentStat(file);
    const own = fstatSync(descriptor);
    if (now !== undefined && sameFile(now, own) && own.size < position) {
      // Truncated in place: what follows is new.
      splitter.end();
      position = 0;
    }
    drain();
    if (now !== undefined && !sameFile(now, identity)) {
      // Rotated: the old file is read to its end; the new one is all new.
      splitter.end();
      closeSync(descriptor);
      descriptor = openSync(file, 'r');
      identity = fstatSync(descriptor);
      position = 0;
      drain();
    }
  };

  const timer = setInterval(poll, options.pollMs ?? defaultLogPollMs);
  const output = (): AppOutput => ({ source: { kind: 'log', file }, ...store.contents() });
  let stopped = false;
  return {
    output,
    stop: () => {
      if (!stopped) {
        stopped = true;
        clearInterval(timer);
        poll();
        splitter.end();
        closeSync(descriptor);
      }
      return output();
    },
  };
}

function statOrProblem(file: string): Stats {
  let stats: Stats;
  try {
    stats = statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserInputError(
      file,
      code === 'ENOENT'
        ? 'does not exist (--log follows a log file your app writes)'
        : `cannot be read (${code})`,
    );
  }
  if (!stats.isFile()) {
    throw new UserInputError(file, 'is not a file (--log follows a log file your app writes)');
  }
  return stats;
}

function openOrProblem(file: string): number {
  try {
    return openSync(file, 'r');
  } catch (error) {
    throw new UserInputError(file, `cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
}

function currentStat(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined; // Rotated away and not created again yet.
  }
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev;
}
