// What a load test is asked to do, and what a recorded load gives back: the shapes the engine call,
// the command line and the editor share (kept apart from the code that runs them, which imports the
// engine process).
import type { AppOutput } from '../appOutput/appOutputTypes';
import type { RunningApp } from '../appOutput/runApp';
import type { HttpMethod } from '../options/loadOptions';
import type { Recording } from '../record/recordingTypes';
import type { LoadResult } from './loadResult';

export interface LoadTestOptions {
  urls: readonly string[];
  database: string | undefined;
  requests: number;
  concurrency: number;
  /** Default: GET, or POST with a body. */
  method?: HttpMethod;
  /** JSON text. */
  body?: string;
  /** "NAME:VALUE" each. */
  headers?: readonly string[];
  countSql?: string;
  table?: string;
  /** The app's command, as typed: started before the load and stopped after it. */
  run?: string;
  /** Instead of `run`: the app's log file, followed during the load. */
  log?: string;
  /** The caller's clock (a recording's ms); default: ms since the load test began. */
  nowMs?: () => number;
  /** Where the app's output is copied as it comes. */
  passThrough?: NodeJS.WritableStream;
  signal?: AbortSignal;
  onProgress?: (done: number, failed: number) => void;
  /** Once the app listens and the first count is done, just before the first request. */
  onLoadStart?: (app: RunningApp | undefined) => void | Promise<void>;
  /** After the last answer and the app's stop, before the second count (whose own read is no part of the load). */
  onLoadEnd?: (app: AppOutput | null) => void | Promise<void>;
  appStartTimeoutMs?: number;
}

export interface RecordedLoad {
  result: LoadResult;
  /** The recording during the load, with `load` (the result; its app output in the recording's `app`). */
  recording: Recording | null;
  /** Why there is no recording, in a sentence. */
  noRecording?: string;
}
