// Serves one engine request inside the child process and reports the outcome to the parent.
import { readDatabaseHeader } from '../header/readDatabaseHeader';
import { inspectDatabase } from '../inspect/inspectDatabase';
import { checkpointNow } from '../locks/checkpointNow';
import { switchJournalMode } from '../journal/switchJournalMode';
import { runProbe } from '../probe/runProbe';
import { type EngineRequest, engineErrorOf } from './engineCalls';
import type { FromEngine, ToEngine } from './engineProtocol';
import type { ParentPortal } from './parentPortal';

export async function serveEngineCall(
  request: EngineRequest,
  portal: ParentPortal<ToEngine, FromEngine>,
): Promise<void> {
  const cancel = new AbortController();
  portal.onMessage((message) => {
    if (message.type === 'cancel') {
      cancel.abort();
    }
  });
  try {
    const value = await answer(request, portal, cancel.signal);
    await portal.send({ type: 'result', value });
  } catch (error) {
    await portal.send({ type: 'error', ...engineErrorOf(error) });
  }
}

function answer(
  request: EngineRequest,
  portal: ParentPortal<ToEngine, FromEngine>,
  signal: AbortSignal,
): Promise<unknown> {
  switch (request.type) {
    case 'inspect':
      return Promise.resolve(inspectDatabase(request.file));
    case 'switchJournal':
      return Promise.resolve(switchJournalMode(request.file, request.target, request.options));
    case 'probe':
      return runProbe({
        ...request.options,
        signal,
        onEvent: (session, event) => void portal.send({ type: 'progress', session, event }),
        onPrepared: (target) => void portal.send({ type: 'prepared', target }),
      });
    case 'findDatabases':
      return Promise.resolve(request.files.filter(isDatabaseFile));
    case 'checkpoint':
      return Promise.resolve(
        checkpointNow(
          request.file,
          request.mode,
          request.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: request.busyTimeoutMs },
        ),
      );
  }
}

function isDatabaseFile(file: string): boolean {
  try {
    readDatabaseHeader(file);
    return true;
  } catch {
    return false;
  }
}
