import { executionModels } from '../../engine/options/executionModels';
import { journalChoices } from '../../engine/options/journalModes';
import { runProbe } from '../../engine/probe/runProbe';
import { renderProbeHtml } from '../../report/htmlReport';
import { renderProbeText } from '../../report/textReport';
import { choiceFlag, onlyFile, type ParsedCli } from '../cliArguments';
import { loadShapeFlags, sharedProbeKnobs } from '../probeFlags';
import { scenarioFlag, withScenarioDefaults } from '../scenarioFlags';
import { writeJson, writeReportFile, writeText } from '../writeOutput';

export async function probeCommand(cli: ParsedCli, signal: AbortSignal): Promise<number> {
  const database = onlyFile('probe', cli.positionals);
  const scenario = scenarioFlag(cli.flags);
  const flags = withScenarioDefaults(cli.flags, scenario);
  const result = await runProbe({
    database,
    ...sharedProbeKnobs(flags),
    model: choiceFlag('--model', flags.model, executionModels),
    journal: choiceFlag('--journal', flags.journal, journalChoices),
    inPlace: flags['in-place'] ?? false,
    ...(scenario ? { scenario } : {}),
    ...loadShapeOption(cli),
    signal,
  });
  if (cli.flags.json) {
    writeJson(result);
  } else {
    writeText(renderProbeText(result));
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
