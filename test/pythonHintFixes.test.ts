// The Python rules' quick fixes: applied to the corpus text they give code that still parses, and the
// hint they fix is gone (the others stay). Plus the exact text of the Django edits, which must fit the
// settings' own layout.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeSource } from '../src/engine/hints/analyzeSource';
import type { HintFinding } from '../src/engine/hints/hintTypes';
import { applyHintEdit as applyEdit, parsesCleanly } from './support/hintEdits';

const corpus = join(__dirname, '..', '..', 'test', 'fixtures', 'hints');
const ruleFolders = [
  'python-sqlite3-timeout-zero',
  'python-deferred-read-then-write',
  'django-sqlite-no-immediate',
];

async function findings(text: string): Promise<HintFinding[]> {
  return analyzeSource({ path: 'sample.py', text, language: 'python' });
}

const samples = ruleFolders.flatMap((folder) =>
  readdirSync(join(corpus, folder)).map((name) => join(corpus, folder, name)),
);

test('every quick fix in the corpus gives valid Python and removes exactly its own hint', async () => {
  let applied = 0;
  for (const path of samples) {
    const text = readFileSync(path, 'utf8');
    const before = await findings(text);
    for (const finding of before.filter((candidate) => candidate.quickFix !== undefined)) {
      const fixed = applyEdit(text, finding.quickFix!);
      assert.ok(
        await parsesCleanly('python', fixed),
        `${path}: "${finding.quickFix!.title}" breaks the syntax`,
      );
      const after = await findings(fixed);
      const same = (other: HintFinding) => other.ruleId === finding.ruleId;
      assert.equal(
        after.filter(same).length,
        before.filter(same).length - 1,
        `${path}:${finding.range.startLine + 1}: ${finding.ruleId} still fires after its fix`,
      );
      applied++;
    }
  }
  // timeout x4, BEGIN x2, Django x3: a fix that silently stops being offered fails here.
  assert.ok(applied >= 9, `only ${applied} quick fixes in the corpus`);
});

test('the Django fix adds OPTIONS in the settings layout, or the key to the OPTIONS there', async () => {
  const multiline = [
    'DATABASES = {',
    "    'default': {",
    "        'ENGINE': 'django.db.backends.sqlite3',",
    "        'NAME': 'db.sqlite3'",
    '    }',
    '}',
    '',
  ].join('\n');
  const [missing] = await findings(multiline);
  assert.equal(
    applyEdit(multiline, missing.quickFix!),
    multiline.replace(
      "'NAME': 'db.sqlite3'\n",
      "'NAME': 'db.sqlite3',\n        'OPTIONS': {'transaction_mode': 'IMMEDIATE'}\n",
    ),
  );

  const oneLine =
    'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "OPTIONS": {"timeout": 20}}}\n';
  const [withOptions] = await findings(oneLine);
  assert.equal(
    applyEdit(oneLine, withOptions.quickFix!),
    oneLine.replace('{"timeout": 20}', '{"timeout": 20, "transaction_mode": "IMMEDIATE"}'),
  );

  const empty = 'DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "OPTIONS": {}}}\n';
  const [emptyOptions] = await findings(empty);
  assert.equal(
    applyEdit(empty, emptyOptions.quickFix!),
    empty.replace('{}', '{"transaction_mode": "IMMEDIATE"}'),
  );
});

test('the BEGIN fix keeps the rest of the statement text', async () => {
  const text = [
    'import sqlite3',
    'conn = sqlite3.connect("app.db", isolation_level=None)',
    'conn.execute("BEGIN TRANSACTION;")',
    'conn.execute("SELECT 1").fetchone()',
    'conn.execute("DELETE FROM t")',
    '',
  ].join('\n');
  const [finding] = await findings(text);
  assert.equal(finding.range.startLine, 4);
  assert.match(applyEdit(text, finding.quickFix!), /conn\.execute\("BEGIN IMMEDIATE TRANSACTION;"\)/);
});
