// The engine entry's side of a MessageChannel: a worker's parentPort or a child process's IPC.
import { parentPort } from 'node:worker_threads';

export interface ParentPortal<FromParent, ToParent> {
  onMessage(listener: (message: FromParent) => void): void;
  send(message: ToParent): Promise<void>;
  /** Lets the thread or process end once nothing else is pending. */
  close(): void;
  /** Called when the parent process is gone (killed, or its window reloaded) or closed the channel;
   * never for a thread, which ends with its process. */
  onParentGone(listener: () => void): void;
}

export function parentPortal<FromParent, ToParent>(): ParentPortal<FromParent, ToParent> | undefined {
  const port = parentPort;
  if (port) {
    return {
      onMessage: (listener) => port.on('message', (message) => listener(message as FromParent)),
      send: (message) => {
        port.postMessage(message);
        return Promise.resolve();
      },
      close: () => port.close(),
      onParentGone: () => undefined,
    };
  }
  if (process.send) {
    return {
      onMessage: (listener) => process.on('message', (message) => listener(message as FromParent)),
      send: (message) =>
        new Promise((resolve) => {
          if (!process.connected) {
            resolve();
            return;
          }
          process.send?.(message, undefined, {}, () => resolve());
        }),
      close: () => process.disconnect(),
      onParentGone: (listener) => process.once('disconnect', listener),
    };
  }
  return undefined;
}
