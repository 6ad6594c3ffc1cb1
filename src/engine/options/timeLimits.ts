// The time limits the user can set: busy timeouts (how long a statement waits for another
// connection's lock before SQLITE_BUSY) and how often the extension reads the lock holders.
import type { WholeNumberLimit } from './wholeNumberLimit';

/** The probe's sessions. Ten minutes at most: a session waiting longer diagnoses nothing. */
export const probeBusyTimeout: WholeNumberLimit = {
  name: 'the busy timeout',
  unit: 'ms',
  min: 0,
  max: 600_000,
  default: 5000,
  description:
    'How long a statement waits for a lock before SQLITE_BUSY; 0 fails at once. Python and better-sqlite3 default to 5000, the C API and node:sqlite to 0.',
};

/** Switching to WAL or DELETE needs every other connection closed; waiting long rarely helps. */
export const journalSwitchBusyTimeout: WholeNumberLimit = {
  name: 'the busy timeout',
  unit: 'ms',
  min: 0,
  max: 60_000,
  default: 2000,
  description: 'How long the journal switch waits for other connections to release their locks.',
};

/** FULL, RESTART and TRUNCATE checkpoints wait for other connections; PASSIVE never waits. */
export const checkpointBusyTimeout: WholeNumberLimit = {
  name: 'the busy timeout',
  unit: 'ms',
  min: 0,
  max: 600_000,
  default: 2000,
  description: 'How long a FULL, RESTART or TRUNCATE checkpoint waits for other connections.',
};

/** The extension's live lock holders; 0 turns them off. */
export const lockPollInterval: WholeNumberLimit = {
  name: 'the lock poll interval',
  unit: 'ms',
  min: 0,
  max: 60_000,
  default: 2000,
  description:
    'How often the lock holders of the open database are read while someone looks; 0 turns it off.',
};
