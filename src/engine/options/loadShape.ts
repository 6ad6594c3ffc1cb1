// The probe's load shape (`--requests N --clients C`) and the sweep's levels: how many of a preset's
// transactions run as requests, how many at a time. Pure: the command line, the panel and quick picks
// derive their parsing and ranges from these.
import { wholeNumberProblem, type WholeNumberLimit } from './wholeNumberLimit';

export const probeRequests: WholeNumberLimit = {
  name: 'the number of requests',
  unit: '',
  min: 1,
  max: 10_000,
  default: 20,
  description:
    "How many of the preset's transactions run as requests, taking its sessions' step lists in turn (the seed: A, B, A, ...).",
};

export const probeClients: WholeNumberLimit = {
  name: 'the number of clients',
  unit: '',
  min: 1,
  max: 64,
  default: 10,
  description:
    'How many requests are in flight at a time; each client starts its next request as soon as its last one ends.',
};

export const probeRequestGap: WholeNumberLimit = {
  name: 'the gap between requests',
  unit: 'ms',
  min: 0,
  max: 10_000,
  default: 10,
  description:
    "How long a client takes from one request's end to its next request's first statement: the answer's round trip and the app's dispatch. 10 ms is what the test's HTTP app takes here; 0 lets a client take the write lock again before any waiting request can (they poll every 100 ms).",
};

/** The sweep's concurrency levels when none are given: doubling, like a load test's ramp. */
export const defaultSweepLevels: readonly number[] = [1, 2, 4, 8, 16];

/** At most this many levels in one sweep: each level is a whole probe on a fresh copy. */
export const maxSweepLevels = 12;

/** One sentence when `levels` cannot be swept (too few or many, out of range, not ascending); else undefined. */
export function sweepLevelsProblem(
  levels: readonly number[],
  subject = 'the sweep levels',
): string | undefined {
  if (levels.length === 0 || levels.length > maxSweepLevels) {
    return `${subject} must list 1 to ${maxSweepLevels} client counts`;
  }
  for (const clients of levels) {
    const problem = wholeNumberProblem(probeClients, clients, `each of ${subject}`);
    if (problem !== undefined) {
      return problem;
    }
  }
  if (!levels.every((clients, index) => index === 0 || clients > levels[index - 1])) {
    return `${subject} must ascend without repeats (${levels.join(',')}), as a ramp does`;
  }
  return undefined;
}
