// The same extension in a folder opened in Restricted Mode (the harness's --untrusted): inspection
// works, nothing that writes to a file does.
import * as assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ExplainOutcome } from '../../src/extension/explain/explainLockErrorCommand';
import { sqliteShell } from '../support/sqliteShell';
import { lockDoctorApi } from './extensionUnderTest';
import { codeActionsAt, copyHintSample, hintDiagnostics, hoverTextAt } from './hintFixtures';
import { runRegisteredTests, test } from './runner';
import { eventually, makeWorkspaceDatabase, workspaceFolder } from './workspaceDatabase';

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

export async function run(): Promise<void> {
  await runRegisteredTests();
}
