// Generated command lines: every flag of the option table spelled as a user types it and read back;
// arbitrary argument lists; and each command's option parsing on what parseCli returns. A bad flag or
// value is a UserInputError (one sentence, exit code 2), never another exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { choiceFlag, onlyFile, parseCli, wholeNumber, wholeNumberFlag } from '../src/cli/cliArguments';
import { loadShapeFlags, sharedProbeKnobs, sweepLevelsFlag } from '../src/cli/probeFlags';
import { parseRecordFlags } from '../src/cli/recordFlags';
import { parseHeader, parseJsonBody, parseLoadUrl } from '../src/engine/load/loadTarget';
import { defaultSweepLevels } from '../src/engine/options/loadShape';
import { maxRecordMs, parseDuration } from '../src/engine/options/recordLimits';
import { UserInputError } from '../src/engine/userInputError';
import { arbitraryArgv, spelledCommandLine, typedText } from './support/arbitraries/cliArgs';
import { choiceLists, wholeNumberLimits } from './support/arbitraries/optionVocabulary';
import { isProjectError, parsedOrProjectError } from './support/arbitraries/projectErrors';
import { recordSafetyCases } from './support/safetyTally';

let tried = 0;
function runs(numRuns: number): fc.Parameters<unknown> {
  tried += numRuns;
  return { numRuns };
}

/** A refusal is a UserInputError of one line (the CLI prints it and exits 2). */
function assertRefusal(value: unknown): void {
  assert.ok(value instanceof UserInputError, String(value));
  assert.match(value.message, /^[^\n\r]+$/);
}

test('flags spelled --flag value or --flag=value read back as the same flags and positionals', () => {
  fc.assert(
    fc.property(spelledCommandLine, ({ argv, flags, positionals }) => {
      const parsed = parseCli(argv);
      assert.deepEqual({ ...parsed.flags }, flags);
      assert.deepEqual(
        [parsed.command, ...parsed.positionals].filter((word) => word !== undefined),
        positionals,
      );
    }),
    runs(3000),
  );
});

test('arbitrary argument lists parse, or are refused as usage errors', () => {
  fc.assert(
    fc.property(arbitraryArgv, (argv) => {
      const parsed = parsedOrProjectError(() => parseCli(argv));
      if (isProjectError(parsed)) {
        assertRefusal(parsed);
      }
    }),
    runs(3000),
  );
});

test("each command's option parsing on any parsed command line gives values or one refusal", () => {
  const commandParsers: ((cli: ReturnType<typeof parseCli>) => unknown)[] = [
    (cli) => sharedProbeKnobs(cli.flags),
    (cli) => loadShapeFlags(cli.flags),
    (cli) => sweepLevelsFlag(cli.flags.clients, defaultSweepLevels),
    (cli) => parseRecordFlags(cli),
    (cli) => onlyFile('inspect', cli.positionals),
    (cli) => wholeNumber('--watch', cli.flags.watch, 0),
    (cli) => choiceFlag('--mode', cli.flags.mode, choiceLists['--mode']),
    (cli) => choiceFlag('--set', cli.flags.set, choiceLists['--set']),
    (cli) => choiceFlag('--method', cli.flags.method, choiceLists['--method']),
    (cli) => wholeNumberFlag('--concurrency', cli.flags.concurrency, wholeNumberLimits['--concurrency']),
    (cli) => (cli.flags.header ?? []).map(parseHeader),
    (cli) => (cli.flags.body === undefined ? undefined : parseJsonBody(cli.flags.body)),
    (cli) => cli.positionals.map(parseLoadUrl),
  ];
  fc.assert(
    fc.property(
      fc.oneof(
        arbitraryArgv,
        spelledCommandLine.map(({ argv }) => argv),
      ),
      (argv) => {
        const cli = parsedOrProjectError(() => parseCli(argv));
        if (isProjectError(cli)) {
          return;
        }
        for (const parse of commandParsers) {
          const result = parsedOrProjectError(() => parse(cli));
          if (isProjectError(result)) {
            assertRefusal(result);
          }
        }
      },
    ),
    runs(3000),
  );
});

