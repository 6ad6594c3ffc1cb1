// The documented limits of a scenario file (*.lockprobe.json): its JSON Schema and the checks after it
// read them from here, and docs/scenarios.md states them.
import type { WholeNumberLimit } from './wholeNumberLimit';

export const scenarioSessions: WholeNumberLimit = {
  name: 'the number of sessions',
  unit: '',
  min: 1,
  max: 64,
  default: 2,
  description: 'How many sessions (connections) the scenario runs at once.',
};

export const scenarioSteps: WholeNumberLimit = {
  name: 'the number of steps',
  unit: '',
  min: 1,
  max: 100,
  default: 3,
  description: "How many steps one session's schedule has.",
};

export const scenarioRepeat: WholeNumberLimit = {
  name: 'the repeat count',
  unit: '',
  min: 1,
  max: 10_000,
  default: 1,
  description: 'How many times the session runs its steps (a worker doing that many transactions).',
};

export const scenarioStartTime: WholeNumberLimit = {
  name: 'the start time',
  unit: 'ms',
  min: 0,
  max: 60_000,
  default: 0,
  description:
    "The step's earliest start, ms after the probe's time zero (first iteration only); without it the step follows the previous one.",
};

export const scenarioHoldTime: WholeNumberLimit = {
  name: 'the hold time',
  unit: 'ms',
  min: 0,
  max: 60_000,
  default: 500,
  description: 'How long a hold step keeps what the session holds, ms, yielding the event loop.',
};

export const scenarioSqlLength: WholeNumberLimit = {
  name: 'the statement length',
  unit: '',
  min: 1,
  max: 10_000,
  default: 100,
  description: 'The longest statement a read or write step may carry, in characters.',
};

/** A session's least running time (its last start time, then its holds times its repeat). */
export const scenarioDuration: WholeNumberLimit = {
  name: "a session's running time",
  unit: 'ms',
  min: 0,
  max: 600_000,
  default: 1000,
  description:
    "A session's least running time (its last start time, then its hold times repeated); ten minutes at most.",
};
