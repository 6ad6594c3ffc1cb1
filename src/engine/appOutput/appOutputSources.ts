// The app's output as a recording's source (`record --run`, `record --log`): started before the
// recording so a command that cannot start is one sentence before anything is recorded; its lines are
// timed on the recording's clock from the moment the recording starts (lines before that get 0).
import type { AppOutput } from './appOutputTypes';
import { followLog } from './followLog';
import { runApp } from './runApp';

/** What a recording asks of its app-output source (see src/engine/record/runRecording.ts). */
export interface AppCapture {
  /** Starts timing on the recording's clock; `ended` settles when the app exits (never for a log). */
  start(nowMs: () => number): { ended: Promise<void> };
  /** Stops capturing (ending the child it started) and gives what it captured. */
  finish(): Promise<AppOutput>;
}

/** Starts `command` now (throws UserInputError when it cannot start); the recording stops it. */
export async function runCapture(
  command: string,
  options: { passThrough?: NodeJS.WritableStream; cwd?: string } = {},
): Promise<AppCapture> {
  let clock: (() => number) | undefined;
  const app = await runApp(command, { ...options, nowMs: () => clock?.() ?? 0 });
  return {
    start(nowMs) {
      clock = nowMs;
      return { ended: app.exited.then(() => undefined) };
    },
    async finish() {
      await app.stop();
      return app.output();
    },
  };
}

/** Follows `file` from its current end (throws UserInputError when it is missing or not a file). */
export function logCapture(file: string): AppCapture {
  let clock: (() => number) | undefined;
  const log = followLog(file, { nowMs: () => clock?.() ?? 0 });
  return {
    start(nowMs) {
      clock = nowMs;
      return { ended: new Promise<void>(() => undefined) };
    },
    finish: () => Promise.resolve(log.stop()),
  };
}
