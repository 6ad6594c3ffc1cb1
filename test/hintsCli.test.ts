// `sqlite-lock-doctor hints` as CI runs it: the built CLI as a real process on temp folders. Exit 0 when
// clean, 1 with the finding's line when the corpus's flagged samples are there, 2 for bad input; the
// SARIF is valid; .gitignore and --rule decide what is scanned and reported.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { hintRules } from '../src/engine/hints/hintRules';
import type { HintsJson } from '../src/report/hints/hintsJson';
import { runCli } from './support/runCli';
import { sarifProblems } from './support/sarifSchema';
import { markedSamples, writeTree } from './support/sourceTree';
import { tempFolderFor } from './support/tempDatabase';

const samples = markedSamples();
const noRules = samples.length === 0 ? 'no rule has landed in the registry yet' : false;
/** A flagged sample and the rule it is flagged by (the first marked line's). */
const flagged = samples[0];
const flaggedRule = flagged?.expected[0].split(':')[1];
const cleanFiles = {
  'app/main.py': 'import sqlite3\n\n\ndef main():\n    print("hello")\n',
  'web/server.ts': 'export const port = 8000;\n',
  'cmd/tool/main.go': 'package main\n\nfunc main() {}\n',
};

test('a clean folder: exit 0 and the number of files read', async (t) => {
  const root = tempFolderFor(t);
  writeTree(root, { ...cleanFiles, 'README.md': '# not code\n' });
  const run = await runCli(['hints', root]);
  assert.equal(run.stderr, '');
  assert.equal(run.stdout, 'No lock hazards found in 3 files.\n');
  assert.equal(run.code, 0);
});

test('DIR defaults to the current folder', async (t) => {
  const root = tempFolderFor(t);
  writeTree(root, cleanFiles);
  const run = await runCli(['hints', '--json'], { cwd: root });
  assert.equal(run.code, 0);
  const json = JSON.parse(run.stdout) as HintsJson;
  assert.equal(json.filesScanned, 3);
  assert.equal(json.schema, 'sqlite-lock-doctor/hints@1');
});

test(
  'a flagged sample: exit 1, its line printed as path:line:col, the summary counts it',
  { skip: noRules },
  async (t) => {
    const root = tempFolderFor(t);
    writeTree(root, { ...cleanFiles, [`src/${flagged.name}`]: flagged.text });
    const run = await runCli(['hints', root]);
    assert.equal(run.code, 1, run.stderr);
    for (const entry of flagged.expected) {
      const [line, ruleId] = entry.split(':');
      assert.match(run.stdout, new RegExp(`^src/${flagged.name}:${line}:\\d+ +\\S+ +${ruleId} `, 'm'));
    }
    assert.match(run.stdout, new RegExp(`\\n${flagged.expected.length} hints? in 1 of 4 files\\.\\n$`));
  },
);

test('--sarif on a clean folder: a valid log with no results, exit 0', async (t) => {
  const root = tempFolderFor(t);
  writeTree(root, cleanFiles);
  const clean = await runCli(['hints', root, '--sarif']);
  assert.equal(clean.code, 0);
  const log = JSON.parse(clean.stdout) as { runs: { results: unknown[] }[] };
  assert.deepEqual(sarifProblems(log), []);
  assert.deepEqual(log.runs[0].results, []);
});

interface SarifLocations {
  runs: {
    results: {
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
    }[];
  }[];
}

test(
  '--sarif with a flagged sample: valid, exit 1, a result on each marked line',
  { skip: noRules },
  async (t) => {
    const root = tempFolderFor(t);
    writeTree(root, { ...cleanFiles, [flagged.name]: flagged.text });
    const found = await runCli(['hints', root, '--sarif']);
    assert.equal(found.code, 1);
    const log = JSON.parse(found.stdout) as SarifLocations;
    assert.deepEqual(sarifProblems(log), []);
    const lines = log.runs[0].results.map(
      ({ locations: [{ physicalLocation }] }) =>
        `${physicalLocation.artifactLocation.uri}:${physicalLocation.region.startLine}`,
    );
    const expected = flagged.expected.map((entry) => `${encodeURI(flagged.name)}:${entry.split(':')[0]}`);
    assert.deepEqual(lines.sort(), expected.sort());
  },
);

test('a file .gitignore lists is neither read nor reported', async (t) => {
  const root = tempFolderFor(t);
  execFileSync('git', ['init', '--quiet'], { cwd: root });
  const ignoredText = flagged?.text ?? 'x = 1\n';
  writeTree(root, {
    ...cleanFiles,
    '.gitignore': 'generated/\n',
    'generated/sample.py': ignoredText,
    'generated/sample.ts': ignoredText,
  });
  const run = await runCli(['hints', root, '--json']);
  assert.equal(run.code, 0, run.stdout);
  const json = JSON.parse(run.stdout) as HintsJson;
  assert.equal(json.filesScanned, 3);
  assert.deepEqual(json.findings, []);
});

test('--rule: only the chosen rules run', { skip: noRules }, async (t) => {
  const root = tempFolderFor(t);
  writeTree(root, { [flagged.name]: flagged.text });
  const chosen = await runCli(['hints', root, '--json', '--rule', flaggedRule]);
  assert.equal(chosen.code, 1);
  const json = JSON.parse(chosen.stdout) as HintsJson;
  assert.ok(json.findings.length > 0 && json.findings.every((finding) => finding.ruleId === flaggedRule));
  const other = hintRules.find(
    (rule) =>
      rule.info.id !== flaggedRule && !flagged.expected.some((entry) => entry.endsWith(`:${rule.info.id}`)),
  );
  if (other !== undefined) {
    const filtered = await runCli(['hints', root, '--rule', other.info.id]);
    assert.equal(filtered.code, 0, filtered.stdout);
    assert.match(filtered.stdout, /^No lock hazards found in 1 file\.\n$/);
  }
});

test('bad input: one sentence naming the folder, the rule or the flags, exit 2, nothing on stdout', async (t) => {
  const root = tempFolderFor(t);
  writeTree(root, cleanFiles);
  const cases: [string[], RegExp][] = [
    [['hints', `${root}/missing`], new RegExp(`^sqlite-lock-doctor: ${root}/missing: no such folder\\n$`)],
    [['hints', `${root}/app/main.py`], /: not a folder \(hints scans a folder of source code\)\n$/],
    [
      ['hints', root, '--rule', 'no-such-rule'],
      /^sqlite-lock-doctor: --rule: no rule "no-such-rule"; the rules are: .+\n$/,
    ],
    [
      ['hints', root, '--json', '--sarif'],
      /^sqlite-lock-doctor: --json and --sarif are two output formats: choose one\n$/,
    ],
    [['hints', root, root], /^sqlite-lock-doctor: hints takes at most one folder/],
  ];
  for (const [args, expected] of cases) {
    const run = await runCli(args);
    assert.equal(run.code, 2, args.join(' '));
    assert.match(run.stderr, expected);
    assert.equal(run.stdout, '');
  }
  const listed = await runCli(['hints', root, '--rule', 'no-such-rule']);
  for (const rule of hintRules) {
    assert.ok(listed.stderr.includes(rule.info.id), `the message lists ${rule.info.id}`);
  }
});
