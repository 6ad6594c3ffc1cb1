// The JavaScript rules' quick fixes, applied to their corpus samples: the edited file still parses, and
// the rule no longer fires where the fix was applied (the other findings in the file stay).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeSource } from '../src/engine/hints/analyzeSource';
import type { HintFinding, SourceFile } from '../src/engine/hints/hintTypes';
import { sourceLanguageOf } from '../src/engine/hints/sourceLanguage';
import { applyHintEdit as applyEdit, parsesCleanly } from './support/hintEdits';

const corpus = join(__dirname, '..', '..', 'test', 'fixtures', 'hints');
const rulesWithFixes = [
  'js-database-sync-no-timeout',
  'js-better-sqlite3-deferred-transaction',
  'js-node-sqlite3-no-busy-timeout',
];

function sample(ruleId: string, name: string): SourceFile {
  const path = join(corpus, ruleId, name);
  return { path: name, text: readFileSync(path, 'utf8'), language: sourceLanguageOf(path)! };
}

async function findingsOf(file: SourceFile, ruleId: string): Promise<HintFinding[]> {
  return analyzeSource(file, { onlyRules: new Set([ruleId]) });
}

for (const ruleId of rulesWithFixes) {
  for (const name of readdirSync(join(corpus, ruleId))) {
    const file = sample(ruleId, name);
    if (!file.text.includes(`expect-hint: ${ruleId}`)) {
      continue;
    }
    test(`${ruleId}/${name}: every quick fix parses and silences its finding`, async () => {
      const findings = await findingsOf(file, ruleId);
      const fixable = findings.filter((finding) => finding.quickFix !== undefined);
      for (const finding of fixable) {
        const fixed = { ...file, text: applyEdit(file.text, finding.quickFix!) };
        assert.ok(
          await parsesCleanly(file.language as 'javascript', fixed.text),
          `${finding.quickFix!.title} breaks the syntax`,
        );
        const after = await findingsOf(fixed, ruleId);
        assert.equal(after.length, findings.length - 1, `${finding.quickFix!.title} leaves its finding`);
      }
    });
  }
}

test('the DatabaseSync fix adds the option as a second argument or into the options object', async () => {
  const cases: Array<[string, string]> = [
    ["new DatabaseSync('app.db');", "new DatabaseSync('app.db', { timeout: 5000 });"],
    ["new DatabaseSync('app.db', {});", "new DatabaseSync('app.db', { timeout: 5000 });"],
    [
      "new DatabaseSync('app.db', { readOnly: true });",
      "new DatabaseSync('app.db', { timeout: 5000, readOnly: true });",
    ],
  ];
  for (const [before, after] of cases) {
    const text = `import { DatabaseSync } from 'node:sqlite';\nexport const db = ${before}\n`;
    const [finding] = await findingsOf(
      { path: 'db.mjs', text, language: 'javascript' },
      'js-database-sync-no-timeout',
    );
    assert.equal(
      applyEdit(text, finding.quickFix!),
      `import { DatabaseSync } from 'node:sqlite';\nexport const db = ${after}\n`,
    );
  }
});

test('the better-sqlite3 fix calls the transaction with .immediate, and turns .deferred into .immediate', async () => {
  const file = sample('js-better-sqlite3-deferred-transaction', 'job-queue.ts');
  const fixed = (await findingsOf(file, 'js-better-sqlite3-deferred-transaction')).map((finding) =>
    applyEdit(file.text, finding.quickFix!).split('\n')[finding.range.startLine].trim(),
  );
  assert.deepEqual(fixed, [
    'return this.claimOldest.immediate(); // expect-hint: js-better-sqlite3-deferred-transaction',
    'return this.claimOldest.immediate(); // expect-hint: js-better-sqlite3-deferred-transaction',
  ]);
});

test('the node-sqlite3 fix configures the busy timeout on the next line, indented like the open', async () => {
  const text =
    "const sqlite3 = require('sqlite3');\nfunction open() {\n  const db = new sqlite3.Database('a.db');\n  return db;\n}\n";
  const [finding] = await findingsOf(
    { path: 'db.js', text, language: 'javascript' },
    'js-node-sqlite3-no-busy-timeout',
  );
  assert.equal(
    applyEdit(text, finding.quickFix!),
    "const sqlite3 = require('sqlite3');\nfunction open() {\n  const db = new sqlite3.Database('a.db');\n  db.configure('busyTimeout', 5000);\n  return db;\n}\n",
  );
});

test('a Prisma finding offers no edit (the URL often comes from the environment)', async () => {
  const findings = await findingsOf(
    sample('prisma-sqlite-concurrent-writers', 'env-url.prisma'),
    'prisma-sqlite-concurrent-writers',
  );
  assert.equal(findings.length, 1);
  assert.equal(findings[0].quickFix, undefined);
  assert.equal(findings[0].severity, 'information');
});
