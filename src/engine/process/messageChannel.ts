// One interface over a worker thread and a child process, so the coordinator talks to both alike.
import { fork, type ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { engineEntryPath } from './engineEntryPath';

export interface MessageChannel<ToChild, FromChild> {
  readonly pid: number | undefined;
  send(message: ToChild): void;
  onMessage(listener: (message: FromChild) => void): void;
  /** Called once when the child is gone; `signal` is set when it was killed. */
  onExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  kill(): void;
}

export function forkEngineProcess<ToChild, FromChild>(
  options: { serialization?: 'json' | 'advanced' } = {},
): MessageChannel<ToChild, FromChild> {
  const child: ChildProcess = fork(engineEntryPath(), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
    serialization: options.serialization ?? 'json',
  });
  child.on('error', (error) =>
    process.stderr.write(`sqlite-lock-doctor: engine process: ${error.message}\n`),
  );
  return {
    pid: child.pid,
    send: (message) => {
      if (child.connected) {
        // A child that finished may close its channel while a late message (an acknowledgement) is on
        // its way: that message has nobody to read it, and the child's end is reported by onExit.
        child.send(message as object, () => undefined);
      }
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromChild)),
    // 'close', not 'exit': it comes after the IPC channel has delivered the child's last messages.
    onExit: (listener) => child.once('close', listener),
    kill: () => {
      child.kill('SIGKILL');
    },
  };
}

export function startEngineThread<ToChild, FromChild>(): MessageChannel<ToChild, FromChild> {
  const worker = new Worker(engineEntryPath(), { workerData: { engineThread: true } });
  let exited = false;
  worker.once('exit', () => {
    exited = true;
  });
  // An uncaught error ends the thread; 'exit' follows and tells the coordinator.
  worker.on('error', (error: Error) =>
    process.stderr.write(`sqlite-lock-doctor: engine thread: ${error.message}\n`),
  );
  return {
    pid: process.pid,
    send: (message) => {
      if (!exited) {
        worker.postMessage(message);
      }
    },
    onMessage: (listener) => worker.on('message', (message) => listener(message as FromChild)),
    onExit: (listener) => worker.once('exit', (code) => listener(code, null)),
    kill: () => {
      void worker.terminate();
    },
  };
}
