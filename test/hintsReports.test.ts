// The three renderings of a folder's findings: the terminal's lines and summary, `hints@1` JSON with
// 1-based positions and each finding's rule, and SARIF that the official 2.1.0 schema accepts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FolderFindings, HintFinding, HintRuleInfo } from '../src/engine/hints/hintTypes';
import { hintsJson } from '../src/report/hints/hintsJson';
import { hintsSarif } from '../src/report/hints/hintsSarif';
import { formatHintsText } from '../src/report/hints/hintsText';
import { toolIdentity } from '../src/cli/toolIdentity';
import { sarifProblems } from './support/sarifSchema';

const packageJson = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  version: string;
};

const noTimeout: HintRuleInfo = {
  id: 'example-no-busy-timeout',
  languages: ['javascript', 'typescript'],
  message: 'DatabaseSync opened without a busy timeout: a second writer fails at once.',
  severity: 'warning',
  fix: 'Pass { timeout: 5000 } to new DatabaseSync().',
  scenario: {
    preset: 'seed',
    model: 'processes',
    busyTimeoutMs: 0,
    shows: 'A fails at once with SQLITE_BUSY.',
  },
};
const sharedCache: HintRuleInfo = {
  id: 'example-shared-cache',
  languages: ['python'],
  message: 'cache=shared turns SQLITE_BUSY into SQLITE_LOCKED, which no busy timeout waits for.',
  severity: 'information',
  fix: 'Drop cache=shared from the URI.',
};

function finding(
  file: string,
  line: number,
  column: number,
  rule: HintRuleInfo,
  message = rule.message,
): HintFinding {
  return {
    ruleId: rule.id,
    file,
    range: { startLine: line, startColumn: column, endLine: line, endColumn: column + 10 },
    message,
    severity: rule.severity,
  };
}

const result: FolderFindings = {
  findings: [
    {
      ...finding('web/db.ts', 4, 11, noTimeout),
      quickFix: {
        title: 'Add a 5 s busy timeout',
        range: { startLine: 4, startColumn: 30, endLine: 4, endColumn: 30 },
        newText: ', { timeout: 5000 }',
      },
    },
    finding('web/worker #2.ts', 0, 0, noTimeout),
    finding('app/evil\u001b[31mname.py', 9, 4, sharedCache, 'cache=shared in "file:x?cache=shared\u001b[2J"'),
  ],
  filesScanned: 140,
  filesSkipped: [{ path: 'static/app.min.js', reason: 'minified' }],
};

