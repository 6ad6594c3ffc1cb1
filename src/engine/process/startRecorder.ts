// Starts the recorder process (dist/recorder.js, built beside the bundle that starts it) on one
// database: progress while it records, the Recording when stopped. For the extension, whose host must
// never hold a lock or block: the sampling runs in that child, not in the host.
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { RecorderProgress } from '../record/lockRecorder';
import type { Recording } from '../record/recordingTypes';
import { OperationError, UserInputError } from '../userInputError';
import type { FromRecorder, ToRecorder } from './recorderProtocol';

export interface RecorderProcess {
  readonly pid: number | undefined;
  /** Settles once the recorder validated the file and took its first sample (rejects as stop() would). */
  readonly started: Promise<void>;
  /** Stops the recording and resolves with it (UserInputError/OperationError when it could not record). */
  stop(): Promise<Recording>;
  /** The recording, however it ended: stop(), or the `run` command exiting. */
  readonly recording: Promise<Recording>;
  /** Ends the process without a recording. */
  cancel(): void;
}

export interface StartRecorderOptions {
  intervalMs: number;
  onProgress?: (progress: RecorderProgress) => void;
  /** Default 1000. */
  progressEveryMs?: number;
  /** A command the user typed, run while recording (record --run); the recording ends when it exits. */
  run?: { command: string; cwd?: string };
  /** The `run` command's output as it comes. */
  onAppOutput?: (text: string) => void;
}

export function startRecorder(file: string, options: StartRecorderOptions): RecorderProcess {
  const child = fork(join(__dirname, 'recorder.js'), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: [],
  });
  child.on('error', (error) => process.stderr.write(`sqlite-lock-doctor: recorder: ${error.message}\n`));
  let failure: Error | undefined;
  let startedResolve: () => void = () => undefined;
  let startedReject: (error: Error) => void = () => undefined;
  const started = new Promise<void>((resolve, reject) => {
    startedResolve = resolve;
    startedReject = reject;
  });
  // Unobserved rejections are the caller's to see through stop(); this one must not crash the host.
  started.catch(() => undefined);
  let recordingResolve: (recording: Recording) => void = () => undefined;
  let recordingReject: (error: Error) => void = () => undefined;
  const recording = new Promise<Recording>((resolve, reject) => {
    recordingResolve = resolve;
    recordingReject = reject;
  });
  recording.catch(() => undefined);
  child.on('message', (message: FromRecorder) => {
    switch (message.type) {
      case 'started':
        startedResolve();
        break;
      case 'progress':
        options.onProgress?.({
          elapsedMs: message.elapsedMs,
          samples: message.samples,
          holders: message.holders,
          cpuMs: message.cpuMs,
        });
        break;
      case 'appOutput':
        options.onAppOutput?.(message.text);
        break;
      case 'recording':
        recordingResolve(message.recording);
        break;
      case 'failed':
        failure =
          message.kind === 'input'
            ? new UserInputError(undefined, message.message)
            : new OperationError(message.message);
        startedReject(failure);
        recordingReject(failure);
        break;
    }
  });
  child.once('close', (code, signal) => {
    const ended =
      failure ?? new OperationError(`the recorder process ended early (${signal ?? `exit code ${code}`})`);
    startedReject(ended);
    recordingReject(ended);
  });
  let cancelled = false;
  const send = (message: ToRecorder) => {
    // After cancel() nothing more is asked: a `stop` overtaking the signal would still bring a recording.
    if (child.connected && !cancelled) {
      child.send(message);
    }
  };
  send({
    type: 'start',
    file,
    intervalMs: options.intervalMs,
    progressEveryMs: options.progressEveryMs ?? 1000,
    ...(options.run === undefined ? {} : { run: options.run }),
  });
  return {
    pid: child.pid,
    started,
    recording,
    stop: () => {
      send({ type: 'stop' });
      return recording;
    },
    cancel: () => {
      cancelled = true;
      if (child.exitCode === null && child.signalCode === null) {
        child.kill();
      }
    },
  };
}
