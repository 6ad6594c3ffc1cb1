// The sweep as an engine call (how the extension runs it: in a child process of its own), each level
// reported as it completes, before the answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callEngine } from '../src/engine/process/callEngine';
import type { SweepLevel } from '../src/engine/sweep/sweepTypes';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

test('callEngine sweep: levels arrive one by one, then the result with the same levels', async (t) => {
  const database = makeItemsDatabase(tempFolderFor(t));
  const arrived: SweepLevel[] = [];
  const result = await callEngine(
    {
      type: 'sweep',
      options: {
        database,
        preset: 'seed',
        model: 'threads',
        journal: 'keep',
        busyTimeoutMs: 5000,
        levels: [1, 2],
        requests: 2,
      },
    },
    { onSweepLevel: (level) => arrived.push(level) },
  );
  assert.deepEqual(
    arrived.map((level) => level.clients),
    [1, 2],
  );
  assert.deepEqual(result.levels, arrived);
  assert.deepEqual(
    result.levels.map((level) => level.succeeded),
    [2, 2],
    'A and B both commit: the 5 s timeout outlasts the 1 s hold',
  );
  assert.equal(result.firstFailingClients, undefined);
});
