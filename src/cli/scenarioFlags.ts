// `probe --scenario FILE`: the file gives the sessions, and its model, journal and busy timeout unless
// a flag says otherwise. Read and checked before anything runs.
import { readScenarioFile } from '../engine/scenario/readScenarioFile';
import type { LoadedScenario } from '../engine/scenario/scenarioPlans';
import { UserInputError } from '../engine/userInputError';
import type { CliFlags } from './cliArguments';

export function scenarioFlag(flags: CliFlags): LoadedScenario | undefined {
  if (flags.scenario === undefined) {
    return undefined;
  }
  const presetFlag = (['preset', 'writers', 'transactions', 'pool-size'] as const).find(
    (flag) => flags[flag] !== undefined,
  );
  if (presetFlag) {
    throw new UserInputError(
      undefined,
      `--scenario gives the sessions, so --${presetFlag} cannot go with it`,
    );
  }
  return readScenarioFile(flags.scenario);
}

/** The flags, with the scenario file's values where a flag is absent. */
export function withScenarioDefaults(flags: CliFlags, scenario: LoadedScenario | undefined): CliFlags {
  if (!scenario) {
    return flags;
  }
  const { model, journal, busyTimeoutMs } = scenario.scenario;
  return {
    ...flags,
    model: flags.model ?? model,
    journal: flags.journal ?? journal,
    'busy-timeout':
      flags['busy-timeout'] ?? (busyTimeoutMs === undefined ? undefined : String(busyTimeoutMs)),
  };
}
