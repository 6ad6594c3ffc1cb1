// `locks <file> [--json] [--watch MS]`: who holds which lock now; with --watch, a new reading every MS
// milliseconds until Ctrl-C, each fed to the checkpoint-starvation check. The watch runs the lock
// watcher's reading loop (LockWatch) in this process, which holds no SQLite connection either.
import { formatLockReport } from '../../engine/locks/formatLockReport';
import { withHeldFor } from '../../engine/locks/holdClock';
import { LockWatch } from '../../engine/locks/lockWatch';
import type { LockReport } from '../../engine/locks/lockReport';
import { readLockHolders } from '../../engine/locks/readLockHolders';
import { type WalGrowthSample, assessWalGrowth, walGrowthSample } from '../../engine/locks/walGrowth';
import { OperationError, UserInputError } from '../../engine/userInputError';
import { onlyFile, type ParsedCli, wholeNumber } from '../cliArguments';
import { terminalJson, writeJson, writeText } from '../writeOutput';

export const minimumWatchMs = 100;
/** Readings kept for the growth check: enough for minutes at a few per second. */
const keptSamples = 600;

export async function locksCommand(cli: ParsedCli, signal: AbortSignal): Promise<number> {
  const file = onlyFile('locks', cli.positionals);
  const watchMs = cli.flags.watch === undefined ? undefined : wholeNumber('--watch', cli.flags.watch, 0);
  if (watchMs !== undefined && watchMs < minimumWatchMs) {
    throw new UserInputError(undefined, `--watch must be at least ${minimumWatchMs} ms, not ${watchMs}`);
  }
  if (watchMs === undefined) {
    const report = readLockHolders(file);
    if (cli.flags.json) {
      writeJson(report);
    } else {
      writeText(formatLockReport(report));
    }
    return 0;
  }
  const samples: WalGrowthSample[] = [];
  const print = (stamped: LockReport) => {
    const report = { ...stamped, holders: withHeldFor(stamped.holders, stamped.takenAt) };
    samples.push(walGrowthSample(report, Date.parse(report.takenAt)));
    if (samples.length > keptSamples) {
      samples.shift();
    }
    const walGrowth = assessWalGrowth(samples);
    if (cli.flags.json) {
      // One JSON object per line (JSON Lines), so a reader can act on each as it comes.
      process.stdout.write(`${terminalJson({ ...report, walGrowth })}\n`);
    } else {
      writeText(`${samples.length > 1 ? '\n' : ''}${formatLockReport(report, walGrowth)}`);
    }
  };
  return new Promise<number>((resolve, reject) => {
    const watch = new LockWatch((reading) => {
      if ('report' in reading) {
        print(reading.report);
        return;
      }
      watch.dispose();
      const { error } = reading;
      // The first reading validates the file: a bad one is exit 2 before anything is printed. Later,
      // the file went away (or changed) while being watched: the watch cannot go on.
      if (error instanceof UserInputError && samples.length > 0) {
        reject(new OperationError(`stopped watching: ${error.message}`));
      } else {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    signal.addEventListener(
      'abort',
      () => {
        watch.dispose();
        resolve(0); // Ctrl-C: done.
      },
      { once: true },
    );
    watch.watch(file, watchMs);
  });
}
