// The probe's knobs from the command line, with the defaults in one place.
import { isPresetName, presetNames, type PresetName, type PresetOptions } from '../engine/probe/presets';
import type { BeginMode } from '../engine/probe/probeTypes';
import { UserInputError } from '../engine/userInputError';
import { oneOf, wholeNumber, type CliFlags } from './cliArguments';

export const defaultBusyTimeoutMs = 5000;

/** What `probe` and `matrix` share: the preset, its sizes, the busy timeout and the begin mode. */
export interface SharedProbeKnobs {
  preset: PresetName;
  presetOptions: PresetOptions;
  busyTimeoutMs: number;
  begin?: BeginMode;
}

export function sharedProbeKnobs(flags: CliFlags): SharedProbeKnobs {
  const begin =
    flags.begin === undefined
      ? undefined
      : oneOf('--begin', flags.begin, ['deferred', 'immediate', 'exclusive'] as const, 'deferred');
  return {
    preset: presetFlag(flags),
    presetOptions: {
      ...(flags.writers !== undefined ? { writers: wholeNumber('--writers', flags.writers, 4) } : {}),
      ...(flags.transactions !== undefined
        ? { transactions: wholeNumber('--transactions', flags.transactions, 25) }
        : {}),
    },
    busyTimeoutMs: wholeNumber('--busy-timeout', flags['busy-timeout'], defaultBusyTimeoutMs),
    ...(begin ? { begin } : {}),
  };
}

function presetFlag(flags: CliFlags): PresetName {
  const preset = flags.preset ?? 'seed';
  if (!isPresetName(preset)) {
    throw new UserInputError(undefined, `--preset must be one of ${presetNames.join(', ')}, not "${preset}"`);
  }
  return preset;
}
