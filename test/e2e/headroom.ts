// End-to-end for the headroom chart and the WAL size chart: the packaged VSIX in a real VS Code, used
// from the palette as a person would; the pictures in docs/images (headroom.png, wal-growth.png) come
// from these runs. Run: npm run package && node scripts/vscode/runInCodeServer.mjs e2e --tests test/e2e/headroom.ts
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { sqliteShell } from '../support/sqliteShell';
import type { E2eTest } from './workbench';

const databaseName = 'app.db';

export function prepareWorkspace(workspace: string): void {
  sqliteShell(
    join(workspace, databaseName),
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT); INSERT INTO orders (item) VALUES ('tea');",
  );
}

export const tests: E2eTest[] = [
  {
    name: 'Sweep Concurrency… from the palette: a step per level, then the headroom chart with exact figures on hover',
    timeoutMs: 240_000,
    async run(workbench) {
      await workbench.waitForWorkbench();
      await workbench.runCommand('SQLite Lock Doctor: Open Database');
      await workbench.chooseQuickPickItem(databaseName);
      await workbench.waitForStatusBarItem(/app\.db · DELETE/);
      // The picker has closed before the palette opens again.
      await workbench.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
      await workbench.runCommand('SQLite Lock Doctor: Sweep Concurrency…');
      await workbench.chooseQuickPickItem(/^seed/);
      await workbench.chooseQuickPickItem(/^threads/);
      await workbench.chooseQuickPickItem(/^1, 2, 4, 8(?!,)/);
      // The progress notification names the level running.
      await workbench.waitForNotification(/clients \(level \d of 4\)/, { timeoutMs: 30_000 });
      const notice = await workbench.waitForNotification(/Sweep of app\.db: /, { timeoutMs: 200_000 });
      const panel = workbench.webview();
      const levels = panel.locator('#headroom-chart .sh-level');
      await levels.first().waitFor({ timeout: 20_000 });
      assert.deepEqual(
        await levels.evaluateAll((groups) => groups.map((group) => group.getAttribute('data-clients'))),
        ['1', '2', '4', '8'],
      );
      const failing = /first failed at (\d+) clients/.exec(notice)?.[1];
      if (failing !== undefined) {
        assert.ok(
          await panel.locator('#headroom-first-failing').count(),
          'the first failing level is marked',
        );
      }
      // Hover shows a level's exact figures (CSS :hover, under the webview's CSP).
      const hovered = panel.locator(`#headroom-chart .sh-level[data-clients="${failing ?? '8'}"]`);
      await hovered.hover();
      const tip = hovered.locator('.sh-tip');
      assert.equal(await tip.evaluate((element) => getComputedStyle(element).visibility), 'visible');
      assert.match((await tip.textContent()) ?? '', /succeeded \d+ of 20/);
      await panel.locator('#headroom').evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await workbench.screenshot('headroom');
      // The last sweep is kept in the workspace's storage: a window reload shows it again.
      await workbench.page.reload();
      await workbench.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await workbench.waitForStatusBarItem(/app\.db · DELETE/, { timeoutMs: 60_000 });
      const reloaded = workbench.webview();
      await reloaded.locator('vscode-tab-header[data-view="headroom"]').click({ timeout: 30_000 });
      const levelsAgain = reloaded.locator('#headroom-chart .sh-level');
      await levelsAgain.first().waitFor({ timeout: 30_000 });
      assert.deepEqual(
        await levelsAgain.evaluateAll((groups) => groups.map((group) => group.getAttribute('data-clients'))),
        ['1', '2', '4', '8'],
      );
    },
  },
  {
    name: 'A checkpoint-starvation probe in WAL: the -wal size grows under the timeline, past the auto-checkpoint size',
    timeoutMs: 120_000,
    async run(workbench) {
      await workbench.runCommand('SQLite Lock Doctor: Run Concurrent-Write Probe');
      await workbench.chooseQuickPickItem(/^checkpoint-starvation/);
      await workbench.chooseQuickPickItem(/^processes/);
      await workbench.chooseQuickPickItem(/^WAL/);
      await workbench.answerQuickInput('5000');
      await workbench.waitForNotification(/Probe of app\.db: /, { timeoutMs: 90_000 });
      const panel = workbench.webview();
      const chart = panel.locator('#wal-size svg');
      await chart.waitFor({ timeout: 20_000 });
      assert.match((await chart.getAttribute('aria-label')) ?? '', /grew from .* to .*MiB/);
      assert.ok(await chart.locator('.sld-wal-limit').count(), 'the auto-checkpoint size is marked');
      await panel.locator('#verdict').evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await workbench.screenshot('wal-growth');
    },
  },
];
