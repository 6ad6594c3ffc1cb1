import { runMatrix, type MatrixCell } from '../../engine/probe/runMatrix';
import { renderProbeHtml } from '../../report/htmlReport';
import { renderMatrixText } from '../../report/textReport';
import { onlyFile, type ParsedCli } from '../cliArguments';
import { sharedProbeKnobs } from '../probeFlags';
import { writeJson, writeReportFile, writeText } from '../writeOutput';

export async function matrixCommand(cli: ParsedCli, signal: AbortSignal): Promise<number> {
  const knobs = sharedProbeKnobs(cli.flags);
  const cells = await runMatrix({ database: onlyFile('matrix', cli.positionals), ...knobs, signal });
  printMatrix(cells, cli.flags.json ?? false);
  if (cli.flags.html !== undefined) {
    writeMatrixHtml(cells, cli.flags.html, `Matrix: ${knobs.preset}`);
  }
  return cells.some((cell) => cell.error !== undefined) ? 1 : 0;
}

export function printMatrix(cells: MatrixCell[], json: boolean): void {
  if (json) {
    writeJson(cells);
  } else {
    writeText(renderMatrixText(cells));
  }
}

export function writeMatrixHtml(cells: MatrixCell[], file: string, title: string): void {
  const results = cells.flatMap((cell) => (cell.result ? [cell.result] : []));
  process.stderr.write(`HTML report: ${writeReportFile(file, renderProbeHtml(results, title))}\n`);
}
