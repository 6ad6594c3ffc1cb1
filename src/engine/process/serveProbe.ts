import { runProbe } from '../probe/runProbe';
import { OperationError, UserInputError } from '../userInputError';
import type { ParentPortal } from './parentPortal';
import type { FromEngine, ToEngine } from './engineProtocol';
import type { ProbeRequestMessage } from './probeProtocol';

export async function serveProbe(
  request: ProbeRequestMessage,
  portal: ParentPortal<ToEngine, FromEngine>,
): Promise<void> {
  try {
    const result = await runProbe(request.options);
    await portal.send({ type: 'result', result });
  } catch (error) {
    const kind =
      error instanceof UserInputError ? 'input' : error instanceof OperationError ? 'operation' : 'internal';
    await portal.send({
      type: 'error',
      kind,
      message: error instanceof Error ? error.message : String(error),
    });
  }
}
