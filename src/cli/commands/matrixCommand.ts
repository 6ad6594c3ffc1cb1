import { runMatrix, type MatrixCell } from '../../engine/probe/runMatrix';
import { renderProbeHtml } from '../../report/htmlReport';
import { renderMatrixText } from '../../report/textReport';
import { onlyFile } from '../cliArguments';
import { sharedProbeKnobs } from '../probeFlags';
import type { ParsedCli } from '../runCommand';
import { writeJson, writeReportFile } from '../writeOutput';

export async function matrixCommand(cli: ParsedCli, signal: AbortSignal): Promise<number> {
  const cells = await runMatrix({
    database: onlyFile('matrix', cli.positionals),
    ...sharedProbeKnobs(cli.flags),
    signal,
  });
  printMatrix(cells, cli.flags.json ?? false);
  if (cli.flags.html !== undefined) {
    writeMatrixHtml(cells, cli.flags.html, `Matrix: ${cli.flags.preset ?? 'seed'}`);
  }
  return cells.some((cell) => cell.error !== undefined) ? 1 : 0;
}

export function printMatrix(cells: MatrixCell[], json: boolean): void {
  if (json) {
    writeJson(cells);
  } else {
    process.stdout.write(renderMatrixText(cells));
  }
}

export function writeMatrixHtml(cells: MatrixCell[], file: string, title: string): void {
  const results = cells.flatMap((cell) => (cell.result ? [cell.result] : []));
  process.stderr.write(`HTML report: ${writeReportFile(file, renderProbeHtml(results, title))}\n`);
}
