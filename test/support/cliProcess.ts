// The command-line twin as a running process a test talks to while it runs: wait for a line on its
// stderr, signal it, then read what it printed. Killed when the test ends.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { TestContext } from 'node:test';
import { cliPath } from './runCli';

export interface CliProcess {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves once stderr (all of it so far) matches `pattern`. */
  untilStderr(pattern: RegExp): Promise<void>;
  /** The exit code once the process ended and its output is read. */
  closed: Promise<number | null>;
}

export function startCli(t: Pick<TestContext, 'after'>, args: string[]): CliProcess {
  const child = spawn(process.execPath, [cliPath, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  t.after(() => child.kill('SIGKILL'));
  let stdout = '';
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters.filter((candidate) => candidate.pattern.test(stderr))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    untilStderr: (pattern) =>
      pattern.test(stderr)
        ? Promise.resolve()
        : new Promise<void>((resolve, reject) => {
            waiters.push({ pattern, resolve });
            void closed.then(() =>
              reject(new Error(`the command ended before stderr matched ${pattern}: ${stderr}`)),
            );
          }),
    closed,
  };
}
