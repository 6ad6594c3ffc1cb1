// `checkpoint <file> [--mode passive|full|restart|truncate] [--busy-timeout MS] [--json]`.
import { checkpointNow } from '../../engine/locks/checkpointNow';
import { checkpointModes } from '../../engine/options/checkpointModes';
import { checkpointBusyTimeout } from '../../engine/options/timeLimits';
import { choiceFlag, onlyFile, type ParsedCli, wholeNumberFlag } from '../cliArguments';
import { writeJson, writeText } from '../writeOutput';

export function checkpointCommand(cli: ParsedCli): number {
  const file = onlyFile('checkpoint', cli.positionals);
  const mode = choiceFlag('--mode', cli.flags.mode, checkpointModes);
  const result = checkpointNow(file, mode, {
    busyTimeoutMs: wholeNumberFlag('--busy-timeout', cli.flags['busy-timeout'], checkpointBusyTimeout),
  });
  if (cli.flags.json) {
    writeJson(result);
  } else {
    writeText(
      `${result.file}: ${result.mode} checkpoint: busy ${result.busy ? 1 : 0}, log ${result.log}, ` +
        `checkpointed ${result.checkpointed} (${result.tookMs} ms)\n${result.message}\n`,
    );
  }
  // FULL, RESTART and TRUNCATE that another connection kept from finishing: a lock not granted.
  return result.busy ? 1 : 0;
}
