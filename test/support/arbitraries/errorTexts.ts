// Generated error texts for `explain`: the public error reports in test/fixtures/explain (real
// tracebacks and log lines), mutated, and planted among generated log noise.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

interface FixtureText {
  text: string;
}

/** Bundled into out/test: the fixtures are two folders up. */
function fixtureTexts(name: string): string[] {
  const file = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'explain', name);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as FixtureText[]).map((entry) => entry.text);
}

/** Real error reports, each recognised by explain (explainCorpus.test.ts checks their causes). */
export const reportedErrors = fixtureTexts('corpus.json');
/** Real lines that look like lock errors and are not (settings, docs, other databases). */
export const lookalikeTexts = fixtureTexts('lookalikes.json');

const logWords = fc.constantFrom(
  'INFO',
  'WARN',
  'timeout=5s',
  'busy_timeout',
  'locked',
  'database',
  'elapsed 12ms',
  'BEGIN',
  'COMMIT',
  'at Object.<anonymous> (app.js:3:9)',
  '<script>',
  '\u001b[31m',
  '\u202e',
  'SQLITE_',
);

/** A log line without a lock error's exact words (they come from the generated mix only by chance). */
export const noiseLine: fc.Arbitrary<string> = fc
  .oneof(
    fc
      .array(fc.oneof(logWords, fc.string({ maxLength: 12 })), { maxLength: 8 })
      .map((words) => words.join(' ')),
    fc.string({ unit: 'binary', maxLength: 80 }),
  )
  // One line: a line break inside would shift the line numbers the test expects.
  .map((line) => line.replace(/[\r\n]/g, ' '));

export const lineBreak = fc.constantFrom('\n', '\r\n', '\r');

/** One line of a real error report, one changed character at a time. */
export const mutatedReport: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...reportedErrors, ...lookalikeTexts),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ unit: 'binary', maxLength: 4 })), {
      maxLength: 5,
    }),
  )
  .map(([text, edits]) =>
    edits.reduce((changed, [at, removed, inserted]) => {
      const offset = at % (changed.length + 1);
      return changed.slice(0, offset) + inserted + changed.slice(offset + removed);
    }, text),
  );
