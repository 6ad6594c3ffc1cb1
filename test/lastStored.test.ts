// The last probe result, recording and sweep kept in the workspace's storage across a window reload:
// recalled only for the database they belong to and only while they keep their shape. The storage is a
// Map behind vscode.Memento's two methods (the real host's reload is tested end to end).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { SweepResult } from '../src/engine/sweep/sweepTypes';
import { LastSweepStore } from '../src/extension/panel/lastResultStore';

const fixturePath = join(__dirname, '..', '..', 'test', 'fixtures', 'sweep', 'seed-threads.json');
const seedSweep = JSON.parse(readFileSync(fixturePath, 'utf8')) as SweepResult;

type Memento = ConstructorParameters<typeof LastSweepStore>[0];

function workspaceStorage(): Memento {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, fallback?: T): T | undefined =>
      values.has(key) ? (values.get(key) as T) : fallback,
    update: (key: string, value: unknown) => {
      values.set(key, JSON.parse(JSON.stringify(value ?? null)));
      return Promise.resolve();
    },
  };
}

test('the last sweep comes back for its own database after a reload, not for another', () => {
  const storage = workspaceStorage();
  new LastSweepStore(storage).remember(seedSweep);
  const reloaded = new LastSweepStore(storage);
  assert.deepEqual(reloaded.recall(seedSweep.database), seedSweep);
  assert.equal(reloaded.recall('/elsewhere/other.db'), null);
});

test('a stored sweep that lost its shape is not shown', () => {
  const storage = workspaceStorage();
  void storage.update('sqliteLockDoctor.lastSweep', { ...seedSweep, levels: [{ clients: '<img>' }] });
  assert.equal(new LastSweepStore(storage).recall(seedSweep.database), null);
  void storage.update('sqliteLockDoctor.lastSweep', { ...seedSweep, schema: 'sqlite-lock-doctor/sweep@0' });
  assert.equal(new LastSweepStore(storage).recall(seedSweep.database), null);
});
