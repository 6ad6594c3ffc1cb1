// Counts what the extension host starts: every fork (the module it runs and the type of each request
// sent to it) and every worker thread, by wrapping node:child_process and node:worker_threads. The
// extension's bundle looks both up on the shared module objects at call time, so the wrappers see its
// calls too. Also lists the host's live child processes from /proc.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type ChildProcessModule = typeof import('node:child_process');
type WorkerThreadsModule = typeof import('node:worker_threads');

export interface SpawnedSoFar {
  forks: { module: string; requests: string[] }[];
  /** The entry file of each worker thread. */
  workers: string[];
}

export function watchChildProcesses(): SpawnedSoFar {
  const load = createRequire(__filename);
  const childProcess = load('node:child_process') as ChildProcessModule;
  const workerThreads = load('node:worker_threads') as WorkerThreadsModule;
  const spawned: SpawnedSoFar = { forks: [], workers: [] };
  const fork = childProcess.fork;
  childProcess.fork = (modulePath: string | URL, ...rest: unknown[]) => {
    const record = { module: String(modulePath), requests: [] as string[] };
    spawned.forks.push(record);
    const child = (fork as (...args: unknown[]) => ReturnType<ChildProcessModule['fork']>)(
      modulePath,
      ...rest,
    );
    const send = child.send.bind(child) as (...args: unknown[]) => boolean;
    child.send = (message: unknown, ...more: unknown[]) => {
      const type =
        typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
      record.requests.push(typeof type === 'string' ? type : '(no type)');
      return send(message, ...more);
    };
    return child;
  };
  const Worker = workerThreads.Worker;
  class CountedWorker extends Worker {
    constructor(filename: string | URL, options?: ConstructorParameters<typeof Worker>[1]) {
      super(filename, options);
      spawned.workers.push(String(filename));
    }
  }
  workerThreads.Worker = CountedWorker;
  return spawned;
}

/** The child processes of `pid` whose command line mentions `path` (e.g. an extension's folder), from /proc (Linux). */
export function childProcessesOf(pid: number, path = ''): number[] {
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The fields after the command, which is in parentheses and may itself hold ') '.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid && readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(path)) {
        children.push(Number(entry));
      }
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** A process's command line, arguments separated by spaces ('' when it is gone). */
export function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}
