// A recording from start to stop: the recorder samples until `stopWhen` settles (a --for timer, Ctrl-C,
// the extension's stop) or the app being recorded ends, and an app-output source (record --run's child,
// or --log's file) adds the app's lines on the recording's clock. The source is the seam for --run and
// --log: this function neither knows nor cares which it is.
import type { LockRecorder, RecorderProgress } from './lockRecorder';
import type { AppOutput, Recording } from './recordingTypes';

export interface AppOutputSource {
  /** Starts capturing; `nowMs` is the recording's clock. `ended` settles when the app exits (never for a log). */
  start(nowMs: () => number): { ended: Promise<void> };
  /** Stops capturing (ending a child the source started) and gives what it captured. */
  finish(): Promise<AppOutput>;
}

export interface RunRecordingOptions {
  stopWhen: Promise<void>;
  app?: AppOutputSource;
  onProgress?: (progress: RecorderProgress) => void;
  progressEveryMs?: number;
}

export async function runRecording(recorder: LockRecorder, options: RunRecordingOptions): Promise<Recording> {
  recorder.start();
  const app = options.app?.start(() => recorder.elapsedMs());
  const progress =
    options.onProgress === undefined
      ? undefined
      : setInterval(() => options.onProgress?.(recorder.progress()), options.progressEveryMs ?? 1000);
  try {
    await Promise.race([options.stopWhen, ...(app === undefined ? [] : [app.ended])]);
  } finally {
    clearInterval(progress);
  }
  const output: AppOutput | undefined = await options.app?.finish();
  return recorder.stop(output === undefined ? {} : { app: output });
}
