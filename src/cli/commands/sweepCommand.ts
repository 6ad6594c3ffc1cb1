// `sweep <file> --preset P --clients 1,2,4,8,16 [--requests N] ...`: the preset's load shape at each
// concurrency level on a fresh copy, printed level by level as each completes (--json: the SweepResult).
import { executionModels } from '../../engine/options/executionModels';
import { journalChoices } from '../../engine/options/journalModes';
import { defaultSweepLevels, probeRequests } from '../../engine/options/loadShape';
import { runSweep } from '../../engine/sweep/runSweep';
import { sweepConclusion, sweepHeading, sweepRow } from '../../report/sweep/sweepText';
import { choiceFlag, onlyFile, wholeNumberFlag, type ParsedCli } from '../cliArguments';
import { gapFlag, sharedProbeKnobs, sweepLevelsFlag } from '../probeFlags';
import { writeJson, writeText } from '../writeOutput';

export async function sweepCommand(cli: ParsedCli, signal: AbortSignal): Promise<number> {
  const database = onlyFile('sweep', cli.positionals);
  const knobs = sharedProbeKnobs(cli.flags);
  const options = {
    database,
    ...knobs,
    model: choiceFlag('--model', cli.flags.model, executionModels),
    journal: choiceFlag('--journal', cli.flags.journal, journalChoices),
    levels: sweepLevelsFlag(cli.flags.clients, defaultSweepLevels),
    requests: wholeNumberFlag('--requests', cli.flags.requests, probeRequests),
    gapMs: gapFlag(cli.flags),
    signal,
    onLevelStart: (clients: number) =>
      process.stderr.write(`sweep: ${clients} ${clients === 1 ? 'client' : 'clients'} at a time...\n`),
  };
  const json = cli.flags.json ?? false;
  let headed = false;
  const result = await runSweep(options, (level) => {
    if (json) {
      return;
    }
    if (!headed) {
      headed = true;
      writeText(sweepHeading({ ...options, database }));
    }
    writeText(sweepRow(level));
  });
  if (json) {
    writeJson(result);
  } else {
    writeText(sweepConclusion(result));
  }
  return 0;
}
