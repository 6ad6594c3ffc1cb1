import { switchJournalMode } from '../../engine/journal/switchJournalMode';
import { journalSwitchTargets } from '../../engine/options/journalModes';
import { journalSwitchBusyTimeout } from '../../engine/options/timeLimits';
import { UserInputError } from '../../engine/userInputError';
import { choiceFlag, onlyFile, type ParsedCli, wholeNumberFlag } from '../cliArguments';
import { writeJson, writeText } from '../writeOutput';

export function journalCommand(cli: ParsedCli): number {
  const file = onlyFile('journal', cli.positionals);
  if (cli.flags.set === undefined) {
    throw new UserInputError(undefined, 'journal needs --set wal or --set delete');
  }
  const target = choiceFlag('--set', cli.flags.set, journalSwitchTargets);
  const result = switchJournalMode(file, target, {
    force: cli.flags.force ?? false,
    busyTimeoutMs: wholeNumberFlag('--busy-timeout', cli.flags['busy-timeout'], journalSwitchBusyTimeout),
  });
  if (cli.flags.json) {
    writeJson(result);
  } else {
    const verb = result.changed
      ? `switched from ${result.from} to ${result.to}`
      : `already in ${result.to} mode`;
    writeText(`${result.file}: ${verb}\n`);
    for (const warning of result.warnings) {
      writeText(`warning: ${warning}\n`);
    }
  }
  return 0;
}
