// `record <file> [--for DURATION] [--interval MS] [--json] [--html FILE]`: samples the locks on the
// database until --for runs out or Ctrl-C/SIGTERM, then prints the recording (text or JSON) and writes
// the HTML report. An interrupt is the normal way to stop: the result is still written, exit 0. This
// process opens no SQLite connection and takes no lock.
import { LockRecorder } from '../../engine/record/lockRecorder';
import { runRecording } from '../../engine/record/runRecording';
import { formatMs } from '../../engine/text/formatMs';
import { renderRecordingHtml } from '../../report/recordingHtml';
import { renderRecordingText } from '../../report/recordingText';
import type { ParsedCli } from '../cliArguments';
import { parseRecordFlags } from '../recordFlags';
import { writeJson, writeReportFile } from '../writeOutput';

export async function recordCommand(cli: ParsedCli, signal: AbortSignal): Promise<number> {
  const flags = parseRecordFlags(cli);
  // Validates the file before anything is written; a bad file is one sentence, exit 2.
  const recorder = new LockRecorder(flags.file, { intervalMs: flags.intervalMs });
  const until = flags.forMs === undefined ? 'Ctrl-C' : `${formatMs(flags.forMs)} or Ctrl-C`;
  process.stderr.write(
    `Recording locks on ${flags.file} every ${formatMs(flags.intervalMs)} until ${until}…\n`,
  );
  const stopWhen = new Promise<void>((resolve) => {
    const timer = flags.forMs === undefined ? undefined : setTimeout(resolve, flags.forMs);
    const interrupted = () => {
      clearTimeout(timer);
      resolve();
    };
    if (signal.aborted) {
      interrupted();
    }
    signal.addEventListener('abort', interrupted, { once: true });
  });
  const recording = await runRecording(recorder, { stopWhen });
  if (flags.json) {
    writeJson(recording);
  } else {
    process.stdout.write(renderRecordingText(recording));
  }
  if (flags.html !== undefined) {
    const written = writeReportFile(flags.html, renderRecordingHtml(recording));
    process.stderr.write(`HTML report: ${written}\n`);
  }
  return 0;
}
