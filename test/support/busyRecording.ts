// A recording of a busy hour, built directly (no sampling): for the static report's level-of-detail
// test and its benchmark (bench/staticReport.ts), a million intervals in a second.
import type { LockInterval, RecordedProcess, Recording } from '../../src/engine/record/recordingTypes';
import { recordingOf } from './recordingFixture';

/** `perProcess` lock intervals for each of `processes` processes over an hour: 50 in a row of SHARED,
 * then of RESERVED, then of EXCLUSIVE, and so on; every fifth a kernel wait. Each state's intervals
 * come in stretches a pixel or two apart, so even merged per state they would be hundreds of bars. */
export function busyRecording(processes: number, perProcess: number): Recording {
  const base = recordingOf(
    2,
    () => [],
    () => ({ command: 'python3', commandLine: null }),
  );
  const durationMs = 3_600_000;
  const stepMs = durationMs / perProcess;
  const states = ['SHARED', 'RESERVED', 'EXCLUSIVE'] as const;
  const lanes: RecordedProcess[] = Array.from({ length: processes }, (_, index) => {
    const intervals: LockInterval[] = [];
    for (let i = 0; i < perProcess; i++) {
      const startMs = i * stepMs + (index % 7) * 0.01;
      intervals.push({
        state: states[Math.floor(i / 50) % 3],
        file: 'db',
        startMs,
        endMs: startMs + stepMs * 0.6,
        ...(i % 5 === 4 ? { waiting: true } : {}),
      });
    }
    return {
      pid: 1000 + index,
      command: 'python3',
      commandLine: null,
      firstSeenMs: 0,
      lastSeenMs: durationMs,
      presentAtStart: true,
      presentAtEnd: true,
      intervals,
    };
  });
  return { ...base, durationMs, samples: durationMs / 10, processes: lanes };
}
