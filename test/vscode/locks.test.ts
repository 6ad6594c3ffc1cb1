// Who holds the lock, live, in a real extension host: a python3 writer appears in the panel's state and
// the status bar under its own PID, with how long it has held the lock; a writer stopped with SIGSTOP
// turns the status bar into a warning naming it; the extension host itself never holds a lock.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { holdLockWithPython } from '../support/lockHolder';
import { sqliteShell } from '../support/sqliteShell';
import { lockDoctorApi } from './extensionUnderTest';
import { test } from './runner';
import { eventually, makeWorkspaceDatabase } from './workspaceDatabase';

test('Show Lock Holders: a python3 writer in WAL mode is named with its PID, in the panel and the status bar', async () => {
  const lockDoctor = await lockDoctorApi();
  const database = makeWorkspaceDatabase('locks.db', 'wal');
  await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
  const writer = await holdLockWithPython(database, [
    'BEGIN IMMEDIATE',
    "INSERT INTO items (name) VALUES ('held')",
  ]);
  try {
    await vscode.commands.executeCommand('sqliteLockDoctor.showLockHolders');
    const holders = lockDoctor.state().locks?.holders ?? [];
    const writes = holders.filter((holder) => holder.pid === writer.pid && holder.lock === 'WAL_WRITE');
    assert.equal(writes.length, 1, `python3 ${writer.pid} holds WAL_WRITE: ${JSON.stringify(holders)}`);
    assert.equal(writes[0].command, 'python3');
    assert.equal(
      holders.filter((holder) => holder.pid === process.pid).length,
      0,
      'the extension host holds nothing',
    );
    await eventually(
      () => lockDoctor.statusBarText(),
      (text) =>
        new RegExp(
          `^\\$\\(database\\) locks\\.db · WAL · writer: python3 ${writer.pid}, held (at least )?\\d+\\.\\d s$`,
        ).test(text ?? ''),
      'status bar with the live writer and how long it has held the lock',
    );
  } finally {
    await writer.release();
  }
  // Polling follows the release (every 2 s while VS Code has focus; a headless window may not, so ask).
  await vscode.commands.executeCommand('sqliteLockDoctor.showLockHolders');
  await eventually(
    () => lockDoctor.statusBarText(),
    (text) => text === '$(database) locks.db · WAL',
    'status bar after release',
  );
});

