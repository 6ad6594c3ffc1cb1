// Starts the code-hints worker thread (dist/hints-worker.js, built beside the bundle that starts it) and
// turns its messages into promises. One worker serves every request; terminate() ends it.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type {
  FromHintsWorker,
  HintsWorkerCallName,
  HintsWorkerCalls,
  ToHintsWorker,
} from './hintsWorkerProtocol';

export interface HintsWorker {
  call<Name extends HintsWorkerCallName>(
    type: Name,
    request: HintsWorkerCalls[Name]['request'],
  ): Promise<HintsWorkerCalls[Name]['response']>;
  terminate(): Promise<void>;
  /** False once the thread has ended (terminated, or crashed): start another. */
  readonly running: boolean;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export function startHintsWorker(entry = join(__dirname, 'hints-worker.js')): HintsWorker {
  const worker = new Worker(entry);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let ended: Error | undefined;
  const failAll = (error: Error) => {
    ended = error;
    for (const waiting of pending.values()) {
      waiting.reject(error);
    }
    pending.clear();
  };
  worker.on('message', (message: FromHintsWorker) => {
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.type === 'result') {
      waiting?.resolve(message.value);
    } else {
      waiting?.reject(new Error(message.message));
    }
  });
  worker.on('error', (error: Error) => failAll(new Error(`the code-hints worker failed: ${error.message}`)));
  worker.once('exit', (code) => failAll(new Error(`the code-hints worker ended (exit code ${code})`)));
  return {
    call: (type, request) =>
      new Promise((resolve, reject) => {
        if (ended) {
          reject(ended);
          return;
        }
        const id = nextId++;
        pending.set(id, { resolve, reject });
        const message = { id, type, ...request } as ToHintsWorker;
        worker.postMessage(message);
      }),
    terminate: async () => {
      await worker.terminate();
    },
    get running() {
      return ended === undefined;
    },
  };
}
