// `checkpoint <file> [--mode passive|full|restart|truncate] [--busy-timeout MS] [--json]`.
import {
  type CheckpointMode,
  checkpointModes,
  checkpointNow,
  defaultCheckpointBusyTimeoutMs,
} from '../../engine/locks/checkpointNow';
import { oneOf, onlyFile, wholeNumber } from '../cliArguments';
import type { ParsedCli } from '../runCommand';
import { writeJson } from '../writeOutput';

const modeNames = checkpointModes.map((mode) => mode.toLowerCase());

export function checkpointCommand(cli: ParsedCli): number {
  const file = onlyFile('checkpoint', cli.positionals);
  const mode = oneOf(
    '--mode',
    cli.flags.mode?.toLowerCase(),
    modeNames,
    'passive',
  ).toUpperCase() as CheckpointMode;
  const result = checkpointNow(file, mode, {
    busyTimeoutMs: wholeNumber('--busy-timeout', cli.flags['busy-timeout'], defaultCheckpointBusyTimeoutMs),
  });
  if (cli.flags.json) {
    writeJson(result);
  } else {
    process.stdout.write(
      `${result.file}: ${result.mode} checkpoint: busy ${result.busy ? 1 : 0}, log ${result.log}, ` +
        `checkpointed ${result.checkpointed} (${result.tookMs} ms)\n${result.message}\n`,
    );
  }
  // FULL, RESTART and TRUNCATE that another connection kept from finishing: a lock not granted.
  return result.busy ? 1 : 0;
}
