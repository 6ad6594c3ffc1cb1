// Record Lock Activity in a real extension host: a python3 writer holds RESERVED for a known time while
// the recorder runs in its own child process; Stop brings the recording to the panel with that writer's
// lane and interval; the status bar shows the recording and then not; afterwards no process has the
// file open (the recorder child is gone, the host never opened it).
import * as assert from 'node:assert/strict';
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Recording } from '../../src/engine/record/recordingTypes';
import { isRunning } from '../support/processAlive';
import { processesWithFileOpen } from '../support/processesWithFileOpen';
import { startScheduledClient } from '../support/scheduledClient';
import { lockDoctorApi } from './extensionUnderTest';
import { test } from './runner';
import { eventually, makeWorkspaceDatabase, workspaceFolder } from './workspaceDatabase';

const holdMs = 800;

test('Record Lock Activity, a python3 writer holds RESERVED, Stop: the panel gets its lane and interval', async () => {
  const lockDoctor = await lockDoctorApi();
  const database = makeWorkspaceDatabase('recorded.db');
  await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
  const started = await vscode.commands.executeCommand<boolean>('sqliteLockDoctor.recordLockActivity', {
    recordOnly: true,
  });
  assert.equal(started, true);
  const recorderPid = lockDoctor.recorder().pid;
  assert.ok(recorderPid !== undefined && recorderPid !== process.pid, 'the recorder is a child process');
  assert.match(lockDoctor.recorder().statusBarText ?? '', /^\$\(record\) Recording recorded\.db 0:0\d$/);
  // The elapsed time moves each second.
  await eventually(
    () => lockDoctor.recorder().statusBarText,
    (text) => /0:0[1-9]$/.test(text ?? ''),
    'elapsed time in the status bar',
  );

  const writer = startScheduledClient(database, [
    { sql: 'BEGIN IMMEDIATE' },
    { mark: 'held' },
    { sleep: holdMs / 1000 },
    { sql: "INSERT INTO items (name) VALUES ('recorded')" },
    { sql: 'COMMIT' },
    { mark: 'released' },
  ]);
  const marks = await writer.done;
  const recording = await vscode.commands.executeCommand<Recording | undefined>(
    'sqliteLockDoctor.stopRecording',
  );
  assert.ok(recording, 'Stop returns the recording');

  const lane = recording.processes.find((process) => process.pid === writer.pid);
  assert.ok(
    lane,
    `a lane for python3 ${writer.pid}: ${JSON.stringify(recording.processes.map((p) => p.pid))}`,
  );
  assert.equal(lane.command, 'python3');
  const reserved = lane.intervals.filter((interval) => interval.state === 'RESERVED' && !interval.waiting);
  assert.equal(reserved.length, 1, JSON.stringify(lane.intervals));
  const heldMs = reserved[0].endMs - reserved[0].startMs;
  const clientMs = marks.released - marks.held;
  // The client's own marks bound the hold; sampling and a loaded machine add a little either side.
  assert.ok(
    heldMs >= holdMs - 50 && heldMs <= clientMs + 250,
    `RESERVED for ${heldMs} ms; the client held it ${clientMs} ms`,
  );

  const delivered = await eventually(
    () => lockDoctor.panelDelivered('recording'),
    (message) => message?.recording?.id === recording.id,
    'the panel receiving the recording',
  );
  assert.ok(delivered?.recording?.processes.some((process) => process.pid === writer.pid));
  assert.equal(lockDoctor.state().recordingNow, null);
  assert.equal(lockDoctor.recorder().statusBarText, undefined, 'the status bar no longer shows a recording');
  await eventually(
    () => isRunning(recorderPid),
    (running) => !running,
    'the recorder process ending',
  );
  assert.deepEqual(processesWithFileOpen(database), [], 'no process keeps recorded.db open');
});