test('every whole-number flag accepts each number in its range, however blank-padded, and refuses the rest', () => {
  const limits = Object.entries(wholeNumberLimits);
  fc.assert(
    fc.property(
      fc.constantFrom(...limits),
      fc.integer({ min: -10, max: 10_000_000 }),
      fc.constantFrom('', ' ', '\t'),
      ([flag, limit], number, blank) => {
        const typed = `${blank}${number}${blank}`;
        const read = parsedOrProjectError(() => wholeNumberFlag(flag, typed, limit));
        if (number >= limit.min && number <= limit.max) {
          assert.equal(read, number);
        } else {
          assertRefusal(read);
          assert.ok((read as UserInputError).message.startsWith(`${flag} must be`));
        }
      },
    ),
    runs(3000),
  );
  fc.assert(
    fc.property(fc.constantFrom(...limits), typedText, ([flag, limit], typed) => {
      const read = parsedOrProjectError(() => wholeNumberFlag(flag, typed, limit));
      if (isProjectError(read)) {
        assertRefusal(read);
      } else {
        assert.ok(Number.isInteger(read) && read >= limit.min && read <= limit.max);
        assert.equal(read, Number(typed.trim()));
      }
    }),
    runs(2000),
  );
});

test('every choice flag accepts its values in any letter case and refuses anything else', () => {
  const lists = Object.entries(choiceLists);
  fc.assert(
    fc.property(
      fc
        .constantFrom(...lists)
        .chain(([flag, list]) =>
          fc.tuple(
            fc.constant(flag),
            fc.constant(list),
            fc.mixedCase(fc.constantFrom(...list.values)),
            typedText,
          ),
        ),
      ([flag, list, casedValue, typed]) => {
        assert.equal(
          choiceFlag(flag, casedValue, list),
          list.values.find((value) => value.toLowerCase() === casedValue.toLowerCase()),
        );
        const read = parsedOrProjectError(() => choiceFlag(flag, typed, list));
        if (isProjectError(read)) {
          assertRefusal(read);
        } else {
          assert.ok(list.values.includes(read));
        }
      },
    ),
    runs(3000),
  );
});

test('--for durations written from a number and a unit read back as the same milliseconds', () => {
  const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
  fc.assert(
    fc.property(
      fc.constantFrom(...(Object.keys(unitMs) as (keyof typeof unitMs)[])),
      fc.integer({ min: 1, max: 100_000_000 }),
      fc.boolean(),
      (unit, amount, upper) => {
        const parsed = parseDuration(`${amount}${upper ? unit.toUpperCase() : unit}`, '--for');
        const ms = amount * unitMs[unit];
        if (ms <= maxRecordMs) {
          assert.deepEqual(parsed, { ms });
        } else {
          assert.ok('problem' in parsed && parsed.problem.startsWith('--for must be'));
        }
      },
    ),
    runs(2000),
  );
  fc.assert(
    fc.property(typedText, (typed) => {
      const parsed = parseDuration(typed, '--for');
      assert.ok(
        'ms' in parsed ? parsed.ms > 0 && parsed.ms <= maxRecordMs : /^--for must be/.test(parsed.problem),
      );
    }),
    runs(2000),
  );
});

test('refusals found by generated command lines stay one line, the typed text escaped', () => {
  const refusal = (parse: () => unknown) => parsedOrProjectError(parse) as UserInputError;
  // node's parseArgs explains an ambiguous value over three lines.
  assert.equal(
    refusal(() => parseCli(['--log', '--json'])).message,
    "Option '--log' argument is ambiguous. Did you forget to specify the option argument for '--log'? " +
      "To specify an option argument starting with a dash use '--log=-XYZ'.",
  );
  assert.equal(
    refusal(() => wholeNumberFlag('--pool-size', '\n', wholeNumberLimits['--pool-size'])).message,
    '--pool-size must be a whole number from 1 to 16, not "\\n"',
  );
  assert.equal(
    refusal(() => parseJsonBody('\n\u0000')).message,
    `--body must be JSON: Unexpected token '\\u0000', "\\n\\u0000" is not valid JSON`,
  );
});

test.after(() => {
  recordSafetyCases({
    family: 'property',
    suite: "command-line arguments and each command's options",
    tried,
  });
});
