// `sweep` and the probe's load shape from the command line: the headroom curve of the seed (every
// request served by one client; lock errors from two on, with a busy timeout shorter than B's hold),
// the per-request records, bad input as one sentence naming the flag, and Ctrl-C stopping cleanly.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import type { ProbeResult } from '../src/engine/probe/probeTypes';
import { sweepResultSchema, type SweepResult } from '../src/engine/sweep/sweepTypes';
import { startCli } from './support/cliProcess';
import { isRunning } from './support/processAlive';
import { runCli } from './support/runCli';
import { makeItemsDatabase, readBack, sha256, tempFolderFor } from './support/tempDatabase';

test('sweep of the seed: one client serves all, two meet the held write lock', async (t) => {
  const database = makeItemsDatabase(tempFolderFor(t));
  const before = readBack(database);
  // B holds its write lock 1 s; with a 300 ms busy timeout the request behind it fails.
  const args = ['sweep', database, '--clients', '1,2', '--requests', '4', '--busy-timeout', '300'];
  const run = await runCli([...args, '--model', 'threads', '--json']);
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as SweepResult;
  assert.equal(result.schema, sweepResultSchema);
  assert.equal(result.preset, 'seed');
  assert.deepEqual(
    result.levels.map((level) => [level.clients, level.requests]),
    [
      [1, 4],
      [2, 4],
    ],
  );
  const [one, two] = result.levels;
  assert.equal(one.succeeded, 4, JSON.stringify(one));
  assert.ok(two.failed >= 1, JSON.stringify(two));
  assert.equal(two.lockErrors.SQLITE_BUSY, two.failed, 'the failures are the busy timeout');
  assert.equal(result.firstFailingClients, 2);
  assert.ok(one.latencyMs.max >= 900, "B's 1 s hold is in its request's time");
  assert.deepEqual(readBack(database), before, "the user's file is untouched");

  const text = await runCli([...args, '--model', 'blocking']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /Clients\s+Requests\s+OK\s+Failed\s+Success/);
  assert.match(text.stdout, /^\s+1\s+4\s+4\s+0\s+100 %/m);
  assert.match(text.stdout, /^\s+2\s+4\s+\d\s+\d\s+\d+ %.*SQLITE_BUSY \d/m);
  assert.match(text.stdout, /Headroom ends at 2 clients/);
  assert.match(text.stderr, /sweep: 1 client at a time/);
});

test('probe --requests --clients: lanes are clients, each request recorded with its kind', async (t) => {
  const database = makeItemsDatabase(tempFolderFor(t));
  const run = await runCli([
    'probe',
    database,
    '--requests',
    '4',
    '--clients',
    '2',
    '--model',
    'processes',
    '--json',
  ]);
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as ProbeResult;
  assert.deepEqual(result.config.load, { requests: 4, clients: 2, gapMs: 10 });
  assert.deepEqual(
    result.sessions.map((session) => session.name),
    ['client 1', 'client 2'],
  );
  const requests = result.requests ?? [];
  assert.deepEqual(
    requests.map((request) => [request.index, request.kind]),
    [
      [0, 'A'],
      [1, 'B'],
      [2, 'A'],
      [3, 'B'],
    ],
  );
  const succeeded = requests.filter((request) => request.outcome === 'succeeded').length;
  assert.equal(succeeded, 4, 'a 5 s busy timeout outlasts B’s 1 s hold');
  assert.equal(result.rows.found, succeeded, 'one row per served request, found in the copy');
  for (const request of requests) {
    assert.ok(request.endMs >= request.startMs, JSON.stringify(request));
  }
  const lanes = new Set(requests.map((request) => request.client));
  assert.deepEqual([...lanes].sort(), ['client 1', 'client 2']);
});

test('bad load-shape and sweep flags: one sentence naming the flag, nothing run', async (t) => {
  const database = makeItemsDatabase(tempFolderFor(t));
  const hash = sha256(database);
  const cases: [string[], RegExp][] = [
    [['sweep', database, '--clients', '4,2'], /--clients must ascend/],
    [
      ['sweep', database, '--clients', '1,0'],
      /each of --clients must be a whole number from 1 to 64, not "0"/,
    ],
    [['sweep', database, '--clients', '1,,2'], /each of --clients must be a whole number/],
    [['sweep', database, '--requests', 'many'], /--requests must be a whole number from 1 to 10000/],
    [['probe', database, '--clients', '65'], /--clients must be a whole number from 1 to 64, not "65"/],
    [['probe', database, '--gap', '5'], /--gap applies to the load shape/],
  ];
  for (const [args, message] of cases) {
    const run = await runCli(args);
    assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
    assert.match(run.stderr, message);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    assert.equal(run.stdout, '');
  }
  assert.equal(sha256(database), hash);
});

function childPids(parentPid: number): number[] {
  const listed = spawnSync('pgrep', ['-P', String(parentPid)], { encoding: 'utf8' }).stdout.trim();
  return listed === '' ? [] : listed.split('\n').map(Number);
}

test('Ctrl-C during a sweep: cancelled in one sentence, the levels done printed, no client left', async (t) => {
  const database = makeItemsDatabase(tempFolderFor(t));
  const before = readBack(database);
  const sweep = startCli(t, [
    'sweep',
    database,
    '--clients',
    '1,2,4',
    '--requests',
    '4',
    '--model',
    'processes',
  ]);
  await sweep.untilStderr(/sweep: 2 clients at a time/);
  // The second level's clients, once they run (a level ends in about a second: B's hold).
  let clients: number[] = [];
  for (let tries = 0; tries < 400 && clients.length === 0; tries++) {
    clients = childPids(sweep.child.pid ?? -1);
    if (clients.length === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  sweep.child.kill('SIGINT');
  const code = await sweep.closed;
  assert.equal(code, 1, sweep.stderr());
  assert.match(sweep.stderr(), /the sweep was cancelled after [12] of 3 levels/);
  assert.match(sweep.stdout(), /^\s+1\s+4\s+4\s+0\s+100 %/m, 'the level done is printed');
  assert.deepEqual(clients.filter(isRunning), [], 'no client process left');
  assert.deepEqual(readBack(database), before);
});
