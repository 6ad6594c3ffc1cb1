// Starts test/support/seedApp.py (a seed-like web app in Python's standard library) on a free port.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { stopClient } from './readyClient';

// The bundles in out/test and out/vscode-test have __dirname; the e2e bundle is an ES module without
// it, and runs from the repository's root.
export const seedAppScript =
  typeof __dirname === 'string'
    ? join(__dirname, '..', '..', 'test', 'support', 'seedApp.py')
    : join(process.cwd(), 'test', 'support', 'seedApp.py');

export interface SeedAppOptions {
  holdMs?: number;
  busyTimeoutMs?: number;
  /** 'blocking': one asyncio event loop whose sqlite3 calls block it (the seed's sync app); default threads. */
  mode?: 'threads' | 'blocking';
}

export interface StartOptions extends SeedAppOptions {
  /** Its stderr (tracebacks, access log) appended to this file instead of a pipe, like a service's log. */
  logFile?: string;
}

export function seedAppArgs(database: string, port: number, options: SeedAppOptions = {}): string[] {
  return [
    seedAppScript,
    '--db',
    database,
    '--port',
    String(port),
    '--hold-ms',
    String(options.holdMs ?? 1000),
    '--busy-timeout-ms',
    String(options.busyTimeoutMs ?? 5000),
    ...(options.mode ? ['--mode', options.mode] : []),
  ];
}

export interface SeedApp {
  port: number;
  child: ChildProcessWithoutNullStreams;
  stderr: () => string;
}

/** Starts the app on port 0 and resolves with the port it printed; the app is killed when `t` ends. */
export async function startSeedApp(
  t: Pick<TestContext, 'after'>,
  database: string,
  options: StartOptions = {},
): Promise<SeedApp> {
  const started = launchSeedApp(database, options);
  t.after(() => stopClient(started.child));
  return { port: await started.port, child: started.child, stderr: started.stderr };
}

/** Starts the app on port 0; `port` resolves with the port it printed. The caller stops `child`. */
export function launchSeedApp(
  database: string,
  options: StartOptions = {},
): { port: Promise<number>; child: ChildProcessWithoutNullStreams; stderr: () => string } {
  const logFd = options.logFile === undefined ? undefined : openSync(options.logFile, 'a');
  const child = spawn('python3', seedAppArgs(database, 0, options), {
    stdio: ['pipe', 'pipe', logFd ?? 'pipe'],
  }) as ChildProcessWithoutNullStreams;
  if (logFd !== undefined) {
    closeSync(logFd);
  }
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const port = new Promise<number>((resolve, reject) => {
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const found = /listening on (\d+)/.exec(stdout);
      if (found) {
        resolve(Number(found[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`seedApp.py exited (${code}): ${stderr}`)));
  });
  // A test that fails before reading the port must not leave an unhandled rejection behind.
  port.catch(() => undefined);
  return { port, child, stderr: () => stderr };
}

/** A port nothing listens on right now (bound, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
