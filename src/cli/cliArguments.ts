// Flags shared by the commands, parsed strictly: an unknown flag or a bad value is a usage error.
import { parseArgs } from 'node:util';
import { UserInputError } from '../engine/userInputError';

const options = {
  json: { type: 'boolean' },
  html: { type: 'string' },
  set: { type: 'string' },
  force: { type: 'boolean' },
  preset: { type: 'string' },
  model: { type: 'string' },
  journal: { type: 'string' },
  'busy-timeout': { type: 'string' },
  begin: { type: 'string' },
  'in-place': { type: 'boolean' },
  writers: { type: 'string' },
  transactions: { type: 'string' },
  watch: { type: 'string' },
  mode: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type CliFlags = ReturnType<typeof parseCli>['flags'];

export function parseCli(argv: string[]) {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { command: positionals[0], positionals: positionals.slice(1), flags: values };
  } catch (error) {
    throw new UserInputError(undefined, error instanceof Error ? error.message : String(error));
  }
}

export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) {
    return fallback;
  }
  if ((allowed as readonly string[]).includes(value)) {
    return value as T;
  }
  throw new UserInputError(undefined, `${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
}

export function wholeNumber(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  if (!/^\d+$/.test(value)) {
    throw new UserInputError(undefined, `${flag} must be a whole number, not "${value}"`);
  }
  return Number(value);
}

export function onlyFile(command: string, positionals: string[]): string {
  if (positionals.length !== 1) {
    throw new UserInputError(undefined, `${command} takes exactly one database file (see --help)`);
  }
  return positionals[0];
}
