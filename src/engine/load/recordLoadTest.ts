// The load test with the recorder running: the lock intervals of the app's processes during the load,
// on the same clock as the requests and the app's lines. The recorder runs in a process of its own
// (dist/recorder.js), so the load's HTTP traffic does not delay its samples; its ms 0 is taken here as
// the moment it reported its first sample (off by the message's latency, about a millisecond). It starts
// after the first row count and stops before the second (the counts' own reads are not the app's), after
// the --run app stopped. Where locks cannot be read (not Linux), the load runs without a recording and
// says why.
import { performance } from 'node:perf_hooks';
import { type RecorderProcess, startRecorder } from '../process/startRecorder';
import type { Recording } from '../record/recordingTypes';
import { OperationError } from '../userInputError';
import type { LoadTestOptions, RecordedLoad } from './loadTestTypes';
import { runLoadTest } from './runLoadTest';

export async function recordLoadTest(
  options: Omit<LoadTestOptions, 'nowMs' | 'onLoadStart' | 'onLoadEnd'>,
  recorderOptions: { intervalMs: number },
): Promise<RecordedLoad> {
  let recorder: RecorderProcess | undefined;
  /** performance.now() at the recording's ms 0. */
  let zero: number | undefined;
  let noRecording: string | undefined;
  let recording: Recording | null = null;
  try {
    const result = await runLoadTest({
      ...options,
      // Lines the app prints before the recording starts (its start-up) are at ms 0.
      nowMs: () => (zero === undefined ? 0 : Math.max(0, performance.now() - zero)),
      onLoadStart: async () => {
        const started = startRecorder(options.database ?? '', recorderOptions);
        recorder = started;
        try {
          await started.started;
          zero = performance.now();
        } catch (error) {
          recorder = undefined;
          if (!(error instanceof OperationError)) {
            throw error;
          }
          noRecording = error.message;
        }
      },
      onLoadEnd: async (app) => {
        if (recorder !== undefined) {
          const recorded = await recorder.stop();
          recording = app === null ? recorded : { ...recorded, app };
        }
      },
    });
    if (recording !== null) {
      recording = { ...(recording as Recording), load: { ...result, app: null } };
    }
    return { result, recording, ...(noRecording === undefined ? {} : { noRecording }) };
  } finally {
    // Cancelled or failed midway: the recorder process does not outlive the load.
    if (recording === null) {
      recorder?.cancel();
    }
  }
}
