// Messages between the recorder process (dist/recorder.js) and whoever started it (the extension).
import type { RecorderProgress } from '../record/lockRecorder';
import type { Recording } from '../record/recordingTypes';
import type { EngineErrorKind } from './engineCalls';

export type ToRecorder =
  /**
   * Validates the file, takes the first sample and records until `stop`. With `run`, starts that
   * command first (record --run semantics): its output is forwarded as it comes and captured for the
   * timeline, and the recording ends when it exits.
   */
  | {
      type: 'start';
      file: string;
      intervalMs: number;
      progressEveryMs: number;
      run?: { command: string; cwd?: string };
    }
  /** Takes a last sample and answers with the recording. */
  | { type: 'stop' };

export type FromRecorder =
  | { type: 'started'; startedAt: string }
  | ({ type: 'progress' } & RecorderProgress)
  /** Output of the `run` command, as it came (stdout and stderr alike). */
  | { type: 'appOutput'; text: string }
  /** Answers `stop`, or comes by itself when the `run` command exited. */
  | { type: 'recording'; recording: Recording }
  /** The file could not be recorded (missing, not a database, no /proc/locks): the process ends. */
  | { type: 'failed'; kind: EngineErrorKind; message: string };
