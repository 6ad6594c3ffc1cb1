// Messages between the recorder process (dist/recorder.js) and whoever started it (the extension).
import type { RecorderProgress } from '../record/lockRecorder';
import type { Recording } from '../record/recordingTypes';
import type { EngineErrorKind } from './engineCalls';

export type ToRecorder =
  /** Validates the file, takes the first sample and records until `stop`. */
  | { type: 'start'; file: string; intervalMs: number; progressEveryMs: number }
  /** Takes a last sample and answers with the recording. */
  | { type: 'stop' };

export type FromRecorder =
  | { type: 'started'; startedAt: string }
  | ({ type: 'progress' } & RecorderProgress)
  | { type: 'recording'; recording: Recording }
  /** The file could not be recorded (missing, not a database, no /proc/locks): the process ends. */
  | { type: 'failed'; kind: EngineErrorKind; message: string };
