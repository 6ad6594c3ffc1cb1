// The live holders in a real extension host come from one lock watcher process: it lives across
// readings, keeps its PID when the interval changes, is a child of the extension host that holds no
// lock, and is gone once nobody looks (the panel closed, the status bar item off).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { holdLockWithPython } from '../support/lockHolder';
import { lockDoctorApi } from './extensionUnderTest';
import { test } from './runner';
import { eventually, makeWorkspaceDatabase } from './workspaceDatabase';
import { isRunning } from '../support/processAlive';

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

test(
  'the live holders come from one watcher process that lives across readings and is gone when the panel closes',
  async () => {
    const lockDoctor = await lockDoctorApi();
    const settings = () => vscode.workspace.getConfiguration('sqliteLockDoctor');
    const global = vscode.ConfigurationTarget.Global;
    // Only the panel looks: the status bar item would keep the watcher running.
    await settings().update('statusBar.enabled', false, global);
    await settings().update('locks.pollIntervalMs', 300, global);
    const database = makeWorkspaceDatabase('watched.db', 'wal');
    const reader = await holdLockWithPython(database, ['BEGIN', 'SELECT count(*) FROM items']);
    try {
      await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
      await vscode.commands.executeCommand('sqliteLockDoctor.showPanel');
      assert.ok(vscode.window.state.focused, 'the live view runs while VS Code has focus');
      const first = await eventually(
        () => lockDoctor.lockWatcher().lastStats,
        (stats) => stats !== undefined && stats.readings >= 3,
        'three readings from the watcher',
      );
      const pid = first?.pid ?? -1;
      assert.equal(lockDoctor.lockWatcher().pid, pid);
      assert.equal(parentOf(pid), process.pid, 'a child of the extension host');
      const holders = lockDoctor.state().locks?.holders ?? [];
      assert.ok(
        holders.some((holder) => holder.pid === reader.pid && holder.lock === 'WAL_READ'),
        `the python3 reader in the live holders: ${JSON.stringify(holders.map((h) => [h.pid, h.lock]))}`,
      );
      assert.ok(
        !holders.some((holder) => [process.pid, pid].includes(holder.pid)),
        'neither the host nor the watcher holds or opens the file',
      );

      // A new interval goes to the running watcher: more readings, same process.
      await settings().update('locks.pollIntervalMs', 100, global);
      const later = await eventually(
        () => lockDoctor.lockWatcher().lastStats,
        (stats) => stats !== undefined && stats.readings >= (first?.readings ?? 0) + 5,
        'five more readings at the new interval',
      );
      assert.equal(later?.pid, pid, 'the same watcher process after the interval changed');

      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await eventually(
        () => lockDoctor.lockWatcher().pid === undefined && !isRunning(pid),
        (stopped) => stopped,
        `the watcher ${pid} gone once the panel closed`,
      );
    } finally {
      await reader.release();
      await settings().update('statusBar.enabled', undefined, global);
      await settings().update('locks.pollIntervalMs', undefined, global);
    }
  },
  { timeoutMs: 60_000 },
);
