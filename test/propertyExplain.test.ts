// Generated error texts for `explain`: any text, real error reports mutated, and real reports planted
// among generated log lines. explain never throws, counts every line, and finds a planted report at its
// own line numbers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { explainLockError, shownLineNumbers } from '../src/engine/explain/explainLockError';
import { lineBreak, mutatedReport, noiseLine, reportedErrors } from './support/arbitraries/errorTexts';
import { parsedOrProjectError } from './support/arbitraries/projectErrors';
import { recordSafetyCases } from './support/safetyTally';

let tried = 0;
function runs(numRuns: number): fc.Parameters<unknown> {
  tried += numRuns;
  return { numRuns };
}

function lineCount(text: string): number {
  return text.replace(/(?:\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/).length;
}

/** What every explanation must satisfy, whatever the text. */
function assertConsistent(text: string, explanation: ReturnType<typeof explainLockError>): void {
  assert.equal(explanation.linesRead, lineCount(text));
  assert.equal(explanation.recognised, explanation.answers.length > 0);
  const seen = new Set<number>();
  let total = 0;
  for (const answer of explanation.answers) {
    total += answer.count;
    assert.ok(answer.lines.length === Math.min(answer.count, shownLineNumbers));
    for (const [index, line] of answer.lines.entries()) {
      assert.ok(line >= 1 && line <= explanation.linesRead);
      assert.ok(index === 0 || line > answer.lines[index - 1], 'ascending');
      assert.ok(!seen.has(line), 'a line has one cause');
      seen.add(line);
    }
    assert.ok(text.includes(answer.example), 'the example is a line of the text');
    assert.ok(answer.scenario.id.length > 0);
  }
  assert.ok(total <= explanation.linesRead);
}

test('any text is explained without an exception, every line counted once', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.array(noiseLine, { maxLength: 30 }).map((lines) => lines.join('\n')),
      ),
      (text) => {
        const explanation = parsedOrProjectError(() => explainLockError(text));
        assert.ok(!(explanation instanceof Error));
        assertConsistent(text, explanation);
      },
    ),
    runs(3000),
  );
});

test('mutated real error reports are explained without an exception', () => {
  fc.assert(
    fc.property(mutatedReport, (text) => {
      const explanation = parsedOrProjectError(() => explainLockError(text));
      assert.ok(!(explanation instanceof Error));
      assertConsistent(text, explanation);
    }),
    runs(3000),
  );
});

test('a real error report planted among log lines is recognised at its own lines', () => {
  fc.assert(
    fc.property(
      fc.array(noiseLine, { maxLength: 40 }),
      fc.array(noiseLine, { maxLength: 40 }),
      fc.constantFrom(...reportedErrors),
      lineBreak,
      (before, after, report, newline) => {
        const reportLines = report.split(/\r\n|\r|\n/);
        const text = [...before, ...reportLines, ...after].join(newline);
        const alone = explainLockError(report);
        const planted = explainLockError(text);
        assertConsistent(text, planted);
        assert.ok(planted.recognised);
        // Each line the report alone was recognised at is recognised in the log, shifted by the lines before.
        const plantedLines = new Set(planted.answers.flatMap((answer) => answer.lines));
        for (const line of alone.answers.flatMap((answer) => answer.lines)) {
          assert.ok(plantedLines.has(line + before.length), `line ${line + before.length}`);
        }
      },
    ),
    runs(1500),
  );
});

test.after(() => {
  recordSafetyCases({ family: 'property', suite: 'explain error-text parser', tried });
});
