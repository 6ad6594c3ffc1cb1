// The bounds that keep a recording's memory and output fixed however long it runs and however busy
// the app is: intervals (not samples) are kept, up to a cap after which close intervals of one state
// merge into coarse spans; lanes, -wal size points and the summary's lists have caps of their own.
// The summary is computed as the samples arrive, so merging never changes it.

export interface RecordingCaps {
  /** Intervals kept over all lanes; past it, same-state intervals closer than a growing gap merge. */
  maxIntervals: number;
  /** Processes given a lane. */
  maxLanes: number;
  /** Processes tracked at all (presence, names): past it, new PIDs are only counted. */
  maxProcesses: number;
  /** -wal size change points; past it, every other point goes (the largest stays). */
  maxWalPoints: number;
  /** Entries in each of the summary's lists. */
  summaryListLength: number;
  /** Processes listed as appeared or left. */
  maxProcessMoments: number;
}

export const defaultRecordingCaps: RecordingCaps = {
  maxIntervals: 20_000,
  maxLanes: 200,
  maxProcesses: 10_000,
  maxWalPoints: 4000,
  summaryListLength: 10,
  maxProcessMoments: 100,
};
