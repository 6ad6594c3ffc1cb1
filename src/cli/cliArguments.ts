// Flags shared by the commands, parsed strictly: an unknown flag or a bad value is a usage error.
// Choices and ranges come from the engine's vocabulary (src/engine/options), so the command line
// accepts exactly what the extension's settings and panel accept.
import { controlsEscaped, quotedInput } from '../engine/text/quotedInput';
import { parseArgs } from 'node:util';
import { type ChoiceList, choiceProblem } from '../engine/options/choiceList';
import { parseWholeNumber, type WholeNumberLimit } from '../engine/options/wholeNumberLimit';
import { UserInputError } from '../engine/userInputError';

export const cliOptions = {
  json: { type: 'boolean' },
  sarif: { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  html: { type: 'string' },
  set: { type: 'string' },
  force: { type: 'boolean' },
  preset: { type: 'string' },
  model: { type: 'string' },
  journal: { type: 'string' },
  'busy-timeout': { type: 'string' },
  begin: { type: 'string' },
  'in-place': { type: 'boolean' },
  scenario: { type: 'string' },
  writers: { type: 'string' },
  transactions: { type: 'string' },
  'pool-size': { type: 'string' },
  client: { type: 'string' },
  watch: { type: 'string' },
  mode: { type: 'string' },
  db: { type: 'string' },
  requests: { type: 'string' },
  concurrency: { type: 'string' },
  clients: { type: 'string' },
  gap: { type: 'string' },
  method: { type: 'string' },
  body: { type: 'string' },
  header: { type: 'string', multiple: true },
  'count-sql': { type: 'string' },
  table: { type: 'string' },
  run: { type: 'string' },
  log: { type: 'string' },
  file: { type: 'string' },
  for: { type: 'string' },
  interval: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type ParsedCli = ReturnType<typeof parseCli>;
export type CliFlags = ParsedCli['flags'];

export function parseCli(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: cliOptions,
      allowPositionals: true,
      strict: true,
    });
    return { command: positionals[0], positionals: positionals.slice(1), flags: values };
  } catch (error) {
    // node's parseArgs explains some mistakes over several lines: one line keeps it one message.
    const message = error instanceof Error ? error.message : String(error);
    throw new UserInputError(undefined, controlsEscaped(message.replace(/\s*\n\s*/g, ' ')));
  }
}

/** How the command line spells a choice: in lower case (SQLite's checkpoint modes are upper case). */
export function spelled(value: string): string {
  return value.toLowerCase();
}

/** One of the list's values, in any case; the list's default when the flag is absent. */
export function choiceFlag<V extends string>(flag: string, text: string | undefined, list: ChoiceList<V>): V {
  if (text === undefined) {
    return list.default;
  }
  const found = list.values.find((value) => spelled(value) === spelled(text));
  if (found === undefined) {
    throw new UserInputError(undefined, choiceProblem(list, flag, text, spelled));
  }
  return found;
}

/** A whole number within the limit; the limit's default when the flag is absent. */
export function wholeNumberFlag(flag: string, text: string | undefined, limit: WholeNumberLimit): number {
  if (text === undefined) {
    return limit.default;
  }
  const parsed = parseWholeNumber(limit, text, flag);
  if ('problem' in parsed) {
    throw new UserInputError(undefined, parsed.problem);
  }
  return parsed.value;
}

export function wholeNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  if (!/^\d+$/.test(value)) {
    throw new UserInputError(undefined, `${flag} must be a whole number, not ${quotedInput(value)}`);
  }
  return Number(value);
}

export function onlyFile(command: string, positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new UserInputError(undefined, `${command} takes exactly one database file (see --help)`);
  }
  return positionals[0];
}
