// `record <file> [--for DURATION] [--interval MS] [--run "CMD" | --log FILE] [--json] [--html FILE]`:
// samples the locks on the database until --for runs out, the --run app exits, or Ctrl-C/SIGTERM (which
// also stop the app), then prints the recording (text or JSON) and writes the HTML report. An interrupt
// is the normal way to stop: the result is still written, exit 0. This process opens no SQLite
// connection and takes no lock; the --run app's output goes to stderr as it comes.
import { existsSync } from 'node:fs';
import { logFileSource, runAppSource } from '../../engine/appOutput/appOutputSources';
import { LockRecorder } from '../../engine/record/lockRecorder';
import { runRecording } from '../../engine/record/runRecording';
import { formatMs } from '../../engine/text/formatMs';
import { renderRecordingHtml } from '../../report/recordingHtml';
import { renderRecordingText } from '../../report/recordingText';
import type { ParsedCli } from '../cliArguments';
import { parseRecordFlags } from '../recordFlags';
import { untilDatabaseCreated } from '../waitForDatabase';
import { writeJson, writeReportFile, writeText } from '../writeOutput';

export async function recordCommand(cli: ParsedCli, signal: AbortSignal): Promise<number> {
  const flags = parseRecordFlags(cli);
  // An app often creates its database at start-up: with --run and no file yet, the app starts first
  // and the recording begins once the file is there. Otherwise the file is validated first (a bad file
  // is one sentence, exit 2, and no app is started).
  const waitForCreation = flags.run !== undefined && !existsSync(flags.file);
  const validated = waitForCreation
    ? undefined
    : new LockRecorder(flags.file, { intervalMs: flags.intervalMs });
  // The app starts (or its log is opened) before sampling starts: a command that cannot start, or a
  // missing log, is one sentence with nothing recorded.
  const app =
    flags.run !== undefined
      ? await runAppSource(flags.run, { passThrough: process.stderr })
      : flags.log !== undefined
        ? logFileSource(flags.log)
        : undefined;
  let recorder: LockRecorder;
  try {
    if (validated === undefined && app !== undefined) {
      process.stderr.write(`Waiting for the app to create ${flags.file}…\n`);
      await untilDatabaseCreated(flags.file, app, signal);
    }
    recorder = validated ?? new LockRecorder(flags.file, { intervalMs: flags.intervalMs });
  } catch (error) {
    await app?.finish();
    throw error;
  }
  const until = [
    ...(flags.run === undefined ? [] : ['the app exits']),
    ...(flags.forMs === undefined ? [] : [formatMs(flags.forMs)]),
    'Ctrl-C',
  ].join(' or ');
  process.stderr.write(
    `Recording locks on ${flags.file} every ${formatMs(flags.intervalMs)} until ${until}…\n`,
  );
  let timer: NodeJS.Timeout | undefined;
  const stopWhen = new Promise<void>((resolve) => {
    timer = flags.forMs === undefined ? undefined : setTimeout(resolve, flags.forMs);
    const interrupted = () => {
      clearTimeout(timer);
      resolve();
    };
    if (signal.aborted) {
      interrupted();
    }
    signal.addEventListener('abort', interrupted, { once: true });
  });
  // The recording can also end with the --run app: then the --for timer must not keep us waiting.
  const recording = await runRecording(recorder, { stopWhen, app }).finally(() => clearTimeout(timer));
  if (flags.json) {
    writeJson(recording);
  } else {
    writeText(renderRecordingText(recording));
  }
  if (flags.html !== undefined) {
    const written = writeReportFile(flags.html, renderRecordingHtml(recording));
    process.stderr.write(`HTML report: ${written}\n`);
  }
  return 0;
}
