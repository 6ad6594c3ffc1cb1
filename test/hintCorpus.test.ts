// The rules against the corpus in test/fixtures/hints: every file is analysed, and the findings must
// be exactly the lines marked `expect-hint: <rule-id>` (in a comment at the end of the line), no more,
// no fewer. A file without markers is a negative: it must produce nothing. Each rule needs at least
// one positive and three negatives that look similar but are safe (checked below).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { analyzeSource } from '../src/engine/hints/analyzeSource';
import { hintRules } from '../src/engine/hints/hintRules';
import { sourceLanguageOf } from '../src/engine/hints/sourceLanguage';
import { corpusFiles, expectedFindings, hintCorpus } from './support/sourceTree';

const corpus = hintCorpus;

const files = corpusFiles(corpus).filter((path) => sourceLanguageOf(path) !== undefined);
/** Per rule id: how many files mark it, and how many files of its languages mark nothing of it. */
const positives = new Map<string, number>();

for (const path of files) {
  const name = relative(corpus, path);
  const text = readFileSync(path, 'utf8');
  const expected = expectedFindings(text);
  for (const id of new Set(expected.map((entry) => entry.split(':')[1]))) {
    positives.set(id, (positives.get(id) ?? 0) + 1);
  }
  test(`${name}: ${expected.length === 0 ? 'no hint' : expected.join(', ')}`, async () => {
    const findings = await analyzeSource({ path: name, text, language: sourceLanguageOf(path)! });
    const found = findings.map((finding) => `${finding.range.startLine + 1}:${finding.ruleId}`);
    assert.deepEqual(found.sort(), expected.sort());
  });
}

test('every rule has a positive sample and at least three safe look-alikes in its folder', () => {
  for (const rule of hintRules) {
    const folder = join(corpus, rule.info.id);
    const samples = corpusFiles(folder).filter((path) => sourceLanguageOf(path) !== undefined);
    const negatives = samples.filter(
      (path) =>
        !expectedFindings(readFileSync(path, 'utf8')).some((entry) => entry.endsWith(`:${rule.info.id}`)),
    );
    assert.ok((positives.get(rule.info.id) ?? 0) >= 1, `${rule.info.id} has no positive sample`);
    assert.ok(
      negatives.length >= 3,
      `${rule.info.id} has ${negatives.length} negatives in ${folder}, needs 3`,
    );
  }
});
