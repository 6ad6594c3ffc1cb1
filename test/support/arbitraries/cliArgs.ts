// Generated command lines: flags from the CLI's own option table with generated values, written as the
// user would type them (`--flag value`, `--flag=value`, `-h`), and arbitrary argument lists.
import fc from 'fast-check';
import { cliOptions } from '../../../src/cli/cliArguments';

export type FlagValues = Record<string, string | boolean | string[]>;

const optionNames = Object.keys(cliOptions) as (keyof typeof cliOptions)[];

/** Text a user may type as a value: digits, choice-like words, blanks, quotes, unicode and controls. */
export const typedText = fc.oneof(
  fc.nat({ max: 10_000_000 }).map(String),
  fc.constantFrom('wal', 'WAL', 'delete', 'seed', 'processes', '30s', '1.5m', '0', '-1', ' 7 ', '1,2,4', ''),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** A value the spaced form `--flag value` carries unambiguously (it does not look like a flag). */
const spacedValue = typedText.filter((text) => !text.startsWith('-'));

/** Flags and their values, and the argv that spells them, in a generated order with positionals. */
export const spelledCommandLine: fc.Arbitrary<{
  argv: string[];
  flags: FlagValues;
  positionals: string[];
}> = fc
  .record({
    chosen: fc.uniqueArray(fc.constantFrom(...optionNames), { maxLength: 6 }),
    values: fc.array(fc.tuple(spacedValue, fc.boolean()), { minLength: 6, maxLength: 6 }),
    positionals: fc.array(
      fc.string({ maxLength: 12 }).filter((text) => !text.startsWith('-')),
      {
        maxLength: 3,
      },
    ),
  })
  .map(({ chosen, values, positionals }) => {
    const flags: FlagValues = {};
    const argv: string[] = [];
    chosen.forEach((name, index) => {
      const option = cliOptions[name];
      const [value, joined] = values[index];
      if (option.type === 'boolean') {
        flags[name] = true;
        argv.push(`--${name}`);
      } else {
        flags[name] = 'multiple' in option && option.multiple ? [value] : value;
        argv.push(...(joined ? [`--${name}=${value}`] : [`--${name}`, value]));
      }
    });
    // After "--", everything is a positional; before it the positionals go first.
    return { argv: [...positionals, ...argv], flags, positionals };
  });

/** Argument lists of anything: real flag names, unknown ones, short flags, values, "--". */
export const arbitraryArgv: fc.Arbitrary<string[]> = fc.array(
  fc.oneof(
    fc.constantFrom(...optionNames).map((name) => `--${name}`),
    fc.constantFrom('-h', '-x', '--', '-', '--no-json', '--json=1', '--help=yes', '---', '--=x'),
    typedText,
  ),
  { maxLength: 10 },
);
