// Sweep Concurrency… in a real extension host: the sweep runs in an engine child process (the host
// never opens the file), and the panel's webview accepts the sweep whose levels the Headroom tab draws.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SweepResult } from '../../src/engine/sweep/sweepTypes';
import { lockDoctorApi } from './extensionUnderTest';
import { test } from './runner';
import { eventually, makeWorkspaceDatabase } from './workspaceDatabase';

test('Sweep Concurrency: a small sweep in a child, then its levels delivered to the Headroom tab', async () => {
  const lockDoctor = await lockDoctorApi();
  const database = makeWorkspaceDatabase('swept.db');
  await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
  const result = await vscode.commands.executeCommand<SweepResult | undefined>(
    'sqliteLockDoctor.sweepConcurrency',
    { preset: 'seed', model: 'threads', levels: [1, 2, 4], requests: 6 },
  );
  assert.ok(result, 'the sweep finished');
  assert.deepEqual(
    result.levels.map((level) => level.clients),
    [1, 2, 4],
  );
  for (const level of result.levels) {
    assert.equal(
      level.succeeded + level.failed,
      level.requests,
      `${level.clients} clients: every request counted`,
    );
  }
  // The seed's transactions write to a scratch copy: the user's file is left as it was.
  assert.equal(result.database, database);
  const delivered = await eventually(
    () => lockDoctor.panelDelivered('sweep'),
    (message) => message?.sweep?.levels.length === 3,
    'the panel receiving the sweep',
  );
  assert.deepEqual(
    delivered?.sweep?.levels.map((level) => [level.clients, level.succeeded]),
    result.levels.map((level) => [level.clients, level.succeeded]),
  );
  assert.equal(lockDoctor.state().busy, null);
  assert.equal(lockDoctor.state().lastSweep?.firstFailingClients, result.firstFailingClients);

  // Malformed arguments get one sentence and no sweep.
  const refused = await vscode.commands.executeCommand('sqliteLockDoctor.sweepConcurrency', {
    preset: 'seed',
    model: 'threads',
    levels: [4, 2],
  });
  assert.equal(refused, undefined);
});
