import { switchJournalMode } from '../../engine/journal/switchJournalMode';
import { UserInputError } from '../../engine/userInputError';
import { oneOf, onlyFile, wholeNumber } from '../cliArguments';
import { writeJson } from '../writeOutput';
import type { ParsedCli } from '../runCommand';

export function journalCommand(cli: ParsedCli): number {
  const file = onlyFile('journal', cli.positionals);
  if (cli.flags.set === undefined) {
    throw new UserInputError(undefined, 'journal needs --set wal or --set delete');
  }
  const target = oneOf('--set', cli.flags.set.toLowerCase(), ['wal', 'delete'] as const, 'wal');
  const result = switchJournalMode(file, target, {
    force: cli.flags.force ?? false,
    busyTimeoutMs: wholeNumber('--busy-timeout', cli.flags['busy-timeout'], 2000),
  });
  if (cli.flags.json) {
    writeJson(result);
  } else {
    const verb = result.changed
      ? `switched from ${result.from} to ${result.to}`
      : `already in ${result.to} mode`;
    process.stdout.write(`${result.file}: ${verb}\n`);
    for (const warning of result.warnings) {
      process.stdout.write(`warning: ${warning}\n`);
    }
  }
  return 0;
}
