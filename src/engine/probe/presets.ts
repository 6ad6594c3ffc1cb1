// The probe's built-in scenarios. Each is a schedule of steps per session; times are ms after time zero.
import { UserInputError } from '../userInputError';
import type { SessionPlan } from './probeTypes';

export { presetDescriptions } from '../../shared/presetDescriptions';

export const presetNames = ['seed', 'upgrade', 'reader', 'burst'] as const;
export type PresetName = (typeof presetNames)[number];

export interface PresetOptions {
  /** burst: how many writers. */
  writers?: number;
  /** burst: transactions per writer. */
  transactions?: number;
}

export function isPresetName(name: string): name is PresetName {
  return (presetNames as readonly string[]).includes(name);
}

export function buildPreset(name: PresetName, options: PresetOptions = {}): SessionPlan[] {
  switch (name) {
    case 'seed':
      // Session names as in the article: A commits at 500 ms, B flushes at 100 ms and commits 1 s later.
      return [
        { name: 'A', steps: [{ op: 'begin', at: 500 }, { op: 'write' }, { op: 'commit' }] },
        {
          name: 'B',
          steps: [{ op: 'begin', at: 100 }, { op: 'write' }, { op: 'hold', ms: 1000 }, { op: 'commit' }],
        },
      ];
    case 'upgrade':
      return [
        {
          name: 'writer',
          steps: [
            { op: 'begin', at: 100, mode: 'immediate' },
            { op: 'write' },
            { op: 'hold', ms: 400 },
            { op: 'commit' },
          ],
        },
        {
          name: 'early',
          steps: [{ op: 'begin', at: 0 }, { op: 'read' }, { op: 'write', at: 300 }, { op: 'commit' }],
        },
        {
          name: 'late',
          steps: [{ op: 'begin', at: 0 }, { op: 'read' }, { op: 'write', at: 800 }, { op: 'commit' }],
        },
      ];
    case 'reader':
      return [
        {
          name: 'reader',
          steps: [{ op: 'begin', at: 0 }, { op: 'read' }, { op: 'hold', ms: 1000 }, { op: 'commit' }],
        },
        { name: 'writer', steps: [{ op: 'begin', at: 100 }, { op: 'write' }, { op: 'commit' }] },
      ];
    case 'burst': {
      const writers = options.writers ?? 4;
      const transactions = options.transactions ?? 25;
      checkCount('--writers', writers, 2, 64);
      checkCount('--transactions', transactions, 1, 10000);
      return Array.from({ length: writers }, (_, index) => ({
        name: `w${index + 1}`,
        repeat: transactions,
        steps: [{ op: 'begin', at: 0 }, { op: 'read' }, { op: 'write' }, { op: 'commit' }],
      }));
    }
  }
}

function checkCount(flag: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserInputError(undefined, `${flag} must be a whole number from ${min} to ${max}, not ${value}`);
  }
}
