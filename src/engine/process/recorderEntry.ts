// Entry of the recorder process (dist/recorder.js): records the locks on one database from `start`
// until `stop`, sending progress now and then, and answers `stop` with the recording. With `run` it
// starts that command first (record --run: its own process group), forwards its output as it comes,
// captures its lines on the recording's clock, and the recording ends when the command exits. Like the
// lock watcher it only reads /proc and stats files: it never loads SQLite, so it holds no connection
// whose locks a closed descriptor could drop. If its parent goes away or ends it (SIGTERM), it stops
// the command and exits (nobody to tell).
import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { runAppSource } from '../appOutput/appOutputSources';
import { LockRecorder } from '../record/lockRecorder';
import { type AppOutputSource, runRecording } from '../record/runRecording';
import { engineErrorOf } from './engineCalls';
import type { FromRecorder, ToRecorder } from './recorderProtocol';

if (!process.send) {
  process.stderr.write('recorder.js is started by sqlite-lock-doctor, not by hand.\n');
  process.exitCode = 2;
} else {
  let started = false;
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const send = (message: FromRecorder, then?: () => void) => {
    if (process.connected) {
      process.send?.(message, undefined, {}, () => then?.());
    } else {
      then?.();
    }
  };
  const record = async (message: Extract<ToRecorder, { type: 'start' }>) => {
    // Validates the file before the command starts: a bad file is one sentence and nothing runs.
    const recorder = new LockRecorder(message.file, { intervalMs: message.intervalMs });
    let app: AppOutputSource | undefined;
    if (message.run !== undefined) {
      // A character split between two chunks is joined before it crosses.
      const decoder = new StringDecoder('utf8');
      const forward = new Writable({
        write(chunk: Buffer, _encoding, done) {
          send({ type: 'appOutput', text: decoder.write(chunk) });
          done();
        },
      });
      app = await runAppSource(message.run.command, { passThrough: forward, cwd: message.run.cwd });
    }
    send({ type: 'started', startedAt: new Date().toISOString() });
    const recording = await runRecording(recorder, {
      stopWhen: stopped,
      app,
      onProgress: (progress) => send({ type: 'progress', ...progress }),
      progressEveryMs: message.progressEveryMs,
    });
    send({ type: 'recording', recording }, () => process.exit(0));
  };
  process.on('message', (message: ToRecorder) => {
    if (message.type === 'start' && !started) {
      started = true;
      record(message).catch((error: unknown) => {
        send({ type: 'failed', ...engineErrorOf(error) }, () => process.exit(0));
      });
    } else if (message.type === 'stop') {
      if (!started) {
        process.exit(0);
      }
      stop();
    }
  });
  // The command's process group is ended by runApp's exit hook (SIGKILL) when this process exits.
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}
