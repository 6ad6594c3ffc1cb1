import { executionModels } from '../../engine/options/executionModels';
import { journalChoices } from '../../engine/options/journalModes';
import { runProbe } from '../../engine/probe/runProbe';
import { renderProbeHtml } from '../../report/htmlReport';
import { renderProbeText } from '../../report/textReport';
import { choiceFlag, onlyFile, type ParsedCli } from '../cliArguments';
import { loadShapeFlags, sharedProbeKnobs } from '../probeFlags';
import { writeJson, writeReportFile } from '../writeOutput';

export async function probeCommand(cli: ParsedCli, signal: AbortSignal): Promise<number> {
  const result = await runProbe({
    database: onlyFile('probe', cli.positionals),
    ...sharedProbeKnobs(cli.flags),
    model: choiceFlag('--model', cli.flags.model, executionModels),
    journal: choiceFlag('--journal', cli.flags.journal, journalChoices),
    inPlace: cli.flags['in-place'] ?? false,
    ...loadShapeOption(cli),
    signal,
  });
  if (cli.flags.json) {
    writeJson(result);
  } else {
    process.stdout.write(renderProbeText(result));
  }
  if (cli.flags.html !== undefined) {
    const written = writeReportFile(
      cli.flags.html,
      renderProbeHtml([result], `Probe of ${result.config.database}`),
    );
    process.stderr.write(`HTML report: ${written}\n`);
  }
  return 0;
}

function loadShapeOption(cli: ParsedCli) {
  const load = loadShapeFlags(cli.flags);
  return load ? { load } : {};
}
