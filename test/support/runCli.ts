// Runs the built command-line twin (dist/cli.js) as a user would, with Node 24.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** The CLI process's PID. */
  pid: number;
}

export const cliPath = join(__dirname, '..', '..', 'dist', 'cli.js');

export function runCli(args: string[], options: { cwd?: string } = {}): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout, stderr, ms: Date.now() - started, pid: child.pid ?? -1 }),
    );
  });
}