/** Asks for a reading (Show Lock Holders) until the status bar says what `accept` wants. */
async function statusBarAfterReadings(
  accept: (text: string | undefined) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<void> {
  const lockDoctor = await lockDoctorApi();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await vscode.commands.executeCommand('sqliteLockDoctor.showLockHolders');
    const text = lockDoctor.statusBarText();
    if (accept(text)) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: still ${JSON.stringify(text)} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('a writer stopped with SIGSTOP: the status bar warns, naming it; resumed, the warning goes', async () => {
  const lockDoctor = await lockDoctorApi();
  const database = lockDoctor.state().database?.path ?? '';
  const writer = await holdLockWithPython(database, [
    'BEGIN IMMEDIATE',
    "INSERT INTO items (name) VALUES ('stopped')",
  ]);
  process.kill(writer.pid, 'SIGSTOP');
  try {
    await statusBarAfterReadings(
      (text) => text === `$(warning) locks.db · WAL · python3 ${writer.pid} stopped, holding a lock`,
      'status bar warning about the stopped writer',
    );
    const facts = lockDoctor.state().locks?.processes.find((entry) => entry.pid === writer.pid);
    assert.match(facts?.warnings[0] ?? '', new RegExp(`kill -CONT ${writer.pid}`));
    process.kill(writer.pid, 'SIGCONT');
    await statusBarAfterReadings(
      (text) => text?.startsWith(`$(database) locks.db · WAL · writer: python3 ${writer.pid}`) ?? false,
      'status bar after SIGCONT',
    );
  } finally {
    process.kill(writer.pid, 'SIGCONT');
    await writer.release();
  }
});

test('while idle, no process of the extension holds a lock or has the file open', async () => {
  const lockDoctor = await lockDoctorApi();
  await vscode.commands.executeCommand('sqliteLockDoctor.showLockHolders');
  const report = lockDoctor.state().locks;
  assert.ok(report?.supported, 'lock holders can be listed on Linux');
  assert.deepEqual(report.holders, [], `nobody holds locks.db: ${JSON.stringify(report.holders)}`);
});

test('Checkpoint Now copies the WAL frames into the database', async () => {
  const lockDoctor = await lockDoctorApi();
  const database = lockDoctor.state().database?.path ?? '';
  // An idle python3 connection stays open, so the shell is not the last to close and the WAL keeps its
  // frames (the last connection to close checkpoints by itself).
  const idle = await holdLockWithPython(database, ['SELECT count(*) FROM items']);
  try {
    sqliteShell(
      database,
      "PRAGMA wal_autocheckpoint=0; INSERT INTO items (name) SELECT 'row ' || value FROM generate_series(1, 50);",
    );
    await vscode.commands.executeCommand('sqliteLockDoctor.checkpoint', { skipConfirmation: true });
  } finally {
    await idle.release();
  }
  const match = /Checkpoint of locks\.db: (\d+) of (\d+) WAL frames copied into the database\./.exec(
    lockDoctor.state().lastNotice ?? '',
  );
  assert.ok(match, `notice: ${lockDoctor.state().lastNotice}`);
  assert.ok(Number(match[2]) > 0, 'the WAL had frames');
  assert.equal(match[1], match[2], 'nobody reads: every frame is copied');
});

test(
  "while a probe runs, its sessions' kernel locks on the copy are shown under their session names",
  async () => {
    const lockDoctor = await lockDoctorApi();
    const database = makeWorkspaceDatabase('probe-locks.db');
    await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
    const seen: string[] = [];
    let running = true;
    const probe = Promise.resolve(
      vscode.commands.executeCommand('sqliteLockDoctor.runProbe', {
        preset: 'seed',
        model: 'processes',
        journal: 'delete',
        busyTimeoutMs: 5000,
        begin: 'preset',
      }),
    ).finally(() => {
      running = false;
    });
    // B holds RESERVED from 100 ms to 1100 ms: the panel state should show it under B's name meanwhile.
    while (running) {
      const watch = lockDoctor.state().probeLocks;
      for (const holder of watch?.report?.holders ?? []) {
        const names = watch?.sessionsByPid[holder.pid] ?? [];
        seen.push(`${names.join('+') || holder.command}:${holder.lock}`);
      }
      assert.notEqual(watch?.target, database, 'the probe works on a copy');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await probe;
    assert.ok(
      seen.includes('B:RESERVED'),
      `B's RESERVED lock seen on the copy: ${[...new Set(seen)].join(', ')}`,
    );
    assert.equal(lockDoctor.state().probeLocks, null, 'the watch ends with the probe');
  },
  { timeoutMs: 60_000 },
);

// Each state the issue names, held by an independent client, as the extension's live view shows it.
const heldStates: { journal: 'delete' | 'wal'; statements: string[]; lock: string; file: string }[] = [
  { journal: 'delete', statements: ['BEGIN', 'SELECT count(*) FROM items'], lock: 'SHARED', file: 'db' },
  {
    journal: 'delete',
    statements: ['BEGIN IMMEDIATE', "INSERT INTO items (name) VALUES ('w')"],
    lock: 'RESERVED',
    file: 'db',
  },
  { journal: 'delete', statements: ['BEGIN EXCLUSIVE'], lock: 'EXCLUSIVE', file: 'db' },
  { journal: 'wal', statements: ['SELECT count(*) FROM items'], lock: 'OPEN', file: 'shm' },
  { journal: 'wal', statements: ['BEGIN', 'SELECT count(*) FROM items'], lock: 'WAL_READ', file: 'shm' },
  {
    journal: 'wal',
    statements: ['BEGIN IMMEDIATE', "INSERT INTO items (name) VALUES ('w')"],
    lock: 'WAL_WRITE',
    file: 'shm',
  },
];

test('the live view names each state an independent client holds (SHARED … EXCLUSIVE, OPEN, WAL_READ, WAL_WRITE)', async () => {
  const lockDoctor = await lockDoctorApi();
  for (const [index, state] of heldStates.entries()) {
    const database = makeWorkspaceDatabase(`state-${index}.db`, state.journal);
    await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
    const client = await holdLockWithPython(database, state.statements);
    try {
      await vscode.commands.executeCommand('sqliteLockDoctor.showLockHolders');
      const holders = lockDoctor.state().locks?.holders ?? [];
      const match = holders.find(
        (holder) => holder.pid === client.pid && holder.lock === state.lock && holder.file === state.file,
      );
      assert.ok(
        match,
        `${state.statements.join('; ')}: python3 ${client.pid} holds ${state.lock} on ${state.file}: ${JSON.stringify(holders.map((h) => [h.pid, h.file, h.lock]))}`,
      );
      assert.equal(
        holders.filter((holder) => holder.pid === process.pid).length,
        0,
        'never the extension host',
      );
    } finally {
      await client.release();
    }
  }
});
