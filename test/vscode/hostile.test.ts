// Hostile text in the real extension host: a python3 process whose name (comm) and command line carry
// HTML, ANSI escape sequences and bidi controls holds a lock on a database whose folder and file names
// carry more of the same. The panel receives each as data, exactly (its webview renders it with
// lit-html, as text: the e2e suite reads that DOM), and the status bar shows the characters as they
// are: no escape or bidi control acting, no `$(icon)` drawn from a name.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { firstRawControl } from '../support/hostileText';
import { holdLockHostile, hostileProcessNameAsRead } from '../support/hostileProcess';
import { recordSafetyCases } from '../support/safetyTally';
import { sqliteShell } from '../support/sqliteShell';
import { lockDoctorApi } from './extensionUnderTest';
import { test } from './runner';
import { eventually, workspaceFolder } from './workspaceDatabase';

const folderName = '<img src=x onerror=alert(1)> \u001b[31m\u202Eevil $(bug)';
const fileName = '<svg onload=alert(1)>\u2066$(zap).db';
const argv0 = '<script>alert(1)</script>\u001b]8;;https:evil.example\u0007\u202Ename';

test('a hostile process holding a lock on a hostile path: the panel gets the exact text, the status bar shows it inert', async () => {
  const lockDoctor = await lockDoctorApi();
  const folder = join(workspaceFolder(), folderName);
  mkdirSync(folder, { recursive: true });
  const database = join(folder, fileName);
  sqliteShell(database, 'CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); PRAGMA journal_mode=wal;');
  await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
  await vscode.commands.executeCommand('sqliteLockDoctor.showPanel');
  const holder = await holdLockHostile(folder, database, argv0, [
    '[x](command:workbench.action.terminal.new)',
  ]);
  let tried = 0;
  let markupRendered = 0;
  try {
    const holders = await eventually(
      () => {
        void vscode.commands.executeCommand('sqliteLockDoctor.showLockHolders');
        return lockDoctor.panelDelivered('locks')?.locks?.holders ?? [];
      },
      (found) => found.some((entry) => entry.pid === holder.pid),
      'the panel gets the hostile holder',
      20_000,
    );
    const entry = holders.find((candidate) => candidate.pid === holder.pid);
    // The kernel's comm and the argv as read: C0 controls as blanks, bidi controls as U+FFFD, so they
    // cannot reorder what the panel shows after them.
    assert.equal(entry?.command, hostileProcessNameAsRead);
    assert.ok(entry?.commandLine?.startsWith('<script>alert(1)</script> ]8;;https:evil.example \uFFFDname'));
    assert.equal(lockDoctor.panelDelivered('file')?.database?.name, fileName);
    const text = await eventually(
      () => lockDoctor.statusBarText() ?? '',
      (shown) => shown.includes(`${holder.pid}`),
      'the status bar names the holder',
      20_000,
    );
    tried++;
    const raw = firstRawControl(text);
    // `$(zap)` in the file name is escaped so VS Code draws it as text, not as an icon.
    const iconFromName = /(^|[^\\])\$\(zap\)/.test(text);
    if (raw !== undefined || iconFromName) {
      markupRendered++;
    }
    assert.equal(raw, undefined, `no raw control in the status bar: ${JSON.stringify(text)}`);
    assert.ok(text.includes('\\$(zap)'), `the icon syntax in the name is escaped: ${JSON.stringify(text)}`);
    assert.ok(text.includes('[31m<b>\uFFFDx'), `the name shows as its characters: ${JSON.stringify(text)}`);
  } finally {
    recordSafetyCases({
      family: 'hostile-text',
      suite: 'status bar in the extension host',
      tried,
      markupRendered,
    });
    await holder.release();
  }
});
