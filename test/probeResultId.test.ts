// Every probe result carries an id of its own, so the panel and its storage recognise a result without
// comparing its contents: two runs of the same probe get different ids.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runProbe } from '../src/engine/probe/runProbe';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

test('two runs of the same probe get two different ids', async (t) => {
  const database = makeItemsDatabase(tempFolderFor(t));
  const run = () =>
    runProbe({
      database,
      preset: 'burst',
      presetOptions: { writers: 2, transactions: 1 },
      model: 'threads',
      journal: 'wal',
      busyTimeoutMs: 5000,
      // IMMEDIATE: deferred read-then-write writers may fail with SQLITE_BUSY_SNAPSHOT by timing alone.
      begin: 'immediate',
      inPlace: false,
    });
  const first = await run();
  const second = await run();
  for (const result of [first, second]) {
    assert.match(result.id, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  }
  assert.notEqual(first.id, second.id);
  // Same probe, same outcome: only the id tells them apart.
  assert.deepEqual(first.rows, { attempted: 2, committed: 2, found: 2 });
  assert.deepEqual(second.rows, first.rows);
});
