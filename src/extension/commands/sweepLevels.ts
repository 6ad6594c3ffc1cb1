// The sweep's levels as a person types them ("1, 2, 4, 8, 16") and the choices the quick pick offers.
// Defaults, limits and the rule are the engine's (src/engine/options/loadShape.ts), as for --clients;
// the engine checks the levels again when the sweep runs.
import { defaultSweepLevels, probeRequests, sweepLevelsProblem } from '../../engine/options/loadShape';

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

/** One sentence when the levels cannot be swept (the engine's rule); undefined when they can. */
export function levelsProblem(levels: readonly number[]): string | undefined {
  return sweepLevelsProblem(levels, 'the levels');
}
