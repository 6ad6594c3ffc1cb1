// Runs one engine request in a child process of its own and returns its answer: the caller's process
// never loads SQLite, and the child exits when done, so nothing stays open while idle.
import type { TimelineEvent } from '../probe/probeTypes';
import type { SweepLevel } from '../sweep/sweepTypes';
import { OperationError, UserInputError } from '../userInputError';
import type {
  CancelRequest,
  EngineCallName,
  EngineCalls,
  EngineRequest,
  FromEngineCall,
} from './engineCalls';
import { cleanUpAfterLostCall } from './lostEngineCall';
import { forkEngineProcess } from './messageChannel';

export interface EngineCallOptions {
  /** Asks the child to stop; a probe cleans up before it answers. */
  signal?: AbortSignal;
  onProgress?: (session: string, event: TimelineEvent) => void;
  onPrepared?: (target: string) => void;
  /** A load test's requests answered so far, and how many failed (about every 100 ms). */
  onLoadProgress?: (done: number, failed: number) => void;
  /** A sweep's level as it completes. */
  onSweepLevel?: (level: SweepLevel, index: number) => void;
}

export function callEngine<Name extends EngineCallName>(
  request: { type: Name } & EngineCalls[Name]['request'],
  options: EngineCallOptions = {},
): Promise<EngineCalls[Name]['response']> {
  const channel = forkEngineProcess<EngineRequest | CancelRequest, FromEngineCall>();
  return new Promise((resolve, reject) => {
    let settled = false;
    const cancel = () => channel.send({ type: 'cancel' });
    options.signal?.addEventListener('abort', cancel);
    channel.onMessage((message) => {
      if (message.type === 'progress') {
        options.onProgress?.(message.session, message.event);
        return;
      }
      if (message.type === 'prepared') {
        options.onPrepared?.(message.target);
        return;
      }
      if (message.type === 'loadProgress') {
        options.onLoadProgress?.(message.done, message.failed);
        return;
      }
      if (message.type === 'sweepLevel') {
        options.onSweepLevel?.(message.level, message.index);
        return;
      }
      settled = true;
      if (message.type === 'result') {
        resolve(message.value as EngineCalls[Name]['response']);
      } else if (message.kind === 'input') {
        reject(new UserInputError(undefined, message.message));
      } else {
        reject(new OperationError(message.message));
      }
    });
    channel.onExit((code, signalName) => {
      options.signal?.removeEventListener('abort', cancel);
      if (!settled) {
        // Killed before it could clean up (SIGKILL, out of memory): its parent does it.
        void cleanUpAfterLostCall(channel.pid, request as EngineRequest, (file, table) =>
          callEngine({ type: 'dropProbeTable', file, table }),
        ).then((leftover) =>
          reject(
            new OperationError(
              `the engine process ended early (${signalName ?? `exit code ${code}`})${leftover}`,
            ),
          ),
        );
      }
    });
    channel.send(request as EngineRequest);
  });
}
