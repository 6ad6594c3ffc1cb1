// A preset across execution models x journal modes, each configuration on its own copy in its own
// process, all at once: the matrix takes about as long as its slowest configuration.
import { UserInputError } from '../userInputError';
import type { BeginMode } from '../options/beginChoices';
import type { ClientProfileName } from '../options/clientProfiles';
import type { ExecutionModel } from '../options/executionModels';
import type { JournalTarget } from '../options/journalModes';
import type { PresetName } from '../options/presets';
import type { PresetOptions } from './presetSchedules';
import type { ProbeResult } from './probeTypes';
import { runProbeInChild } from './runProbeInChild';

export interface MatrixOptions {
  database: string;
  preset: PresetName;
  presetOptions?: PresetOptions;
  busyTimeoutMs: number;
  begin?: BeginMode;
  clientProfile?: ClientProfileName;
  models?: ExecutionModel[];
  journals?: JournalTarget[];
  signal?: AbortSignal;
}

export interface MatrixCell {
  model: ExecutionModel;
  journal: JournalTarget;
  result?: ProbeResult;
  error?: string;
}

export async function runMatrix(options: MatrixOptions): Promise<MatrixCell[]> {
  const models = options.models ?? ['blocking', 'threads', 'processes'];
  const journals = options.journals ?? ['delete', 'wal'];
  const cells = models.flatMap((model) => journals.map((journal) => ({ model, journal })));
  const settled = await Promise.allSettled(
    cells.map(({ model, journal }) =>
      runProbeInChild(
        {
          database: options.database,
          preset: options.preset,
          ...(options.presetOptions ? { presetOptions: options.presetOptions } : {}),
          model,
          journal,
          busyTimeoutMs: options.busyTimeoutMs,
          ...(options.begin ? { begin: options.begin } : {}),
          ...(options.clientProfile ? { clientProfile: options.clientProfile } : {}),
          inPlace: false,
        },
        options.signal,
      ),
    ),
  );
  const inputError = settled.find(
    (outcome): outcome is PromiseRejectedResult =>
      outcome.status === 'rejected' && outcome.reason instanceof UserInputError,
  );
  if (inputError) {
    throw inputError.reason;
  }
  return cells.map((cell, index) => {
    const outcome = settled[index];
    return outcome.status === 'fulfilled'
      ? { ...cell, result: outcome.value }
      : { ...cell, error: outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason) };
  });
}
