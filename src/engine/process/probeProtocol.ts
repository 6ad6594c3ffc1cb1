// A whole probe run in a child process: how the matrix runs configurations side by side, and how the
// extension will keep SQLite out of its own process.
import type { ProbeOptions } from '../probe/runProbe';
import type { ProbeResult } from '../probe/probeTypes';

export interface ProbeRequestMessage {
  type: 'probe';
  options: Omit<ProbeOptions, 'onEvent' | 'signal'>;
}

export type EngineErrorKind = 'input' | 'operation' | 'internal';

export type FromProbe =
  { type: 'result'; result: ProbeResult } | { type: 'error'; kind: EngineErrorKind; message: string };
