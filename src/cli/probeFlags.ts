// The probe's knobs from the command line; choices, ranges and defaults are the engine's vocabulary.
import { beginChoices, beginModeOf, type BeginMode } from '../engine/options/beginChoices';
import {
  burstTransactions,
  burstWriters,
  poolSize,
  presets,
  type PresetName,
} from '../engine/options/presets';
import { probeBusyTimeout } from '../engine/options/timeLimits';
import { clientProfiles, settingsForClient, type ClientProfileName } from '../engine/options/clientProfiles';
import { probeClients, probeRequestGap, probeRequests } from '../engine/options/loadShape';
import { checkedLevels } from '../engine/sweep/runSweep';
import type { LoadShape } from '../engine/probe/probeTypes';
import { UserInputError } from '../engine/userInputError';
import { parseWholeNumber } from '../engine/options/wholeNumberLimit';
import type { PresetOptions } from '../engine/probe/presetSchedules';
import { choiceFlag, wholeNumberFlag, type CliFlags } from './cliArguments';

/** What `probe` and `matrix` share: the preset, its sizes, the busy timeout and the begin mode. */
export interface SharedProbeKnobs {
  preset: PresetName;
  presetOptions: PresetOptions;
  busyTimeoutMs: number;
  begin?: BeginMode;
  clientProfile?: ClientProfileName;
}

export function sharedProbeKnobs(flags: CliFlags): SharedProbeKnobs {
  const explicitBegin = beginModeOf(choiceFlag('--begin', flags.begin, beginChoices));
  const client = choiceFlag('--client', flags.client, clientProfiles);
  // --client sets the driver's defaults; --busy-timeout and --begin, when given, override them.
  const settings = settingsForClient(client, {
    ...(flags['busy-timeout'] !== undefined
      ? { busyTimeoutMs: wholeNumberFlag('--busy-timeout', flags['busy-timeout'], probeBusyTimeout) }
      : {}),
    ...(explicitBegin ? { begin: explicitBegin } : {}),
  });
  const begin = settings.begin;
  return {
    preset: choiceFlag('--preset', flags.preset, presets),
    presetOptions: {
      ...(flags.writers !== undefined
        ? { writers: wholeNumberFlag('--writers', flags.writers, burstWriters) }
        : {}),
      ...(flags.transactions !== undefined
        ? { transactions: wholeNumberFlag('--transactions', flags.transactions, burstTransactions) }
        : {}),
      ...(flags['pool-size'] !== undefined
        ? { poolSize: wholeNumberFlag('--pool-size', flags['pool-size'], poolSize) }
        : {}),
    },
    busyTimeoutMs: settings.busyTimeoutMs ?? probeBusyTimeout.default,
    ...(begin ? { begin } : {}),
    ...(client !== 'none' ? { clientProfile: client } : {}),
  };
}

/** probe's load shape: set when --requests or --clients is given (the other takes its default). */
export function loadShapeFlags(flags: CliFlags): LoadShape | undefined {
  if (flags.requests === undefined && flags.clients === undefined) {
    if (flags.gap !== undefined) {
      throw new UserInputError(
        undefined,
        '--gap applies to the load shape: give --requests or --clients too',
      );
    }
    return undefined;
  }
  return {
    requests: wholeNumberFlag('--requests', flags.requests, probeRequests),
    clients: wholeNumberFlag('--clients', flags.clients, probeClients),
    gapMs: gapFlag(flags),
  };
}

/** --gap MS: the time between a client's requests. */
export function gapFlag(flags: CliFlags): number {
  return wholeNumberFlag('--gap', flags.gap, probeRequestGap);
}

/** sweep's levels: "1,2,4,8,16", each a client count within the limit, ascending. */
export function sweepLevelsFlag(text: string | undefined, fallback: readonly number[]): number[] {
  if (text === undefined) {
    return [...fallback];
  }
  const levels = text.split(',').map((part) => {
    const parsed = parseWholeNumber(probeClients, part, 'each of --clients');
    if ('problem' in parsed) {
      throw new UserInputError(undefined, parsed.problem);
    }
    return parsed.value;
  });
  return checkedLevels(levels, '--clients');
}
