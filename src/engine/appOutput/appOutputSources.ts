// The app's output as a recording's source (`record --run`, `record --log`): started before the
// recording so a command that cannot start is one sentence before anything is recorded; its lines are
// timed on the recording's clock from the moment the recording starts (lines before that get 0).
import type { AppOutputSource } from '../record/runRecording';
import { followLog } from './followLog';
import { runApp } from './runApp';

/** Starts `command` now (throws UserInputError when it cannot start); the recording stops it. */
export async function runAppSource(
  command: string,
  options: { passThrough?: NodeJS.WritableStream; cwd?: string } = {},
): Promise<AppOutputSource> {
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
export function logFileSource(file: string): AppOutputSource {
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
