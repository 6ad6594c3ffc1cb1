// Checkpoint starvation, seen from outside: over successive readings the -wal file keeps growing past
// the auto-checkpoint threshold while readers hold WAL_READ locks. A checkpoint cannot copy frames past
// the oldest reader's snapshot, nor restart the WAL from its start while any reader uses it, so every
// commit appends and the file grows without bound (https://sqlite.org/wal.html#avoiding_excessively_large_wal_files).
import type { LockReport } from './lockReport';
import { defaultAutoCheckpointPages } from './walHealth';

export interface WalGrowthSample {
  /** When it was taken, in milliseconds (any clock, increasing). */
  atMs: number;
  /** -wal size and the frames it has room for (0 when there is no -wal). */
  sizeBytes: number;
  frames: number;
  /** PIDs holding a WAL_READ lock at that moment. */
  readerPids: number[];
}

export type WalGrowthVerdict = 'too-few-samples' | 'steady' | 'growing' | 'checkpoint-starved';

export interface WalGrowthAssessment {
  verdict: WalGrowthVerdict;
  /** growing or checkpoint-starved. */
  warning: boolean;
  message: string;
  samples: number;
  /** Over the latest run of readings in which the WAL never shrank. */
  framesGained: number;
  overMs: number;
  latestFrames: number;
  threshold: number;
  /** PIDs that held WAL_READ in every reading of that run. */
  persistentReaderPids: number[];
}

/** A reading of a LockReport, for assessWalGrowth. */
export function walGrowthSample(report: LockReport, atMs: number): WalGrowthSample {
  return {
    atMs,
    sizeBytes: report.wal?.sizeBytes ?? 0,
    frames: report.wal?.frames ?? 0,
    readerPids: report.wal?.readerPids ?? [],
  };
}

/**
 * Warns when the WAL grew in at least two readings of the latest run, at least once while it was
 * already at or past `threshold` frames (an auto-checkpoint should have restarted it by then): with a
 * reader holding WAL_READ in every reading of that run it is checkpoint starvation, without one the
 * writer's checkpoints are off or one transaction is very large.
 */
export function assessWalGrowth(
  samples: readonly WalGrowthSample[],
  threshold = defaultAutoCheckpointPages,
): WalGrowthAssessment {
  const latest = samples.at(-1);
  const base = { samples: samples.length, threshold, latestFrames: latest?.frames ?? 0 };
  if (latest === undefined || samples.length < 3) {
    return {
      ...base,
      verdict: 'too-few-samples',
      warning: false,
      message: 'WAL growth needs at least 3 readings (locks --watch MS).',
      framesGained: 0,
      overMs: 0,
      persistentReaderPids: [],
    };
  }
  // The latest run in which the file never shrank (a TRUNCATE checkpoint or the last close shrinks it).
  let start = samples.length - 1;
  while (start > 0 && samples[start - 1].frames <= samples[start].frames) {
    start--;
  }
  const run = samples.slice(start);
  let growthSteps = 0;
  let growthPastThreshold = 0;
  for (let index = 1; index < run.length; index++) {
    if (run[index].frames > run[index - 1].frames) {
      growthSteps++;
      if (run[index - 1].frames >= threshold) {
        growthPastThreshold++;
      }
    }
  }
  const first = run[0];
  const framesGained = latest.frames - first.frames;
  const overMs = latest.atMs - first.atMs;
  const persistentReaderPids = first.readerPids.filter((pid) =>
    run.every((sample) => sample.readerPids.includes(pid)),
  );
  const measured = { ...base, framesGained, overMs, persistentReaderPids };
  const grew = `The WAL grew from ${first.frames} to ${latest.frames} frames in ${seconds(overMs)}`;
  if (growthSteps >= 2 && growthPastThreshold >= 1) {
    if (run.every((sample) => sample.readerPids.length > 0)) {
      const who =
        persistentReaderPids.length > 0
          ? `PID ${persistentReaderPids.join(', ')} held a WAL_READ lock throughout`
          : 'overlapping readers held WAL_READ locks throughout';
      return {
        ...measured,
        verdict: 'checkpoint-starved',
        warning: true,
        message:
          `${grew}, past the auto-checkpoint threshold (${threshold} pages), while ${who}: checkpoint ` +
          'starvation. A checkpoint cannot restart the WAL while a reader keeps an old snapshot, so every ' +
          'commit appends. End long read transactions (or give readers a gap) so a checkpoint can catch up.',
      };
    }
    return {
      ...measured,
      verdict: 'growing',
      warning: true,
      message:
        `${grew}, past the auto-checkpoint threshold (${threshold} pages), with no reader holding it ` +
        'throughout: the writer may have automatic checkpoints off (PRAGMA wal_autocheckpoint=0) or be ' +
        'writing one very large transaction.',
    };
  }
  return {
    ...measured,
    verdict: 'steady',
    warning: false,
    message:
      latest.frames >= threshold
        ? `The WAL has room for ${latest.frames} frames, past the threshold, but did not keep growing: ` +
          'checkpoints are restarting it.'
        : `The WAL stays below the auto-checkpoint threshold (${latest.frames} of ${threshold} frames).`,
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
