// End-to-end: the packaged VSIX installed in a real VS Code (code-server) and used as a person would,
// from the command palette, with the outcome checked on screen and in the file itself.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { sqliteShell } from '../support/sqliteShell';
import type { E2eTest } from './workbench';

const databaseName = 'app.db';

/** Before the window opens: one rollback-journal database in the workspace. */
export function prepareWorkspace(workspace: string): void {
  sqliteShell(
    join(workspace, databaseName),
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT); INSERT INTO orders (item) VALUES ('tea');",
  );
}

export const tests: E2eTest[] = [
  {
    name: 'Open Database lists app.db and shows its journal mode in the status bar',
    async run(workbench) {
      await workbench.runCommand('SQLite Lock Doctor: Open Database');
      await workbench.chooseQuickPickItem(databaseName);
      await workbench.waitForStatusBarItem(/app\.db · DELETE/);
      // The panel opens on the database.
      await workbench.webview().getByText(databaseName, { exact: true }).first().waitFor({ timeout: 20_000 });
      assert.match(
        workbench.extensionHostLog(),
        /_doActivateExtension sqlite-lock-doctor\.sqlite-lock-doctor/,
      );
    },
  },
  {
    name: 'Switch to WAL changes the file and the status bar says WAL',
    async run(workbench) {
      await workbench.runCommand('SQLite Lock Doctor: Switch to WAL');
      const question = await workbench.clickDialogButton('Switch to WAL');
      assert.match(question, /Switch app\.db to WAL\?/);
      await workbench.waitForStatusBarItem(/app\.db · WAL/);
      assert.equal(sqliteShell(join(workbench.workspace, databaseName), 'PRAGMA journal_mode;'), 'wal');
    },
  },
  {
    name: 'Run Concurrent-Write Probe from the palette: the panel shows the collision, its code and the fix',
    timeoutMs: 90_000,
    async run(workbench) {
      await workbench.runCommand('SQLite Lock Doctor: Run Concurrent-Write Probe');
      await workbench.chooseQuickPickItem(/^seed/);
      await workbench.chooseQuickPickItem(/^blocking/);
      await workbench.chooseQuickPickItem(/^keep/);
      await workbench.answerQuickInput('5000');
      const notice = await workbench.waitForNotification(/Probe of app\.db: 1 of 2 sessions failed/, {
        timeoutMs: 30_000,
      });
      assert.match(notice, /SQLITE_BUSY/);
      const panel = workbench.webview();
      const busyRow = panel.locator('#error-counts tbody tr[data-code="SQLITE_BUSY"]');
      await busyRow.waitFor({ timeout: 20_000 });
      assert.equal((await busyRow.locator('td').nth(1).innerText()).trim(), '1');
      assert.equal(
        await panel.locator('#session-outcomes tbody tr[data-session="A"]').getAttribute('data-outcome'),
        'failed',
      );
      assert.equal(
        await panel.locator('#session-outcomes tbody tr[data-session="B"]').getAttribute('data-outcome'),
        'committed',
      );
      const timeline = panel.locator('#timeline svg');
      assert.match(await timeline.innerHTML(), /SQLITE_BUSY after 5\.\d\d s/);
      assert.match(await panel.locator('#verdict').innerText(), /event loop/);
      await workbench.waitForStatusBarItem(/app\.db · WAL/);
      await panel.locator('#verdict').scrollIntoViewIfNeeded();
      await workbench.screenshot('probe-result-in-panel');
    },
  },
  {
    name: "The panel's Switch to DELETE button asks, switches, and the status bar follows",
    async run(workbench) {
      const panel = workbench.webview();
      await panel.locator('#switch-delete').click();
      const question = await workbench.clickDialogButton('Switch to DELETE');
      assert.match(question, /Switch app\.db to DELETE\?/);
      await workbench.waitForStatusBarItem(/app\.db · DELETE/);
      assert.equal(sqliteShell(join(workbench.workspace, databaseName), 'PRAGMA journal_mode;'), 'delete');
      await panel.locator('#switch-wal').waitFor({ timeout: 10_000 });
    },
  },
];
