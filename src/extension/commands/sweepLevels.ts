// The sweep's levels as a person types them ("1, 2, 4, 8, 16") and the choices the quick pick offers.
// Defaults and limits are the engine's (src/engine/options/loadShape.ts), as for --clients. The engine
// checks the levels again (runSweep's checkedLevels, not imported here: it would bring the probe, and
// SQLite, into the extension host's bundle); this check only answers as the user types.
import {
  defaultSweepLevels,
  maxSweepLevels,
  probeClients,
  probeRequests,
} from '../../engine/options/loadShape';
import { wholeNumberProblem } from '../../engine/options/wholeNumberLimit';

export const sweepDefaults = { levels: defaultSweepLevels, requests: probeRequests.default };

export const sweepLevelPresets: readonly (readonly number[])[] = [
  defaultSweepLevels,
  [1, 2, 4, 8],
  [1, 2, 4, 8, 16, 32],
  [1, 2, 3, 4, 5, 6, 8, 10],
];

/** "1, 2,4 8" -> [1, 2, 4, 8]; anything not a whole number becomes NaN, which levelsProblem names. */
export function parseLevels(text: string): number[] {
  return text
    .split(/[\s,]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : Number.NaN));
}

/** One sentence when the levels cannot be swept; undefined when they can. */
export function levelsProblem(levels: readonly number[]): string | undefined {
  if (levels.length === 0 || levels.length > maxSweepLevels) {
    return `List 1 to ${maxSweepLevels} client counts.`;
  }
  for (const clients of levels) {
    const problem = wholeNumberProblem(probeClients, clients, 'each level');
    if (problem !== undefined) {
      return problem;
    }
  }
  if (!levels.every((clients, index) => index === 0 || clients > levels[index - 1])) {
    return 'The levels must ascend without repeats, as a ramp does.';
  }
  return undefined;
}
