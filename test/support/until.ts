// Waiting for a condition on a stream of values (readings, watcher messages), never a fixed sleep.

/** Resolves with the first value the subscription gives that `done` accepts; rejects after `timeoutMs`. */
export function until<T>(
  subscribe: (listener: (value: T) => void) => void,
  done: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`condition not met in ${timeoutMs} ms`)), timeoutMs);
    subscribe((value) => {
      if (done(value)) {
        clearTimeout(timer);
        resolve(value);
      }
    });
  });
}
