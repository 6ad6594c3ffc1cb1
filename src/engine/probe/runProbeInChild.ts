// Runs one probe in its own child process: the blocking model blocks its thread, so configurations
// that run side by side each need a process of their own.
import { forkEngineProcess } from '../process/messageChannel';
import type { FromProbe, ProbeRequestMessage } from '../process/probeProtocol';
import { OperationError, UserInputError } from '../userInputError';
import type { ProbeOptions } from './runProbe';
import type { ProbeResult } from './probeTypes';

export function runProbeInChild(
  options: ProbeRequestMessage['options'],
  signal?: AbortSignal,
): Promise<ProbeResult> {
  const channel = forkEngineProcess<ProbeRequestMessage, FromProbe>();
  return new Promise((resolve, reject) => {
    let settled = false;
    const abort = () => channel.kill();
    signal?.addEventListener('abort', abort);
    channel.onMessage((message) => {
      settled = true;
      if (message.type === 'result') {
        resolve(message.result);
      } else if (message.kind === 'input') {
        reject(new UserInputError(undefined, message.message));
      } else {
        reject(new OperationError(message.message));
      }
    });
    channel.onExit((code, signalName) => {
      signal?.removeEventListener('abort', abort);
      if (!settled) {
        reject(new OperationError(`the probe's process ended early (${signalName ?? `exit code ${code}`})`));
      }
    });
    channel.send({ type: 'probe', options: options satisfies Omit<ProbeOptions, 'onEvent' | 'signal'> });
  });
}
