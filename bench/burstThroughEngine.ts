// The burst preset in WAL through the engine child process the extension uses, with the peak memory of
// every Node process the call started: the one probe run the scale and limits benchmarks both measure.
import { performance } from 'node:perf_hooks';
import { callEngine } from '../src/engine/process/callEngine';
import type { ExecutionModel, ProbeResult } from '../src/engine/probe/probeTypes';
import { type PeakRecord, withPeakRss } from './withPeakRss';

export interface BurstRun {
  result: ProbeResult;
  peaks: PeakRecord[];
  wallMs: number;
}

export async function burstThroughEngine(
  database: string,
  folder: string,
  model: ExecutionModel,
  writers: number,
  transactions: number,
): Promise<BurstRun> {
  const started = performance.now();
  const { value: result, peaks } = await withPeakRss(folder, () =>
    callEngine({
      type: 'probe',
      options: {
        database,
        preset: 'burst',
        presetOptions: { writers, transactions },
        model,
        journal: 'wal',
        busyTimeoutMs: 5000,
        inPlace: false,
      },
    }),
  );
  return { result, peaks, wallMs: performance.now() - started };
}
