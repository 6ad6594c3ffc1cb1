// Entry of the engine's worker threads and child processes (dist/engine-process.js). It serves one
// request and ends: a probe session, or a whole probe (the matrix runs configurations side by side).
import { parentPortal } from './parentPortal';
import type { ToEngine, FromEngine } from './engineProtocol';
import { serveSession } from './serveSession';
import { serveProbe } from './serveProbe';

const portal = parentPortal<ToEngine, FromEngine>();
if (!portal) {
  process.stderr.write('engine-process.js is started by sqlite-lock-doctor, not by hand.\n');
  process.exitCode = 2;
} else {
  let served = false;
  portal.onMessage((message) => {
    if (served || (message.type !== 'session' && message.type !== 'probe')) {
      return;
    }
    served = true;
    const work = message.type === 'session' ? serveSession(message, portal) : serveProbe(message, portal);
    work.finally(() => portal.close()).catch(() => undefined);
  });
}
