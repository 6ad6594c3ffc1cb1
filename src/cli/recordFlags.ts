// `record`'s flags, parsed in one place (the --run and --log sources are added here too): the file,
// how long (--for, else until Ctrl-C), how often (--interval), and the outputs.
import { parseDuration, recordInterval } from '../engine/options/recordLimits';
import { UserInputError } from '../engine/userInputError';
import { onlyFile, type ParsedCli, wholeNumberFlag } from './cliArguments';

export interface RecordFlags {
  file: string;
  /** Undefined: until Ctrl-C (or SIGTERM). */
  forMs: number | undefined;
  intervalMs: number;
  json: boolean;
  html: string | undefined;
  /** --run: the app's command, as typed (started by record, which stops when it exits). */
  run: string | undefined;
  /** --log: the app's log file, followed while recording. */
  log: string | undefined;
}

export function parseRecordFlags(cli: ParsedCli): RecordFlags {
  const file = onlyFile('record', cli.positionals);
  if (cli.flags.run !== undefined && cli.flags.log !== undefined) {
    throw new UserInputError(
      undefined,
      'give --run (record starts the app) or --log (the app runs already), not both',
    );
  }
  let forMs: number | undefined;
  if (cli.flags.for !== undefined) {
    const parsed = parseDuration(cli.flags.for, '--for');
    if ('problem' in parsed) {
      throw new UserInputError(undefined, parsed.problem);
    }
    forMs = parsed.ms;
  }
  return {
    file,
    forMs,
    intervalMs: wholeNumberFlag('--interval', cli.flags.interval, recordInterval),
    json: cli.flags.json ?? false,
    html: cli.flags.html,
    run: cli.flags.run,
    log: cli.flags.log,
  };
}
