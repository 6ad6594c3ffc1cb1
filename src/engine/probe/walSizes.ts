// The -wal file's size over a WAL run, sampled by the coordinator (which holds no connection while the
// sessions run): a reader that pins the WAL shows as a file that keeps growing past the checkpoint threshold.
import { statSync } from 'node:fs';
import { microsecondsSince } from './monotonicClock';
import type { WalSample } from './probeTypes';

/** How often the size is read, ms: fine enough for a second-long run, cheap (one stat call). */
const sampleEveryMs = 50;

export interface WalSizeSampler {
  /** Starts sampling at time zero. */
  start(t0Ns: bigint): void;
  /** Stops (no last sample: once the sessions closed, the last connection may have removed the WAL). */
  stop(): void;
  readonly samples: WalSample[];
}

export function sampleWalSize(database: string): WalSizeSampler {
  const samples: WalSample[] = [];
  let t0: bigint | undefined;
  let timer: NodeJS.Timeout | undefined;
  const sample = () => {
    if (t0 === undefined) {
      return;
    }
    samples.push({ atMs: microsecondsSince(t0) / 1000, bytes: walBytes(database) });
  };
  return {
    samples,
    start(t0Ns) {
      t0 = t0Ns;
      sample();
      timer = setInterval(sample, sampleEveryMs);
      timer.unref();
    },
    stop() {
      if (timer) {
        clearInterval(timer);
      }
      t0 = undefined;
    },
  };
}

function walBytes(database: string): number {
  try {
    return statSync(`${database}-wal`).size;
  } catch {
    // No -wal file yet (or any more): nothing in the WAL.
    return 0;
  }
}
