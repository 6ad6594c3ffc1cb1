import { formatInspectReport } from '../../engine/inspect/formatInspectReport';
import { inspectDatabase } from '../../engine/inspect/inspectDatabase';
import { onlyFile, type ParsedCli } from '../cliArguments';
import { writeJson, writeText } from '../writeOutput';

export function inspectCommand(cli: ParsedCli): number {
  const report = inspectDatabase(onlyFile('inspect', cli.positionals));
  if (cli.flags.json) {
    writeJson(report);
  } else {
    writeText(formatInspectReport(report));
  }
  return 0;
}
