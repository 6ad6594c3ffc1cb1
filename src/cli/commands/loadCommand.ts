// `load <url>... --db FILE [...]`: the seed article's load test against the user's app. The app's
// output (with --run) is copied to stderr as it comes, so stdout carries only the report (or JSON).
import { runLoadTest } from '../../engine/load/runLoadTest';
import { httpMethods, loadConcurrency, loadRequests } from '../../engine/options/loadOptions';
import { renderLoadHtml } from '../../report/load/loadHtml';
import { renderLoadText } from '../../report/load/loadText';
import { choiceFlag, type ParsedCli, wholeNumberFlag } from '../cliArguments';
import { writeJson, writeReportFile } from '../writeOutput';

export async function loadCommand(cli: ParsedCli, signal: AbortSignal): Promise<number> {
  const { flags } = cli;
  const result = await runLoadTest({
    urls: cli.positionals,
    database: flags.db,
    requests: wholeNumberFlag('--requests', flags.requests, loadRequests),
    concurrency: wholeNumberFlag('--concurrency', flags.concurrency, loadConcurrency),
    method: flags.method === undefined ? undefined : choiceFlag('--method', flags.method, httpMethods),
    body: flags.body,
    headers: flags.header ?? [],
    countSql: flags['count-sql'],
    table: flags.table,
    run: flags.run,
    log: flags.log,
    passThrough: process.stderr,
    signal,
  });
  if (flags.json) {
    writeJson(result);
  } else {
    process.stdout.write(renderLoadText(result));
  }
  if (flags.html !== undefined) {
    const written = writeReportFile(
      flags.html,
      renderLoadHtml(result, `Load test of ${result.config.urls.join(', ')}`),
    );
    process.stderr.write(`HTML report: ${written}\n`);
  }
  return 0;
}
