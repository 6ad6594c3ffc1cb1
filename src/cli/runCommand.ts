import { quotedInput } from '../engine/text/quotedInput';
import { UserInputError } from '../engine/userInputError';
import type { ParsedCli } from './cliArguments';
import { checkpointCommand } from './commands/checkpointCommand';
import { demoCommand } from './demo/demoCommand';
import { explainCommand } from './commands/explainCommand';
import { hintsCommand } from './commands/hintsCommand';
import { inspectCommand } from './commands/inspectCommand';
import { journalCommand } from './commands/journalCommand';
import { loadCommand } from './commands/loadCommand';
import { locksCommand } from './commands/locksCommand';
import { matrixCommand } from './commands/matrixCommand';
import { probeCommand } from './commands/probeCommand';
import { recordCommand } from './commands/recordCommand';
import { sweepCommand } from './commands/sweepCommand';

export function runCommand(cli: ParsedCli, signal: AbortSignal): Promise<number> {
  switch (cli.command) {
    case 'inspect':
      return Promise.resolve(inspectCommand(cli));
    case 'journal':
      return Promise.resolve(journalCommand(cli));
    case 'probe':
      return probeCommand(cli, signal);
    case 'sweep':
      return sweepCommand(cli, signal);
    case 'matrix':
      return matrixCommand(cli, signal);
    case 'locks':
      return locksCommand(cli, signal);
    case 'checkpoint':
      return Promise.resolve(checkpointCommand(cli));
    case 'load':
      return loadCommand(cli, signal);
    case 'record':
      return recordCommand(cli, signal);
    case 'hints':
      return hintsCommand(cli);
    case 'explain':
      return explainCommand(cli);
    case 'demo':
      return demoCommand(cli, signal);
    default:
      throw new UserInputError(undefined, `unknown command ${quotedInput(cli.command)} (see --help)`);
  }
}
