// What an app printed while it was watched (`record --run`, `record --log`, `load --run`): its lines
// with times on the recording's clock, the lock errors among them counted by kind. Bounded: every
// lock-error line is kept (up to a hard cap), other lines only up to a cap, the rest counted.
import type { LockErrorKind } from './lockErrorKinds';

export type AppOutputSource =
  | {
      kind: 'run';
      /** The command as the user typed it. */
      command: string;
      pid: number;
      /** Null while running or when a signal ended it. */
      exitCode: number | null;
      signal: string | null;
    }
  | { kind: 'log'; file: string };

export interface AppLine {
  /** Milliseconds since the caller's time zero (the recording's ms 0). */
  atMs: number;
  stream: 'stdout' | 'stderr' | 'log';
  /** The line without its line break; control characters kept (reports escape them). */
  text: string;
  lockError?: LockErrorKind;
  /** The process that printed it: the --run child (its output pipes are shared by its children). */
  pid?: number;
}

export interface AppOutput {
  source: AppOutputSource;
  /** In time order. */
  lines: AppLine[];
  /** Lines read but not kept (the cap on other lines, or the hard cap on lock-error lines). */
  droppedLines: number;
  /** Every lock-error line counted, kept or not. */
  errorCounts: Partial<Record<LockErrorKind, number>>;
}
