// Permission checks as user nobody: root ignores permission bits, so a test file runs itself again as
// nobody (through setpriv when the tests run as root), in a child mode that does one thing and prints
// the outcome as JSON.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeSync } from 'node:fs';

export interface ChildOutcome {
  ok: boolean;
  name?: string;
  message?: string;
}

/**
 * Child mode: when `variable` is set, runs `action` with its value, prints the outcome and exits.
 * Called at the top of the test file, so the child registers no tests.
 */
export function serveChildMode(variable: string, action: (request: string) => void): void {
  const request = process.env[variable];
  if (request === undefined) {
    return;
  }
  let outcome: ChildOutcome;
  try {
    action(request);
    outcome = { ok: true };
  } catch (error) {
    outcome = { ok: false, name: (error as Error).name, message: (error as Error).message };
  }
  writeSync(1, JSON.stringify(outcome));
  process.exit(0);
}

/** Runs `testFile` (the caller's __filename) as user nobody in child mode with `variable` = `request`. */
export function runAsNobody(testFile: string, variable: string, request: string, what: string): ChildOutcome {
  const env: NodeJS.ProcessEnv = { ...process.env, [variable]: request };
  // The child is a plain script, not a file run by node --test: it must not inherit the runner's context.
  delete env.NODE_TEST_CONTEXT;
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'setpriv' : process.execPath;
  const args = asRoot
    ? ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, testFile]
    : [testFile];
  const result = spawnSync(command, args, { env, encoding: 'utf8', timeout: 60_000 });
  assert.equal(
    result.status,
    0,
    `could not run ${what} as user nobody (${command}): ${result.error?.message ?? result.stderr}`,
  );
  return JSON.parse(result.stdout) as ChildOutcome;
}
