// `record --run` on a database the app creates at start-up (SQLAlchemy's create_all, a migration): the
// app starts first and the recording begins once the file exists. Only the file's existence is checked
// (a stat); nothing opens it.
import { existsSync } from 'node:fs';
import type { AppOutputSource } from '../engine/record/runRecording';
import { OperationError } from '../engine/userInputError';

/** How long the app may take to create its database. */
export const databaseCreationTimeoutMs = 30_000;

export async function untilDatabaseCreated(
  file: string,
  app: AppOutputSource,
  signal: AbortSignal,
  timeoutMs = databaseCreationTimeoutMs,
): Promise<void> {
  let appEnded = false;
  void app.start(() => 0).ended.then(() => (appEnded = true));
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (appEnded) {
      throw new OperationError(`the app (--run) ended before it created ${file}`);
    }
    if (signal.aborted) {
      throw new OperationError(`stopped before the app created ${file}`);
    }
    if (Date.now() > deadline) {
      throw new OperationError(
        `${file} did not appear within ${timeoutMs / 1000} s of starting the app (--run); the app was stopped`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
