import { runProbe } from '../../engine/probe/runProbe';
import { renderProbeHtml } from '../../report/htmlReport';
import { renderProbeText } from '../../report/textReport';
import { oneOf, onlyFile } from '../cliArguments';
import { beginFlag, busyTimeoutFlag, presetFlag, presetOptionFlags } from '../probeFlags';
import type { ParsedCli } from '../runCommand';
import { writeJson, writeReportFile } from '../writeOutput';

export async function probeCommand(cli: ParsedCli, signal: AbortSignal): Promise<number> {
  const begin = beginFlag(cli.flags);
  const result = await runProbe({
    database: onlyFile('probe', cli.positionals),
    preset: presetFlag(cli.flags),
    presetOptions: presetOptionFlags(cli.flags),
    model: oneOf('--model', cli.flags.model, ['processes', 'threads', 'blocking'] as const, 'processes'),
    journal: oneOf('--journal', cli.flags.journal, ['keep', 'wal', 'delete'] as const, 'keep'),
    busyTimeoutMs: busyTimeoutFlag(cli.flags),
    ...(begin ? { begin } : {}),
    inPlace: cli.flags['in-place'] ?? false,
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
