// `load <url>... --db FILE [...]`: the seed article's load test against the user's app, with the lock
// recorder running during the load. The app's output (with --run) is copied to stderr as it comes, so
// stdout carries only the report (or JSON: the recording with its `load` field, or the load result
// alone where locks cannot be recorded).
import { recordLoadTest } from '../../engine/load/recordLoadTest';
import { httpMethods, loadConcurrency, loadRequests } from '../../engine/options/loadOptions';
import { recordInterval } from '../../engine/options/recordLimits';
import { renderLoadHtml } from '../../report/load/loadHtml';
import { renderLoadText } from '../../report/load/loadText';
import { requestsLane } from '../../report/load/requestsLane';
import { recordingSectionHtml } from '../../report/recordingHtml';
import { renderRecordingText } from '../../report/recordingText';
import { choiceFlag, type ParsedCli, wholeNumberFlag } from '../cliArguments';
import { writeJson, writeReportFile, writeText } from '../writeOutput';

export async function loadCommand(cli: ParsedCli, signal: AbortSignal): Promise<number> {
  const { flags } = cli;
  const { result, recording, noRecording } = await recordLoadTest(
    {
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
    },
    { intervalMs: wholeNumberFlag('--interval', flags.interval, recordInterval) },
  );
  if (noRecording !== undefined) {
    process.stderr.write(`sqlite-lock-doctor: the load ran without a lock recording: ${noRecording}\n`);
  }
  if (flags.json) {
    writeJson(recording ?? result);
  } else {
    const recorded = recording === null ? '' : `\n${renderRecordingText(recording)}`;
    writeText(`${renderLoadText(result)}${recorded}`);
  }
  if (flags.html !== undefined) {
    const title = `Load test of ${result.config.urls.join(', ')}`;
    const following =
      recording === null
        ? ''
        : recordingSectionHtml(recording, 'Locks during the load', [requestsLane(result)]);
    const written = writeReportFile(flags.html, renderLoadHtml(result, title, following));
    process.stderr.write(`HTML report: ${written}\n`);
  }
  return 0;
}