test('a database gone before recording: one sentence naming it, no recorder left; Stop then does nothing', async () => {
  const lockDoctor = await lockDoctorApi();
  const database = makeWorkspaceDatabase('vanishing.db');
  await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
  unlinkSync(database);
  const started = await vscode.commands.executeCommand('sqliteLockDoctor.recordLockActivity', {
    recordOnly: true,
  });
  assert.equal(started, false);
  assert.match(lockDoctor.state().lastError ?? '', /^Could not record vanishing\.db: .*vanishing\.db/);
  assert.equal(lockDoctor.recorder().pid, undefined);
  assert.equal(lockDoctor.recorder().statusBarText, undefined);
  assert.equal(await vscode.commands.executeCommand('sqliteLockDoctor.stopRecording'), undefined);
});

test('Record Lock Activity running a command: its output in a terminal named after it, its lane and lock errors in the recording, which ends when it exits', async () => {
  const lockDoctor = await lockDoctorApi();
  const database = makeWorkspaceDatabase('app-run.db');
  await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
  const script = join(workspaceFolder(), 'write_then_fail.py');
  writeFileSync(
    script,
    [
      'import sqlite3, sys, time',
      "db = sqlite3.connect('app-run.db', isolation_level=None)",
      "db.execute('BEGIN IMMEDIATE')",
      "print('writing', flush=True)",
      'time.sleep(0.6)',
      "db.execute('COMMIT')",
      "print('sqlite3.OperationalError: database is locked', file=sys.stderr, flush=True)",
      'time.sleep(0.3)',
    ].join('\n'),
  );
  const command = 'python3 write_then_fail.py';
  const started = await vscode.commands.executeCommand('sqliteLockDoctor.recordLockActivity', {
    run: command,
  });
  assert.equal(started, true);
  assert.ok(
    vscode.window.terminals.some((terminal) => terminal.name === command),
    'a terminal named after the command',
  );
  assert.equal(lockDoctor.state().recordingNow?.command, command);
  // Nobody stops it: the command exits, the recording ends and reaches the panel.
  const delivered = await eventually(
    () => lockDoctor.panelDelivered('recording'),
    (message) => message?.recording?.app?.source.kind === 'run',
    'the recording of the command',
    30_000,
  );
  const recording = delivered?.recording;
  assert.ok(recording?.app?.source.kind === 'run');
  assert.equal(recording.app.source.command, command);
  assert.deepEqual(recording.app.errorCounts, { 'database is locked': 1 });
  const lane = recording.processes.find(
    (process) => process.pid === (recording.app?.source as { pid: number }).pid,
  );
  assert.ok(lane, 'the command has a lane');
  assert.ok(lane.intervals.some((interval) => interval.state === 'RESERVED'));
  assert.equal(lockDoctor.recorder().statusBarText, undefined);
  assert.equal(lockDoctor.state().recordingNow, null);
});

test('closing the command’s terminal stops the command and the recording', async () => {
  const lockDoctor = await lockDoctorApi();
  const command = 'python3 -c "import os, time; print(os.getpid(), flush=True); time.sleep(120)"';
  const started = await vscode.commands.executeCommand('sqliteLockDoctor.recordLockActivity', {
    run: command,
  });
  assert.equal(started, true);
  const terminal = vscode.window.terminals.find((candidate) => candidate.name === command);
  assert.ok(terminal);
  terminal.dispose();
  const delivered = await eventually(
    () => lockDoctor.panelDelivered('recording'),
    (message) =>
      message?.recording?.app?.source.kind === 'run' && message.recording.app.source.command === command,
    'the recording after the terminal closed',
    20_000,
  );
  const source = delivered?.recording?.app?.source;
  assert.ok(source?.kind === 'run');
  assert.equal(source.signal, 'SIGTERM');
  await eventually(
    () => isRunning(source.pid),
    (running) => !running,
    'the command ending',
  );
  assert.equal(lockDoctor.recorder().pid, undefined);
});
