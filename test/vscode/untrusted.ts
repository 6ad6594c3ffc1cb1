// The same extension in a folder opened in Restricted Mode (the harness's --untrusted): inspection
// works, nothing that writes to a file does, and no process that could write or run a command is even
// started (every child process and engine request of the extension host is counted).
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import type { ExplainOutcome } from '../../src/extension/explain/explainLockErrorCommand';
import { holdLockWithPython } from '../support/lockHolder';
import { recordSafetyCases } from '../support/safetyTally';
import { sqliteShell } from '../support/sqliteShell';
import { childProcessesOf, commandLineOf, watchChildProcesses } from './childProcessSpy';
import { extensionUnderTest, lockDoctorApi } from './extensionUnderTest';
import { codeActionsAt, copyHintSample, hintDiagnostics, hoverTextAt } from './hintFixtures';
import { runRegisteredTests, test } from './runner';
import { eventually, makeWorkspaceDatabase, workspaceFolder } from './workspaceDatabase';

// Installed before any test runs: every fork of the extension host from here on, and each request sent.
const spawned = watchChildProcesses();
// Ours: they run a bundle of the extension's dist/ (the node binary itself may live in its folder).
const childrenAtStart = childProcessesOf(process.pid, join(extensionUnderTest().extensionPath, 'dist'));

test('the workspace is untrusted', () => {
  assert.equal(vscode.workspace.isTrusted, false);
});

test('Open Database still inspects: the status bar shows the journal mode, the panel knows it is untrusted', async () => {
  const lockDoctor = await lockDoctorApi();
  const database = makeWorkspaceDatabase('restricted.db');
  await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
  assert.equal(lockDoctor.statusBarText(), '$(database) restricted.db · DELETE');
  assert.equal(lockDoctor.state().trusted, false);
});

test('Switch to WAL and the probe do nothing to the file', async () => {
  const lockDoctor = await lockDoctorApi();
  const database = lockDoctor.state().database?.path ?? '';
  await vscode.commands.executeCommand('sqliteLockDoctor.switchToWal', { skipConfirmation: true });
  assert.equal(sqliteShell(database, 'PRAGMA journal_mode;'), 'delete');
  const result = await vscode.commands.executeCommand('sqliteLockDoctor.runProbe', {
    preset: 'seed',
    model: 'threads',
    journal: 'keep',
    busyTimeoutMs: 100,
    begin: 'preset',
  });
  assert.equal(result, undefined);
  assert.equal(lockDoctor.state().lastResult, null);
  assert.equal(lockDoctor.statusBarText(), '$(database) restricted.db · DELETE');
});

test('Run Scenario File runs nothing', async () => {
  const lockDoctor = await lockDoctorApi();
  const file = join(workspaceFolder(), 'restricted.lockprobe.json');
  writeFileSync(file, JSON.stringify({ sessions: [{ name: 'A', steps: [{ op: 'write' }] }] }));
  const result = await vscode.commands.executeCommand(
    'sqliteLockDoctor.runScenarioFile',
    vscode.Uri.file(file),
  );
  assert.equal(result, undefined);
  assert.equal(lockDoctor.state().lastResult, null);
});

test('Record Lock Activity does nothing: no recorder process, no recording', async () => {
  const lockDoctor = await lockDoctorApi();
  const started = await vscode.commands.executeCommand('sqliteLockDoctor.recordLockActivity', {
    run: "python3 -c \"open('ran', 'w')\"",
  });
  assert.equal(started, false);
  assert.equal(lockDoctor.recorder().pid, undefined);
  assert.equal(lockDoctor.recorder().statusBarText, undefined);
  assert.equal(lockDoctor.state().recordingNow, null);
  assert.equal(lockDoctor.state().lastRecording, null);
  assert.equal(existsSync(join(workspaceFolder(), 'ran')), false, 'the command did not run');
});

