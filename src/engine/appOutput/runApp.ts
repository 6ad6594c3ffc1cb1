// Starts the user's command (--run) as a child in a process group of its own, captures its stdout and
// stderr line by line with times on the caller's clock, passes the output through (the user still
// sees their app's logs), and stops it on request: SIGTERM to its process group, SIGKILL after a grace
// period. The group holds the child and what it started (uvicorn's workers, say): nothing else is
// signalled. The command runs only because the user typed it.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { OperationError, UserInputError } from '../userInputError';
import { AppLineStore, type AppLineLimits } from './appLineStore';
import type { AppLine, AppOutput } from './appOutputTypes';
import { splitCommand } from './commandWords';
import { guardProcessGroup } from './groupGuard';
import { LineSplitter } from './lineSplitter';

export interface RunAppOptions {
  /** The caller's clock (a recording's ms): each line is timed by it when read. */
  nowMs: () => number;
  /** Where the app's output is copied as it comes (the CLI: its stderr, so stdout stays the report's). */
  passThrough?: NodeJS.WritableStream;
  cwd?: string;
  /** Each line as it is read, classified. */
  onLine?: (line: AppLine) => void;
  limits?: AppLineLimits;
  /** The flag named in error sentences. */
  flag?: string;
}

export interface AppExit {
  exitCode: number | null;
  signal: string | null;
}

export interface RunningApp {
  readonly pid: number;
  /** Resolves when the child has exited (its output may still be arriving from what it started). */
  readonly exited: Promise<AppExit>;
  /** Ends the child's process group: SIGTERM, then SIGKILL after `graceMs`. Resolves once it exited. */
  stop(graceMs?: number): Promise<AppExit>;
  /** The lines so far, with counts by kind. */
  output(): AppOutput;
}

export const defaultStopGraceMs = 5000;
/** How long a stop waits for the last of the app's output after it exited. */
const outputDrainMs = 1000;

export async function runApp(command: string, options: RunAppOptions): Promise<RunningApp> {
  const flag = options.flag ?? '--run';
  const words = splitCommand(flag, command);
  const child = spawn(words.program, words.args, {
    cwd: options.cwd,
    // Python buffers stdout when it is a pipe, which would delay its lines (and their times) by
    // kilobytes; unbuffered, each line arrives when printed. The user's own setting wins.
    env: { PYTHONUNBUFFERED: '1', ...process.env, ...words.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A new session and process group, led by the child: stop() signals exactly that group, and the
    // terminal's Ctrl-C reaches us, which then stops the app in order.
    detached: true,
  });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error: NodeJS.ErrnoException) => reject(startFailure(flag, words.program, error)));
  });
  const pid = child.pid as number;
  const store = new AppLineStore(options.limits);
  for (const stream of ['stdout', 'stderr'] as const) {
    const splitter = new LineSplitter((text) => {
      const line = store.add({ atMs: tenths(options.nowMs()), stream, text, pid });
      options.onLine?.(line);
    });
    child[stream].on('data', (chunk: Buffer) => {
      options.passThrough?.write(chunk);
      splitter.push(chunk);
    });
    child[stream].on('end', () => splitter.end());
  }

  // If this process ends without stopping the app (a crash), the app does not outlive it.
  const killOnExit = () => signalGroup(pid, 'SIGKILL');
  process.once('exit', killOnExit);
  // ...nor a SIGKILL of this process, which runs no exit hook.
  const guard = guardProcessGroup(pid);
  const unwatch = () => {
    process.off('exit', killOnExit);
    guard.release();
  };
  let exit: AppExit | undefined;
  const exited = new Promise<AppExit>((resolve) => {
    child.once('exit', (exitCode, signal) => {
      exit = { exitCode, signal };
      resolve(exit);
    });
  });

  const outputEnded = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let stopping: Promise<AppExit> | undefined;
  const stop = (graceMs = defaultStopGraceMs): Promise<AppExit> => {
    stopping ??= (async () => {
      signalGroup(pid, 'SIGTERM');
      await untilGone(pid, graceMs);
      // Still there: the child ignored SIGTERM, or something it started outlived it.
      signalGroup(pid, 'SIGKILL');
      const result = await exited;
      // Its last lines may still be in the pipes after its exit: read them (bounded, in case a process
      // outside the group, one that left it with setsid, still holds a pipe open).
      await Promise.race([outputEnded, delay(outputDrainMs)]);
      unwatch();
      return result;
    })();
    return stopping;
  };
  void exited.then(() => {
    if (stopping === undefined && !groupExists(pid)) {
      unwatch();
    }
  });

  return {
    pid,
    exited,
    stop,
    output: () => ({
      source: {
        kind: 'run',
        command,
        pid,
        exitCode: exit?.exitCode ?? null,
        signal: exit?.signal ?? null,
      },
      ...store.contents(),
    }),
  };
}

function tenths(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Windows has no process groups to signal: there the child alone is ended (not what it started). */
const groupOf = (pid: number) => (process.platform === 'win32' ? pid : -pid);

/** Signals the process group `pid` leads. Linux never reuses a PID still in use as a group ID, so the
 * group is the child's own while any member lives; once none does the call finds nothing (ESRCH). */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(groupOf(pid), signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}

function groupExists(pid: number): boolean {
  try {
    process.kill(groupOf(pid), 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits (up to `ms`) until no member of the group is left. */
async function untilGone(pid: number, ms: number): Promise<void> {
  const deadline = performance.now() + ms;
  while (groupExists(pid) && performance.now() < deadline) {
    await delay(20);
  }
}

function startFailure(flag: string, program: string, error: NodeJS.ErrnoException): Error {
  if (error.code === 'ENOENT') {
    return new UserInputError(undefined, `${flag}: "${program}" was not found (not a file, nor on PATH)`);
  }
  if (error.code === 'EACCES') {
    return new UserInputError(undefined, `${flag}: "${program}" is not executable (permission denied)`);
  }
  return new OperationError(`${flag}: could not start "${program}": ${error.message}`);
}
