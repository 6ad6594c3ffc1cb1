// Run Load Test… in a real extension host, against seedApp.py (a real app writing with SQLite): the
// requests go out from an engine child process, the recorder runs meanwhile, and the panel gets the
// recording with the load's result beside it; rows added equal successful requests.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RecordedLoad } from '../../src/engine/load/loadTestTypes';
import type { LoadResult } from '../../src/engine/load/loadResult';
import { launchSeedApp } from '../support/seedApp';
import { lockDoctorApi } from './extensionUnderTest';
import { test } from './runner';
import { eventually, makeWorkspaceDatabase } from './workspaceDatabase';

test('Run Load Test: progress in a child, then the recording with the load result in the panel', async () => {
  const lockDoctor = await lockDoctorApi();
  const database = makeWorkspaceDatabase('served.db');
  await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
  const seedApp = launchSeedApp(database, { holdMs: 600, busyTimeoutMs: 100 });
  const app = seedApp.child;
  try {
    const port = await seedApp.port;
    const base = `http://127.0.0.1:${port}`;
    const recorded = await vscode.commands.executeCommand<RecordedLoad | undefined>(
      'sqliteLockDoctor.runLoadTest',
      {
        urls: [`${base}/session_b`, `${base}/session_a`],
        requests: 6,
        concurrency: 3,
      },
    );
    assert.ok(recorded?.recording, recorded?.noRecording ?? 'a result');
    const { result } = recorded;
    assert.equal(result.sent, 6);
    assert.equal(result.rows.added, result.successful, result.check.text);
    assert.ok(
      recorded.recording.processes.some((process) => process.pid === app.pid),
      'the app has a lane',
    );
    assert.equal(
      recorded.recording.processes.some((process) => process.pid === globalThis.process.pid),
      false,
      'the extension host is not among the processes that had the file open',
    );
    const delivered = await eventually(
      () => lockDoctor.panelDelivered('recording'),
      (message) => message?.recording?.id === recorded.recording?.id,
      'the panel receiving the recording with the load',
    );
    assert.equal((delivered?.recording?.load as LoadResult).check.text, result.check.text);
    assert.equal(lockDoctor.state().busy, null);
  } finally {
    app.kill();
  }
});
