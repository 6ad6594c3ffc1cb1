// Independent clients (the sqlite3 shell, python3) in processes of their own that print a line "ready"
// once they hold what they should, and keep holding it until they are stopped.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { TestContext } from 'node:test';

/** Resolves once `child` printed a line "ready"; rejects if it exits first or is not ready in time. */
export function untilReady(
  child: ChildProcessWithoutNullStreams,
  command: string,
  timeoutMs = 30_000,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let output = '';
    let errors = '';
    const timer = setTimeout(
      () => reject(new Error(`${command} not ready after ${timeoutMs / 1000} s: ${errors}`)),
      timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (/^ready$/m.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}) before it was ready: ${errors}`));
    });
  });
}

/** Starts a client, feeds it `input` and resolves once it is ready; it is killed when `t` ends. */
export async function startClient(
  t: Pick<TestContext, 'after'>,
  command: string,
  args: string[],
  input = '',
): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(command, args);
  // Registered before waiting, so a client that never gets ready is killed too.
  t.after(() => stopClient(child));
  const ready = untilReady(child, command);
  // stdin stays open: the shell keeps its transaction until it is killed.
  child.stdin.write(input);
  await ready;
  return child;
}

export async function stopClient(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
