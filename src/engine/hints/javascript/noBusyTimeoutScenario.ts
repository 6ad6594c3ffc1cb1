// The probe run that shows a driver with no busy timeout: A fails the moment it meets B's lock.
import type { HintScenario } from '../hintTypes';

export const noBusyTimeoutScenario: HintScenario = {
  preset: 'seed',
  model: 'processes',
  busyTimeoutMs: 0,
  shows: "A's write fails with SQLITE_BUSY the moment it meets B's write lock, without waiting.",
};
