// Each command in a real extension host, against real files, with what a user sees: the status bar
// text, the state the panel receives, the file's journal mode as the sqlite3 shell reads it.
import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ProbeResult } from '../../src/engine/probe/probeTypes';
import { lockDoctorApi } from './extensionUnderTest';
import { test } from './runner';
import { sqliteShell } from '../support/sqliteShell';
import { eventually, makeWorkspaceDatabase, makeWorkspaceTextFile } from './workspaceDatabase';

let database = '';

test('Open Database with a file: the status bar shows its name and journal mode', async () => {
  const lockDoctor = await lockDoctorApi();
  database = makeWorkspaceDatabase('app.db');
  await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
  assert.equal(lockDoctor.statusBarText(), '$(database) app.db · DELETE');
  const state = lockDoctor.state();
  assert.equal(state.database?.path, database);
  assert.equal(state.database?.report?.journalMode, 'delete');
});

test('the panel receives the file facts', async () => {
  const lockDoctor = await lockDoctorApi();
  await vscode.commands.executeCommand('sqliteLockDoctor.showJournalMode');
  const delivered = await eventually(
    () => lockDoctor.panelDelivered('file'),
    (message) => message?.database?.report?.journalMode === 'delete',
    'the panel state',
  );
  assert.equal(delivered?.database?.name, 'app.db');
});

test('Switch to WAL: the file is in WAL mode and the status bar says so', async () => {
  const lockDoctor = await lockDoctorApi();
  await vscode.commands.executeCommand('sqliteLockDoctor.switchToWal', { skipConfirmation: true });
  assert.equal(sqliteShell(database, 'PRAGMA journal_mode;'), 'wal');
  await eventually(
    () => lockDoctor.statusBarText(),
    (text) => text === '$(database) app.db · WAL',
    'status bar',
  );
  assert.match(lockDoctor.state().lastNotice ?? '', /Switched app\.db from DELETE to WAL/);
});

test('a change made outside (the sqlite3 shell switches back to DELETE) reaches the status bar', async () => {
  const lockDoctor = await lockDoctorApi();
  assert.equal(sqliteShell(database, 'PRAGMA journal_mode=DELETE;'), 'delete');
  await eventually(
    () => lockDoctor.statusBarText(),
    (text) => text === '$(database) app.db · DELETE',
    'status bar after the outside change',
  );
});

test('Run Concurrent-Write Probe (seed, threads): both sessions commit and the panel gets the result', async () => {
  const lockDoctor = await lockDoctorApi();
  const result = await vscode.commands.executeCommand<ProbeResult | undefined>('sqliteLockDoctor.runProbe', {
    preset: 'seed',
    model: 'threads',
    journal: 'keep',
    busyTimeoutMs: 5000,
    begin: 'preset',
  });
  assert.ok(result, 'the probe returned a result');
  assert.deepEqual(result.errorCounts, {});
  assert.deepEqual(result.rows, { attempted: 2, committed: 2, found: 2 });
  const delivered = await eventually(
    () => lockDoctor.panelDelivered('result'),
    (message) => message?.result?.config.model === 'threads',
    'the panel state with the result',
  );
  assert.equal(delivered?.result?.id, result.id);
  assert.equal(delivered?.result?.sessions.length, 2);
  // Later changes (a lock reading, the inspection after the probe) travel without the result.
  const activity = lockDoctor.panelDelivered('activity');
  await vscode.commands.executeCommand('sqliteLockDoctor.switchToWal', { skipConfirmation: true });
  await eventually(
    () => lockDoctor.panelDelivered('activity'),
    (message) => message !== activity && /Switched app\.db/.test(message?.lastNotice ?? ''),
    'the activity after a switch',
  );
  assert.equal(lockDoctor.panelDelivered('result'), delivered, 'the result was not sent again');
  await vscode.commands.executeCommand('sqliteLockDoctor.switchToDelete', { skipConfirmation: true });
  // A probe on a copy leaves the user's rows alone.
  assert.equal(sqliteShell(database, 'SELECT count(*) FROM items;'), '2');
});

test(
  'the blocking model reproduces the seed failure while the extension host stays responsive',
  async () => {
    const lockDoctor = await lockDoctorApi();
    // The engine runs in a child process: this host's event loop must keep ticking during the 5.5 s probe.
    let worstLagMs = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      worstLagMs = Math.max(worstLagMs, now - last - 50);
      last = now;
    }, 50);
    let result: ProbeResult | undefined;
    try {
      result = await vscode.commands.executeCommand<ProbeResult | undefined>('sqliteLockDoctor.runProbe', {
        preset: 'seed',
        model: 'blocking',
        journal: 'keep',
        busyTimeoutMs: 5000,
        begin: 'preset',
      });
    } finally {
      clearInterval(ticker);
    }
    assert.ok(result);
    assert.deepEqual(result.errorCounts, { SQLITE_BUSY: 1 });
    assert.equal(result.sessions.find((session) => session.name === 'A')?.outcome, 'failed');
    assert.ok(worstLagMs < 1000, `the extension host's event loop stalled ${Math.round(worstLagMs)} ms`);
    assert.match(lockDoctor.state().lastResult?.verdict.summary ?? '', /1 of 2 sessions failed/);
  },
  { timeoutMs: 60_000 },
);

test('a file that is not SQLite: a sentence, and nothing stays open', async () => {
  const lockDoctor = await lockDoctorApi();
  const notes = makeWorkspaceTextFile('notes.db');
  await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(notes));
  assert.equal(lockDoctor.state().database, null);
  assert.equal(lockDoctor.statusBarText(), undefined);
});
