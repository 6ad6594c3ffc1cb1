// Entry of the engine's worker threads and child processes (dist/engine-process.js). It serves one
// request and ends: a probe session, or an engine call (inspect, journal switch, a whole probe...).
import type { FromEngine, ToEngine } from './engineProtocol';
import { parentPortal } from './parentPortal';
import { serveEngineCall } from './serveEngineCall';
import { serveClient } from './serveClient';
import { serveSession } from './serveSession';

const portal = parentPortal<ToEngine, FromEngine>();
if (!portal) {
  process.stderr.write('engine-process.js is started by sqlite-lock-doctor, not by hand.\n');
  process.exitCode = 2;
} else {
  let served = false;
  portal.onMessage((message) => {
    if (
      served ||
      message.type === 'go' ||
      message.type === 'received' ||
      message.type === 'cancel' ||
      message.type === 'request' ||
      message.type === 'stop'
    ) {
      return;
    }
    served = true;
    const work =
      message.type === 'session'
        ? serveSession(message, portal)
        : message.type === 'client'
          ? serveClient(message, portal)
          : serveEngineCall(message, portal);
    work.finally(() => portal.close()).catch(() => undefined);
  });
}
