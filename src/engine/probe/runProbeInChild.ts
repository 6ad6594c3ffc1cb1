// Runs one probe in its own child process: the blocking model blocks its thread, so configurations
// that run side by side each need a process of their own.
import { callEngine } from '../process/callEngine';
import type { ProbeOptions } from './runProbe';
import type { ProbeResult } from './probeTypes';

export function runProbeInChild(
  options: Omit<ProbeOptions, 'onEvent' | 'onPrepared' | 'onTimeZero' | 'signal'>,
  signal?: AbortSignal,
): Promise<ProbeResult> {
  return callEngine({ type: 'probe', options }, { signal });
}
