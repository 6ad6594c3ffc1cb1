// `explain` on real error texts from public issue threads (test/fixtures/explain/corpus.json keeps each
// text's source), and on look-alikes that must be "not recognised".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { explainLockError } from '../src/engine/explain/explainLockError';

interface CorpusText {
  source: string;
  language: string;
  text: string;
  expect: string[];
}

interface LookAlike {
  what: string;
  source: string | null;
  text: string;
}

const fixtures = join(__dirname, '..', '..', 'test', 'fixtures', 'explain');
const corpus = JSON.parse(readFileSync(join(fixtures, 'corpus.json'), 'utf8')) as CorpusText[];
const lookAlikes = JSON.parse(readFileSync(join(fixtures, 'lookalikes.json'), 'utf8')) as LookAlike[];

test('the corpus has at least 25 real texts, each with its source, across the ecosystems', () => {
  assert.ok(corpus.length >= 25, `${corpus.length} texts`);
  for (const entry of corpus) {
    assert.match(entry.source, /^https:\/\/github\.com\/[^/]+\/[^/]+\/(?:issues|pull)\/\d+$/);
  }
  for (const family of ['Python', 'SQLAlchemy', 'Django', 'Rails', 'Go', 'Node', 'Prisma', 'Litestream']) {
    assert.ok(
      corpus.some((entry) => entry.language.startsWith(family)),
      `a text from ${family}`,
    );
  }
});

for (const entry of corpus) {
  test(`explain: ${entry.language}, ${entry.source}`, () => {
    const explanation = explainLockError(entry.text);
    assert.equal(explanation.recognised, true);
    assert.deepEqual(
      explanation.answers.map((answer) => answer.scenario.id),
      entry.expect,
    );
    for (const answer of explanation.answers) {
      assert.ok(answer.count >= 1);
      assert.equal(
        Object.values(answer.kinds).reduce((sum, count) => sum + count, 0),
        answer.count,
      );
      assert.ok(entry.text.includes(answer.example), 'the example is a line of the text');
    }
  });
}

for (const entry of lookAlikes) {
  test(`not recognised: ${entry.what}`, () => {
    const explanation = explainLockError(entry.text);
    assert.equal(explanation.recognised, false);
    assert.deepEqual(explanation.answers, []);
  });
}
