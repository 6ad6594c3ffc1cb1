// The Go DSN quick fixes: applied to the code, the DSN carries the driver's own parameter, the file
// still parses, and the hint is gone.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeSource } from '../src/engine/hints/analyzeSource';
import type { HintFinding } from '../src/engine/hints/hintTypes';
import { applyHintEdit as applyEdit, parsesCleanly } from './support/hintEdits';

const corpus = join(__dirname, '..', '..', 'test', 'fixtures', 'hints');

async function findings(text: string, rule: string): Promise<HintFinding[]> {
  return analyzeSource({ path: 'main.go', text, language: 'go' }, { onlyRules: new Set([rule]) });
}

async function assertFixed(text: string, rule: string): Promise<string> {
  const [finding, ...others] = await findings(text, rule);
  assert.ok(finding?.quickFix, `${rule} offers a quick fix`);
  assert.equal(others.length, 0);
  const fixed = applyEdit(text, finding.quickFix);
  assert.ok(await parsesCleanly('go', fixed), fixed);
  assert.deepEqual(await findings(fixed, rule), []);
  return fixed;
}

const modernc = (dsn: string): string =>
  `package main\n\nimport (\n\t"database/sql"\n\t"fmt"\n\n\t_ "modernc.org/sqlite"\n)\n\nfunc open(path string) (*sql.DB, error) {\n\t_ = fmt.Sprint\n\treturn sql.Open("sqlite", ${dsn})\n}\n`;

for (const [dsn, expected] of [
  ['"app.db"', '"app.db?_pragma=busy_timeout(5000)"'],
  [
    '"file:app.db?_pragma=journal_mode(WAL)"',
    '"file:app.db?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)"',
  ],
  ['"file:app.db?"', '"file:app.db?_pragma=busy_timeout(5000)"'],
  [
    '`file:app.db?_pragma=foreign_keys(1)`',
    '`file:app.db?_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)`',
  ],
  ['path + "?_pragma=journal_mode(WAL)"', 'path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)"'],
  [
    'fmt.Sprintf("file:%s?mode=rwc", path)',
    'fmt.Sprintf("file:%s?mode=rwc&_pragma=busy_timeout(5000)", path)',
  ],
]) {
  test(`go-dsn-no-busy-timeout: the quick fix turns ${dsn} into ${expected}`, async () => {
    const fixed = await assertFixed(modernc(dsn), 'go-dsn-no-busy-timeout');
    assert.ok(fixed.includes(`sql.Open("sqlite", ${expected})`), fixed);
  });
}

test('go-dsn-no-busy-timeout: no quick fix where the source does not end the DSN with a literal', async () => {
  // `"file:" + path` may carry its own query: the rule does not guess, and reports nothing.
  assert.deepEqual(await findings(modernc('"file:" + path'), 'go-dsn-no-busy-timeout'), []);
});

test('go-dsn-deferred-txlock: the quick fix adds _txlock=immediate to the constant the DSN names', async () => {
  const text = readFileSync(join(corpus, 'go-dsn-deferred-txlock', 'modernc_counter.go'), 'utf8');
  const fixed = await assertFixed(text, 'go-dsn-deferred-txlock');
  assert.ok(fixed.includes('const dsn = "counter.db?_pragma=busy_timeout(5000)&_txlock=immediate"'), fixed);
});

test('go-dsn-deferred-txlock: the quick fix on a mattn DSN keeps its other parameters', async () => {
  const text = readFileSync(join(corpus, 'go-dsn-deferred-txlock', 'bank_transfer.go'), 'utf8');
  const fixed = await assertFixed(text, 'go-dsn-deferred-txlock');
  assert.ok(fixed.includes('"file:bank.db?_journal_mode=WAL&_busy_timeout=5000&_txlock=immediate"'), fixed);
});

test('go-dsn-deferred-txlock: a DSN that says _txlock=deferred gets the hint but no second _txlock', async () => {
  const text = readFileSync(join(corpus, 'go-dsn-deferred-txlock', 'bank_transfer.go'), 'utf8').replace(
    '_busy_timeout=5000"',
    '_busy_timeout=5000&_txlock=deferred"',
  );
  const [finding, ...others] = await findings(text, 'go-dsn-deferred-txlock');
  assert.equal(others.length, 0);
  assert.equal(finding.quickFix, undefined);
  assert.match(finding.message, /reads \(line \d+\) and then writes \(line \d+\)/);
});

test('every quick fix offered on the Go corpus applies cleanly and removes its hint', async () => {
  let applied = 0;
  for (const rule of ['go-dsn-no-busy-timeout', 'go-dsn-deferred-txlock']) {
    for (const name of readdirSync(join(corpus, rule)).filter((file) => file.endsWith('.go'))) {
      const text = readFileSync(join(corpus, rule, name), 'utf8');
      for (const finding of await findings(text, rule)) {
        if (finding.quickFix === undefined) {
          continue;
        }
        const fixed = applyEdit(text, finding.quickFix);
        assert.ok(await parsesCleanly('go', fixed), `${name}: ${fixed}`);
        const line = finding.range.startLine;
        assert.ok(
          !(await findings(fixed, rule)).some((after) => after.range.startLine === line),
          `${name}:${line + 1}`,
        );
        applied += 1;
      }
    }
  }
  assert.ok(applied >= 4, `${applied} quick fixes applied`);
});
