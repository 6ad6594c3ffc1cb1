// The sweep's levels as a person types them ("1, 2, 4, 8, 16") and the choices the quick pick offers.
// The limits are the engine's (src/engine/options/loadShape.ts once the sweep lands).

/** Until the engine's load shape is merged: its defaults and limits. */
export const sweepDefaults = { levels: [1, 2, 4, 8, 16] as readonly number[], requests: 20 };
const maxClients = 64;
const maxLevels = 12;

export const sweepLevelPresets: readonly (readonly number[])[] = [
  sweepDefaults.levels,
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
  if (levels.length === 0 || levels.length > maxLevels) {
    return `List 1 to ${maxLevels} client counts.`;
  }
  if (!levels.every((clients) => Number.isInteger(clients) && clients >= 1 && clients <= maxClients)) {
    return `Each level is a whole number of clients from 1 to ${maxClients}.`;
  }
  if (!levels.every((clients, index) => index === 0 || clients > levels[index - 1])) {
    return 'The levels must ascend without repeats, as a ramp does.';
  }
  return undefined;
}
