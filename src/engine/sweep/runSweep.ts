// The sweep: the preset's load shape at each concurrency level, each on a fresh scratch copy of the
// user's database (runProbe makes and removes it), reported level by level as each one completes.
import { checkedWholeNumber } from '../checkedWholeNumber';
import { probeRequests, sweepLevelsProblem } from '../options/loadShape';
import { runProbe, type ProbeOptions } from '../probe/runProbe';
import { OperationError, UserInputError } from '../userInputError';
import { sweepLevel } from './sweepLevel';
import { sweepResultSchema, type SweepLevel, type SweepResult } from './sweepTypes';

export interface SweepOptions extends Pick<
  ProbeOptions,
  'database' | 'preset' | 'presetOptions' | 'model' | 'journal' | 'busyTimeoutMs' | 'begin' | 'clientProfile'
> {
  /** Clients per level, ascending. */
  levels: readonly number[];
  /** Requests per level. */
  requests: number;
  /** ms between a client's requests (default probeRequestGap's). */
  gapMs?: number;
  signal?: AbortSignal;
  /** Before each level's probe starts (a progress line). */
  onLevelStart?: (clients: number, index: number) => void;
}

export async function runSweep(
  options: SweepOptions,
  onLevel?: (level: SweepLevel, index: number) => void,
): Promise<SweepResult> {
  const levels = checkedLevels(options.levels);
  checkedWholeNumber(probeRequests, options.requests);
  const done: SweepLevel[] = [];
  let journalMode = '';
  let database = options.database;
  for (const clients of levels) {
    options.onLevelStart?.(clients, done.length);
    let result;
    try {
      result = await runProbe({
        database: options.database,
        preset: options.preset,
        ...(options.presetOptions ? { presetOptions: options.presetOptions } : {}),
        model: options.model,
        journal: options.journal,
        busyTimeoutMs: options.busyTimeoutMs,
        ...(options.begin ? { begin: options.begin } : {}),
        ...(options.clientProfile ? { clientProfile: options.clientProfile } : {}),
        inPlace: false,
        load: {
          requests: options.requests,
          clients,
          ...(options.gapMs !== undefined ? { gapMs: options.gapMs } : {}),
        },
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) {
        throw new OperationError(`the sweep was cancelled after ${done.length} of ${levels.length} levels`);
      }
      throw error;
    }
    journalMode = result.config.journalMode;
    database = result.config.database;
    const level = sweepLevel(clients, result);
    done.push(level);
    onLevel?.(level, done.length - 1);
  }
  const firstFailing = done.find((level) => level.succeeded < level.requests);
  return {
    schema: sweepResultSchema,
    database,
    preset: options.preset,
    model: options.model,
    journalMode,
    busyTimeoutMs: options.busyTimeoutMs,
    ...(options.begin ? { begin: options.begin } : {}),
    levels: done,
    ...(firstFailing ? { firstFailingClients: firstFailing.clients } : {}),
  };
}

/** Whole numbers within the client limit, at most maxSweepLevels of them, ascending, no repeats. */
export function checkedLevels(levels: readonly number[], subject = 'the sweep levels'): number[] {
  const problem = sweepLevelsProblem(levels, subject);
  if (problem !== undefined) {
    throw new UserInputError(undefined, problem);
  }
  return [...levels];
}
