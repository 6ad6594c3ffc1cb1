import { UserInputError } from './userInputError';

/** SQLite's busy timeout is a C int of milliseconds. */
export const maxBusyTimeoutMs = 0x7fffffff;

/** The busy timeout if it is a whole number of ms from 0 to `max`; otherwise one sentence saying so. */
export function checkedBusyTimeout(ms: number, max = maxBusyTimeoutMs): number {
  if (!Number.isInteger(ms) || ms < 0 || ms > max) {
    throw new UserInputError(
      undefined,
      `the busy timeout must be a whole number of ms from 0 to ${max}, not ${ms}`,
    );
  }
  return ms;
}
