// `locks <file> [--json] [--watch MS]`: who holds which lock now; with --watch, a new reading every MS
// milliseconds until Ctrl-C, each fed to the checkpoint-starvation check.
import { setTimeout as sleep } from 'node:timers/promises';
import { formatLockReport } from '../../engine/locks/formatLockReport';
import { readLockHolders } from '../../engine/locks/readLockHolders';
import { type WalGrowthSample, assessWalGrowth, walGrowthSample } from '../../engine/locks/walGrowth';
import { OperationError, UserInputError } from '../../engine/userInputError';
import { onlyFile, type ParsedCli, wholeNumber } from '../cliArguments';
import { writeJson } from '../writeOutput';

export const minimumWatchMs = 100;
/** Readings kept for the growth check: enough for minutes at a few per second. */
const keptSamples = 600;

export async function locksCommand(cli: ParsedCli, signal: AbortSignal): Promise<number> {
  const file = onlyFile('locks', cli.positionals);
  const watchMs = cli.flags.watch === undefined ? undefined : wholeNumber('--watch', cli.flags.watch, 0);
  if (watchMs !== undefined && watchMs < minimumWatchMs) {
    throw new UserInputError(undefined, `--watch must be at least ${minimumWatchMs} ms, not ${watchMs}`);
  }
  // The first reading validates the file: a bad one is exit 2 before anything is printed.
  let report = readLockHolders(file);
  if (watchMs === undefined) {
    if (cli.flags.json) {
      writeJson(report);
    } else {
      process.stdout.write(formatLockReport(report));
    }
    return 0;
  }
  const samples: WalGrowthSample[] = [];
  for (;;) {
    samples.push(walGrowthSample(report, Date.parse(report.takenAt)));
    if (samples.length > keptSamples) {
      samples.shift();
    }
    const walGrowth = assessWalGrowth(samples);
    if (cli.flags.json) {
      // One JSON object per line (JSON Lines), so a reader can act on each as it comes.
      process.stdout.write(`${JSON.stringify({ ...report, walGrowth })}\n`);
    } else {
      process.stdout.write(`${samples.length > 1 ? '\n' : ''}${formatLockReport(report, walGrowth)}`);
    }
    try {
      await sleep(watchMs, undefined, { signal });
    } catch {
      return 0; // Ctrl-C: done.
    }
    try {
      report = readLockHolders(file);
    } catch (error) {
      if (error instanceof UserInputError) {
        // The file went away (or changed) while being watched: the watch cannot go on.
        throw new OperationError(`stopped watching: ${error.message}`);
      }
      throw error;
    }
  }
}
