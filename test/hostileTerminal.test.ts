// Hostile text from outside reaches the terminal escaped: a real process whose name and command line
// carry HTML, ANSI escape sequences and bidi controls holds a lock on a database whose folder and file
// names carry more of the same; `locks`, `inspect` and a bad-input error print it all with no escape
// sequence, no C0/C1 control and no bidi control left raw, and --json keeps the exact text.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { LockReport } from '../src/engine/locks/lockReport';
import { hostileStrings, firstRawControl } from './support/hostileText';
import { holdLockHostile, hostileProcessNameAsRead } from './support/hostileProcess';
import { slow } from './support/lockReports';
import { runCli } from './support/runCli';
import { recordSafetyCases } from './support/safetyTally';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

/** A folder and a file name that a file system accepts (no '/', no NUL) and a terminal must not act on. */
const hostileFolder =
  '<img src=x onerror=alert(1)> \u001b]8;;https:evil.example\u0007 \u202E[a](command:x) |';
const hostileFile = '\u001b[31m<svg onload=alert(1)>\u2066\u009B2J.db';
const argv0 = '\u001b]52;c;ZXZpbA==\u0007<script>\u202Eevil';

let tried = 0;
let markupRendered = 0;
after(() =>
  recordSafetyCases({
    family: 'hostile-text',
    suite: 'terminal: locks, inspect, errors',
    tried,
    markupRendered,
  }),
);

/** One case: the terminal text has no raw control character. */
function assertNoRawControl(output: string, what: string): void {
  tried++;
  const found = firstRawControl(output);
  if (found !== undefined) {
    markupRendered++;
  }
  assert.equal(found, undefined, `${what}: a raw control character reached the terminal (${found})`);
}

test(
  'a hostile process holding a lock on a hostile path: locks, locks --json and inspect print it escaped',
  slow,
  async (t) => {
    const folder = join(tempFolderFor(t), hostileFolder);
    mkdirSync(folder);
    const database = makeItemsDatabase(folder, 'delete', hostileFile);
    const holder = await holdLockHostile(
      folder,
      database,
      argv0,
      hostileStrings.filter((entry) => entry.text.length < 200).map((entry) => entry.text),
    );
    t.after(() => holder.release());

    const text = await runCli(['locks', database]);
    assert.equal(text.code, 0, text.stderr);
    assertNoRawControl(text.stdout, 'locks');
    const row = text.stdout.split('\n').find((line) => line.startsWith(`${holder.pid} `));
    assert.ok(row, `the holder's row, by PID ${holder.pid}:\n${text.stdout}`);
    // The name shows as the characters it is: the escape and the override as U+FFFD, the tag as text.
    assert.match(row, /\[31m<b>\uFFFDx/);
    assert.match(row, /RESERVED/);
    // In a command line, /proc's C0 controls read as blanks; the bidi override shows as U+FFFD.
    assert.match(text.stdout, new RegExp(`PID ${holder.pid}: \\]52;c;ZXZpbA== <script>\uFFFDevil`));
    assert.ok(text.stdout.includes('<img src=x onerror=alert(1)>'), 'the folder name is shown as text');

    const json = await runCli(['locks', database, '--json']);
    assert.equal(json.code, 0, json.stderr);
    assertNoRawControl(json.stdout, 'locks --json');
    const report = JSON.parse(json.stdout) as LockReport;
    const entry = report.holders.find((candidate) => candidate.pid === holder.pid);
    // The name as read (the kernel's comm): C0 controls as blanks, the bidi override as U+FFFD.
    assert.equal(entry?.command, hostileProcessNameAsRead);
    assert.ok(report.file.endsWith(hostileFile), 'the path keeps its exact characters in JSON');

    const inspect = await runCli(['inspect', database]);
    assert.equal(inspect.code, 0, inspect.stderr);
    assertNoRawControl(inspect.stdout, 'inspect');
    assert.match(inspect.stdout, new RegExp(`PID ${holder.pid} \\[31m<b>\uFFFDx`));

    const inspectJson = await runCli(['inspect', database, '--json']);
    assertNoRawControl(inspectJson.stdout, 'inspect --json');
  },
);

test('bad input naming a hostile path: one line on stderr, escaped', async (t) => {
  const missing = join(tempFolderFor(t), hostileFolder, hostileFile);
  for (const command of ['locks', 'inspect', 'checkpoint']) {
    const run = await runCli([command, missing]);
    assert.equal(run.code, 2, `${command}: ${run.stderr}`);
    assertNoRawControl(run.stderr, `${command} error`);
    assert.equal(run.stderr.trim().split('\n').length, 1, `${command}: one line: ${run.stderr}`);
  }
});
