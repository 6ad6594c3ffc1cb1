// better-sqlite3 13 crashes (SIGSEGV) on a Node without N-API 10; the tool must say so in a sentence.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { cliPath } from './support/runCli';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

// These machines ship Node 20 as /usr/bin/node beside the Node 24 that npm install brings.
const oldNode = '/usr/bin/node';
const oldVersion = spawnSync(oldNode, ['--version'], { encoding: 'utf8' }).stdout?.trim() ?? '';

test(`the command-line twin on ${oldVersion || 'an old Node'}: exit 1 and one sentence, no crash`, (t) => {
  if (!/^v(1\d|2[01])\./.test(oldVersion)) {
    t.skip(`${oldNode} is ${oldVersion || 'missing'}, not a Node older than 22`);
    return;
  }
  const run = spawnSync(oldNode, [cliPath, 'inspect', makeItemsDatabase(tempFolderFor(t))], {
    encoding: 'utf8',
  });
  assert.equal(run.signal, null, 'not killed by a signal');
  assert.equal(run.status, 1, run.stderr);
  assert.match(run.stderr, /^sqlite-lock-doctor: SQLite Lock Doctor needs Node 22 or newer/);
  assert.equal(run.stderr.trim().split('\n').length, 1);
});