test('Run Load Test sends nothing', async () => {
  let requests = 0;
  const server = createServer((_request, response) => {
    requests++;
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const result = await vscode.commands.executeCommand('sqliteLockDoctor.runLoadTest', {
      urls: [`http://127.0.0.1:${port}/`],
      requests: 5,
      concurrency: 1,
    });
    assert.equal(result, undefined);
    assert.equal(requests, 0);
  } finally {
    server.close();
  }
});

test('code hints still show in Restricted Mode, with Explain and quick fixes but no Reproduce', async () => {
  await lockDoctorApi();
  const app = copyHintSample('python-sync-call-in-async', 'seed_sync_app.py', 'api/main.py');
  const [diagnostic] = await eventually(
    () => hintDiagnostics(app),
    (found) => found.length > 0,
    'the hint on the sync app',
    15_000,
  );
  const actions = await codeActionsAt(app, diagnostic.range);
  assert.ok(actions.some((action) => action.title.startsWith('Explain')));
  const reproduce = actions.find((action) => action.title === 'Reproduce with the probe');
  assert.ok(reproduce === undefined || reproduce.disabled !== undefined, 'Reproduce is absent or disabled');
  if (reproduce?.disabled) {
    assert.match(reproduce.disabled.reason, /trusted workspace/);
  }
  await vscode.window.showTextDocument(app);
  const hover = await hoverTextAt(app, diagnostic.range.start);
  assert.match(hover, /Fix:/);
  assert.match(hover, /needs a trusted workspace/);
  assert.doesNotMatch(hover, /command:sqliteLockDoctor\.reproduceHint/);
  const result = await vscode.commands.executeCommand('sqliteLockDoctor.reproduceHint', {
    ruleId: 'python-sync-call-in-async',
  });
  assert.equal(result, undefined, 'no probe ran');
  // A quick fix is an edit the user applies: still offered.
  const worker = copyHintSample('python-sqlite3-timeout-zero', 'worker_no_wait.py', 'jobs/worker.py');
  const [zeroTimeout] = await eventually(
    () => hintDiagnostics(worker),
    (found) => found.length > 0,
    'the timeout=0 hint',
    15_000,
  );
  const fixes = await codeActionsAt(worker, zeroTimeout.range);
  assert.ok(fixes.some((action) => action.edit !== undefined && action.disabled === undefined));
});

test('Explain a Lock Error works in Restricted Mode (from the clipboard); reproducing it does not run', async () => {
  await lockDoctorApi();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.env.clipboard.writeText('sqlite3.OperationalError: database table is locked: items');
  const outcome = await vscode.commands.executeCommand<ExplainOutcome | undefined>(
    'sqliteLockDoctor.explainLockError',
  );
  assert.equal(outcome?.input, 'clipboard');
  assert.deepEqual(
    outcome?.explanation.answers.map((answer) => answer.scenario.id),
    ['shared-cache-locked'],
  );
  const result = await vscode.commands.executeCommand('sqliteLockDoctor.reproduceLockError', {
    scenario: 'deferred-upgrade',
  });
  assert.equal(result, undefined, 'no probe ran');
});

function fileDigest(file: string): string {
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'absent';
}

test('Checkpoint Now does nothing: the WAL keeps its frames, the database file is unchanged', async () => {
  const lockDoctor = await lockDoctorApi();
  const database = makeWorkspaceDatabase('restricted-wal.db', 'wal');
  // An idle python3 connection stays open so the shell is not the last to close: the WAL keeps frames.
  const idle = await holdLockWithPython(database, ['SELECT count(*) FROM items']);
  try {
    sqliteShell(
      database,
      "PRAGMA wal_autocheckpoint=0; INSERT INTO items (name) SELECT 'row ' || value FROM generate_series(1, 50);",
    );
    await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
    assert.equal(lockDoctor.state().database?.report?.journalMode, 'wal');
    const before = { database: fileDigest(database), wal: fileDigest(`${database}-wal`) };
    assert.ok(statSync(`${database}-wal`).size > 0, 'the WAL has frames to copy');
    await vscode.commands.executeCommand('sqliteLockDoctor.checkpoint', { skipConfirmation: true });
    assert.deepEqual({ database: fileDigest(database), wal: fileDigest(`${database}-wal`) }, before);
    assert.equal(lockDoctor.state().lastNotice, null, 'no checkpoint notice');
  } finally {
    await idle.release();
  }
});

test('the live lock view works in Restricted Mode: a python3 writer is named in the panel and the status bar', async () => {
  const lockDoctor = await lockDoctorApi();
  const database = lockDoctor.state().database?.path ?? '';
  await vscode.commands.executeCommand('sqliteLockDoctor.showPanel');
  const writer = await holdLockWithPython(database, [
    'BEGIN IMMEDIATE',
    "INSERT INTO items (name) VALUES ('held')",
  ]);
  try {
    await eventually(
      () => {
        // Show Lock Holders asks for a reading; the panel gets it as it would in a trusted folder.
        void vscode.commands.executeCommand('sqliteLockDoctor.showLockHolders');
        return lockDoctor.panelDelivered('locks')?.locks?.holders ?? [];
      },
      (holders) => holders.some((holder) => holder.pid === writer.pid && holder.lock === 'WAL_WRITE'),
      'the panel shows the python3 writer',
      20_000,
    );
    await eventually(
      () => lockDoctor.statusBarText(),
      (text) => (text ?? '').includes(`writer: python3 ${writer.pid}`),
      'the status bar names the writer',
      20_000,
    );
  } finally {
    await writer.release();
  }
});

test('no process that writes or runs a command was started: only read-only engine requests', async () => {
  // Forks that happened while the tests above asked for a switch, a probe, a checkpoint, a recording
  // with --run and a load test: inspections, the lock watcher and the hints worker only.
  // Ours only (other extensions fork their language servers): each entry with the requests it may get.
  const root = extensionUnderTest().extensionPath;
  const readOnly: Record<string, Set<string>> = {
    'engine-process.js': new Set(['inspect', 'findDatabases', 'countRows']),
    // Reads /proc/locks and the -wal/-shm sizes: no SQLite, no file opened for writing.
    'lock-watcher.js': new Set(['watch', 'unwatch', 'read']),
  };
  const ours = spawned.forks.filter((fork) => fork.module.startsWith(root));
  const forbidden = ours.filter((fork) => {
    const allowed = readOnly[basename(fork.module)];
    return allowed === undefined || fork.requests.some((request) => !allowed.has(request));
  });
  const threads = spawned.workers.filter(
    (worker) => worker.startsWith(root) && !/hints-worker\.js$/.test(worker),
  );
  recordSafetyCases({
    family: 'faults',
    suite: 'Restricted Mode: no writing or running process started',
    tried: ours.length + spawned.workers.filter((worker) => worker.startsWith(root)).length,
    dataLost: forbidden.length + threads.length,
  });
  assert.deepEqual(forbidden, [], 'no recorder, no writing engine request');
  assert.deepEqual(threads, [], 'no engine thread (the probe runs its sessions in one)');
  assert.ok(
    ours.some((fork) => fork.requests.includes('inspect')),
    `inspection ran in an engine child: ${JSON.stringify(ours)}`,
  );
  // And none left behind beyond what ran at the start and the lock watcher.
  const lockWatcher = (await lockDoctorApi()).lockWatcher().pid;
  const left = () =>
    childProcessesOf(process.pid, join(root, 'dist')).filter(
      (pid) => !childrenAtStart.includes(pid) && pid !== lockWatcher,
    );
  const now = left();
  await eventually(
    left,
    (left) => left.length === 0,
    `child processes of the extension host left running (first seen: ${now
      .map((pid) => `${pid} ${commandLineOf(pid)}`)
      .join(', ')})`,
    15_000,
  );
});

export async function run(): Promise<void> {
  await runRegisteredTests();
}
