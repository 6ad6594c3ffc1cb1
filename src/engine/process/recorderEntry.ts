// Entry of the recorder process (dist/recorder.js): records the locks on one database from `start`
// until `stop`, sending progress now and then, and answers `stop` with the recording. Like the lock
// watcher it only reads /proc and stats files: it never loads SQLite, so it holds no connection whose
// locks a closed descriptor could drop. If its parent goes away, it stops and exits (nobody to tell).
import { LockRecorder } from '../record/lockRecorder';
import { engineErrorOf } from './engineCalls';
import type { FromRecorder, ToRecorder } from './recorderProtocol';

if (!process.send) {
  process.stderr.write('recorder.js is started by sqlite-lock-doctor, not by hand.\n');
  process.exitCode = 2;
} else {
  let recorder: LockRecorder | undefined;
  let progress: NodeJS.Timeout | undefined;
  const send = (message: FromRecorder, then?: () => void) => {
    if (process.connected) {
      process.send?.(message, undefined, {}, () => then?.());
    } else {
      then?.();
    }
  };
  const finish = () => {
    clearInterval(progress);
    const recording = recorder?.stop();
    recorder = undefined;
    return recording;
  };
  process.on('message', (message: ToRecorder) => {
    if (message.type === 'start' && recorder === undefined) {
      try {
        recorder = new LockRecorder(message.file, { intervalMs: message.intervalMs });
      } catch (error) {
        send({ type: 'failed', ...engineErrorOf(error) }, () => process.exit(0));
        return;
      }
      recorder.start();
      send({ type: 'started', startedAt: new Date().toISOString() });
      const active = recorder;
      progress = setInterval(() => send({ type: 'progress', ...active.progress() }), message.progressEveryMs);
    } else if (message.type === 'stop') {
      const recording = finish();
      if (recording === undefined) {
        process.exit(0);
      }
      send({ type: 'recording', recording }, () => process.exit(0));
    }
  });
  process.on('disconnect', () => {
    finish();
    process.exit(0);
  });
}
