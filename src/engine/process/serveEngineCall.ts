// Serves one engine request inside the child process and reports the outcome to the parent.
import { readDatabaseHeader } from '../header/readDatabaseHeader';
import { inspectDatabase } from '../inspect/inspectDatabase';
import { countRows } from '../load/countRows';
import { recordLoadTest } from '../load/recordLoadTest';
import { checkpointNow } from '../locks/checkpointNow';
import { switchJournalMode } from '../journal/switchJournalMode';
import { dropProbeTable } from '../probe/dropProbeTable';
import { runProbe } from '../probe/runProbe';
import { runSweep } from '../sweep/runSweep';
import { parseScenarioText } from '../scenario/readScenarioFile';
import { type EngineRequest, engineErrorOf } from './engineCalls';
import type { FromEngine, ToEngine } from './engineProtocol';
import type { ParentPortal } from './parentPortal';
import type { TimelineEvent } from '../probe/probeTypes';

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
  // A parent that died (SIGKILL, a reloaded window) cannot cancel: its going does, so a probe still
  // removes its scratch copy or its table from the user's file before this process ends.
  portal.onParentGone(() => cancel.abort());
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
        onEvent: throttledProgress(portal),
        onPrepared: (target) => void portal.send({ type: 'prepared', target }),
      });
    case 'sweep':
      return runSweep({ ...request.options, signal }, (level, index) => {
        void portal.send({ type: 'sweepLevel', level, index });
      });
    case 'readScenario':
      return Promise.resolve(parseScenarioText(request.text, request.file));
    case 'dropProbeTable':
      dropProbeTable(request.file, request.table);
      return Promise.resolve(null);
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
    case 'countRows':
      return Promise.resolve(countRows(request.count));
    case 'recordLoad':
      return recordLoadTest(
        { ...request.options, signal, onProgress: throttledLoadProgress(portal) },
        { intervalMs: request.intervalMs },
      );
  }
}

/** Thousands of requests a second: the caller gets their count about every 100 ms. */
function throttledLoadProgress(portal: ParentPortal<ToEngine, FromEngine>) {
  let lastSentMs = -Infinity;
  return (done: number, failed: number) => {
    const now = performance.now();
    if (now - lastSentMs >= progressEveryMs) {
      lastSentMs = now;
      void portal.send({ type: 'loadProgress', done, failed });
    }
  };
}

/** A burst produces millions of events: the host gets the first `progressInFull` of them, every
 * 'start' (it names the session's pid), and otherwise one event per `progressEveryMs`. */
const progressInFull = 1000;
const progressEveryMs = 100;

function throttledProgress(portal: ParentPortal<ToEngine, FromEngine>) {
  let forwarded = 0;
  let lastSentMs = -Infinity;
  return (session: string, event: TimelineEvent) => {
    const now = performance.now();
    if (forwarded < progressInFull || event.kind === 'start' || now - lastSentMs >= progressEveryMs) {
      forwarded++;
      lastSentMs = now;
      void portal.send({ type: 'progress', session, event });
    }
  };
}

function isDatabaseFile(file: string): boolean {
  try {
    readDatabaseHeader(file);
    return true;
  } catch {
    return false;
  }
}
