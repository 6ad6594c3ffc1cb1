// Whether something accepts TCP connections at a URL's host and port. Only a connection is opened and
// closed: no request is sent, so checking an endpoint that writes to the database writes nothing.
import { connect } from 'node:net';
import { performance } from 'node:perf_hooks';
import { OperationError, UserInputError } from '../userInputError';

export function portOf(url: URL): number {
  return url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** Resolves true when a connection was accepted; false when refused; throws for an unknown host. */
export function acceptsConnections(url: URL, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve, reject) => {
    // URL keeps IPv6 literals in brackets; the socket wants the bare address.
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const socket = connect({ host, port: portOf(url), timeout: timeoutMs });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      socket.destroy();
      if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') {
        reject(new UserInputError(undefined, `${url.origin}: the host "${url.hostname}" was not found`));
      } else {
        resolve(false);
      }
    });
  });
}

/** Refuses to start a load against a port nobody listens on: one sentence instead of N failures. */
export async function requireListening(urls: readonly URL[]): Promise<void> {
  const origins = new Map(urls.map((url) => [url.origin, url]));
  for (const url of origins.values()) {
    if (!(await acceptsConnections(url))) {
      throw new OperationError(
        `nothing is listening at ${url.origin} (connection refused or no answer); start the app first, or give --run "CMD" to start it`,
      );
    }
  }
}

/** Waits until `url` accepts connections, polling; rejects when `stillWaiting` says to stop or at the deadline. */
export async function untilListening(
  url: URL,
  timeoutMs: number,
  stillWaiting: () => string | undefined,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await acceptsConnections(url, 1000)) {
      return;
    }
    const reason = stillWaiting();
    if (reason !== undefined) {
      throw new OperationError(reason);
    }
    if (signal?.aborted) {
      throw new OperationError('the load test was cancelled before the app listened');
    }
    if (performance.now() >= deadline) {
      throw new OperationError(
        `nothing listened at ${url.origin} within ${Math.round(timeoutMs / 1000)} s of starting the app; it was stopped`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