test('text: one compiler-style line per finding, control characters escaped, then the summary', () => {
  const lines = formatHintsText(result).split('\n');
  assert.match(lines[0], /^web\/db\.ts:5:12\s+warning\s+example-no-busy-timeout\s+DatabaseSync opened/);
  assert.match(lines[1], /^web\/worker #2\.ts:1:1\s+warning\s+example-no-busy-timeout/);
  assert.match(
    lines[2],
    /^app\/evil\uFFFD\[31mname\.py:10:5\s+information\s+example-shared-cache\s+cache=shared/,
  );
  assert.ok(!formatHintsText(result).includes('\u001b'), 'no escape sequence reaches the terminal');
  assert.ok(lines.includes('3 hints in 3 of 140 files.'));
  assert.ok(lines.some((line) => /^ {2}static\/app\.min\.js\s+minified$/.test(line)));
});

test('text: the clean summary, and the singular', () => {
  assert.equal(
    formatHintsText({ findings: [], filesScanned: 140, filesSkipped: [] }),
    'No lock hazards found in 140 files.\n',
  );
  const one = formatHintsText({
    findings: [finding('a.ts', 0, 0, noTimeout)],
    filesScanned: 1,
    filesSkipped: [],
  });
  assert.ok(one.endsWith('\n1 hint in 1 of 1 file.\n'), one);
});

test('json: hints@1 with 1-based positions and the rule that explains each finding', () => {
  const json = hintsJson('/srv/app', result, [noTimeout, sharedCache]);
  assert.equal(json.schema, 'sqlite-lock-doctor/hints@1');
  assert.equal(json.root, '/srv/app');
  assert.equal(json.filesScanned, 140);
  assert.deepEqual(json.filesSkipped, result.filesSkipped);
  const first = json.findings[0];
  assert.deepEqual(
    {
      file: first.file,
      line: first.line,
      column: first.column,
      endLine: first.endLine,
      endColumn: first.endColumn,
    },
    { file: 'web/db.ts', line: 5, column: 12, endLine: 5, endColumn: 22 },
  );
  assert.deepEqual(first.rule, {
    id: noTimeout.id,
    message: noTimeout.message,
    fix: noTimeout.fix,
    docs: 'docs/hints.md#example-no-busy-timeout',
    scenario: noTimeout.scenario,
  });
  assert.deepEqual(first.quickFix, {
    title: 'Add a 5 s busy timeout',
    newText: ', { timeout: 5000 }',
    range: { line: 5, column: 31, endLine: 5, endColumn: 31 },
  });
  assert.equal(json.findings[2].rule.scenario, undefined);
  assert.equal(json.findings[2].severity, 'information');
});

test('sarif: valid against the official 2.1.0 schema, with rules, levels, relative locations and regions', () => {
  const log = hintsSarif('/srv/my app', result, [noTimeout, sharedCache], toolIdentity);
  assert.deepEqual(sarifProblems(log), []);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'SQLite Lock Doctor');
  assert.equal(run.tool.driver.version, packageJson.version);
  assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///srv/my%20app/' } });
  const rules = run.tool.driver.rules ?? [];
  assert.deepEqual(
    rules.map((rule) => [rule.id, rule.defaultConfiguration?.level]),
    [
      ['example-no-busy-timeout', 'warning'],
      ['example-shared-cache', 'note'],
    ],
  );
  assert.match(
    rules[0].help?.text ?? '',
    /sqlite-lock-doctor probe <your\.db> --preset seed --model processes --busy-timeout 0/,
  );
  assert.match(rules[0].help?.markdown ?? '', /docs\/hints\.md#example-no-busy-timeout/);
  const results = run.results ?? [];
  assert.deepEqual(
    results.map((entry) => [
      entry.ruleId,
      entry.ruleIndex,
      entry.level,
      entry.locations?.[0].physicalLocation?.artifactLocation?.uri,
      entry.locations?.[0].physicalLocation?.artifactLocation?.uriBaseId,
      entry.locations?.[0].physicalLocation?.region,
    ]),
    [
      [
        'example-no-busy-timeout',
        0,
        'warning',
        'web/db.ts',
        '%SRCROOT%',
        { startLine: 5, startColumn: 12, endLine: 5, endColumn: 22 },
      ],
      [
        'example-no-busy-timeout',
        0,
        'warning',
        'web/worker%20%232.ts',
        '%SRCROOT%',
        { startLine: 1, startColumn: 1, endLine: 1, endColumn: 11 },
      ],
      [
        'example-shared-cache',
        1,
        'note',
        'app/evil%1B%5B31mname.py',
        '%SRCROOT%',
        { startLine: 10, startColumn: 5, endLine: 10, endColumn: 15 },
      ],
    ],
  );
  assert.equal(run.invocations?.[0].toolExecutionNotifications?.[0].message.text, 'Not analysed: minified.');
});

test('sarif: the schema check is not vacuous (a wrong level and a missing message are caught)', () => {
  const log = hintsSarif('/srv/app', result, [noTimeout, sharedCache], toolIdentity);
  const broken = JSON.parse(JSON.stringify(log)) as { runs: { results: Record<string, unknown>[] }[] };
  broken.runs[0].results[0].level = 'information';
  delete broken.runs[0].results[1].message;
  const problems = sarifProblems(broken);
  assert.ok(
    problems.some((problem) => problem.startsWith('/runs/0/results/0/level')),
    problems.join('\n'),
  );
  assert.ok(
    problems.some((problem) => problem.includes("must have required property 'message'")),
    problems.join('\n'),
  );
});

test('sarif: a clean scan is a valid log with no results', () => {
  const log = hintsSarif(
    '/srv/app',
    { findings: [], filesScanned: 3, filesSkipped: [] },
    [noTimeout],
    toolIdentity,
  );
  assert.deepEqual(sarifProblems(log), []);
  assert.deepEqual(log.runs[0].results, []);
});
