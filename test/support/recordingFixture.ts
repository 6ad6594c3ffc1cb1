// A whole Recording from synthetic samples (no /proc): the builder's parts plus the fields the
// recorder adds, for report tests.
import type { ProcessName } from '../../src/engine/locks/processNames';
import { RecordingBuilder, type SampledHolder } from '../../src/engine/record/recordingBuilder';
import { recordingLimits } from '../../src/engine/record/recordingLimits';
import { type Recording, recordingSchema } from '../../src/engine/record/recordingTypes';

export function recordingOf(
  steps: number,
  at: (step: number) => SampledHolder[],
  nameOf: (pid: number) => ProcessName,
  options: { intervalMs?: number; wal?: (step: number) => number | null; journalMode?: string } = {},
): Recording {
  const intervalMs = options.intervalMs ?? 5;
  const builder = new RecordingBuilder(intervalMs, nameOf);
  let last: SampledHolder[] = [];
  let lastKey: string | undefined;
  for (let step = 0; step < steps; step++) {
    const holders = at(step);
    const key = JSON.stringify(holders);
    if (key !== lastKey) {
      last = holders;
      lastKey = key;
    }
    builder.add({ atMs: step * intervalMs, holders: last, walBytes: options.wal?.(step) ?? null });
  }
  const parts = builder.finish();
  const facts = {
    intervalMs,
    journalMode: options.journalMode ?? 'delete',
    sampling: { jitterP50Ms: 0.1, jitterP99Ms: 1.2, missedSamples: 0 },
    intervalResolutionMs: parts.intervalResolutionMs,
    mergedIntervals: parts.mergedIntervals,
    droppedProcesses: parts.droppedProcesses,
  };
  return {
    schema: recordingSchema,
    id: '00000000-0000-4000-8000-000000000000',
    database: '/home/dev/app/app.db',
    startedAt: '2026-12-02T00:00:00.000Z',
    ...facts,
    ...parts,
    limits: recordingLimits(facts),
  };
}
