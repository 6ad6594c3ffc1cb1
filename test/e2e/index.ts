// End-to-end: the packaged VSIX installed in a real VS Code (code-server) and used as a person would,
// from the command palette, with the outcome checked on screen and in the file itself.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holdLockWithPython } from '../support/lockHolder';
import { launchSeedApp } from '../support/seedApp';
import { startScheduledClient } from '../support/scheduledClient';
import { sqliteShell } from '../support/sqliteShell';
import { databaseState, isLive, processesMatching } from '../support/faultChecks';
import { hostileTests, prepareHostileWorkspace } from './hostile';
import type { E2eTest, Workbench } from './workbench';

const databaseName = 'app.db';

/** What the browser's console said about the Content Security Policy (the webview's included). */
const cspComplaints: string[] = [];

const syncAppSample = join(
  process.cwd(),
  'test',
  'fixtures',
  'hints',
  'python-sync-call-in-async',
  'seed_sync_app.py',
);

/** Before the window opens: one rollback-journal database in the workspace. */
export function prepareWorkspace(workspace: string): void {
  sqliteShell(
    join(workspace, databaseName),
    "CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT); INSERT INTO orders (item) VALUES ('tea');",
  );
  // The seed's sync FastAPI app, for the code hint (the corpus sample; the harness runs from the repo).
  mkdirSync(join(workspace, 'api'));
  copyFileSync(syncAppSample, join(workspace, 'api', 'main.py'));
  prepareHostileWorkspace(workspace);
}

/** The VSIX the harness installed: this platform's, as `npm run package` names it. */
function packagedVsix(): string {
  const folder = join(process.cwd(), 'vsix');
  const found = readdirSync(folder).filter((name) =>
    name.startsWith(`sqlite-lock-doctor-${process.platform}-${process.arch}-`),
  );
  assert.equal(
    found.length,
    1,
    `one VSIX for ${process.platform}-${process.arch} in ${folder}: ${found.join(', ')}`,
  );
  return join(folder, found[0]);
}

export const tests: E2eTest[] = [
  {
    name: "The VSIX carries the bundles, the webview and this platform's better-sqlite3 binary only",
    run() {
      const listing = execFileSync('unzip', ['-Z1', packagedVsix()], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean);
      for (const needed of [
        'extension/dist/extension.js',
        'extension/dist/engine-process.js',
        'extension/dist/lock-watcher.js',
        'extension/dist/recorder.js',
        'extension/dist/webview/panel.js',
        'extension/dist/webview/panel.css',
        'extension/dist/hints-worker.js',
        'extension/dist/tree-sitter/tree-sitter-python.wasm',
        'extension/dist/tree-sitter/web-tree-sitter.wasm',
        'extension/docs/hints.md',
        'extension/node_modules/better-sqlite3/lib/index.js',
        `extension/node_modules/better-sqlite3/prebuilds/${process.platform}-${process.arch}.node`,
      ]) {
        assert.ok(listing.includes(needed), `${needed} is in the VSIX`);
      }
      const binaries = listing.filter((entry) => entry.endsWith('.node'));
      assert.equal(binaries.length, 1, `one native binary: ${binaries.join(', ')}`);
      const unwanted = listing.filter((entry) =>
        /\.map$|\.ts$|^extension\/(src|test|media|scripts|out)\/|\/deps\//.test(entry),
      );
      assert.deepEqual(unwanted, [], 'no sources, tests or source maps');
      return Promise.resolve();
    },
  },
  {
    name: 'Open Database lists app.db and shows its journal mode in the status bar',
    async run(workbench) {
      workbench.page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) {
          cspComplaints.push(message.text());
        }
      });
      await workbench.runCommand('SQLite Lock Doctor: Open Database');
      await workbench.chooseQuickPickItem(databaseName);
      await workbench.waitForStatusBarItem(/app\.db · DELETE/);
      // The panel opens on the database.
      await workbench.webview().getByText(databaseName, { exact: true }).first().waitFor({ timeout: 20_000 });
      // The controls are VS Code's own (vscode-elements): custom elements with their shadow DOM.
      assert.equal(
        await workbench
          .webview()
          .locator('#refresh')
          .evaluate((element) => element.shadowRoot !== null),
        true,
      );
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
      // While it runs, the panel shows the kernel's view of the sessions' locks on the probe's copy; in the
      // blocking model both sessions live in the engine's one process.
      const live = workbench.webview().locator('#probe-locks');
      await live
        .getByText(/probe sessions A, B/)
        .first()
        .waitFor({ timeout: 10_000 });
      await workbench.screenshot('probe-sessions-live');
      const notice = await workbench.waitForNotification(/Probe of app\.db: 1 of 2 sessions failed/, {
        timeoutMs: 30_000,
      });
      assert.match(notice, /SQLITE_BUSY/);
      const panel = workbench.webview();
      const busyRow = panel.locator('#error-counts vscode-table-row[data-code="SQLITE_BUSY"]');
      await busyRow.waitFor({ timeout: 20_000 });
      assert.equal((await busyRow.locator('vscode-table-cell').nth(1).innerText()).trim(), '1');
      assert.equal(
        await panel
          .locator('#session-outcomes vscode-table-row[data-session="A"]')
          .getAttribute('data-outcome'),
        'failed',
      );
      assert.equal(
        await panel
          .locator('#session-outcomes vscode-table-row[data-session="B"]')
          .getAttribute('data-outcome'),
        'committed',
      );
      const timeline = panel.locator('#timeline svg');
      assert.match(await timeline.innerHTML(), /SQLITE_BUSY after 5\.\d\d s/);
      assert.match(await panel.locator('#verdict').innerText(), /event loop/);
      // The timeline explorer: + zooms in (the live line names the narrower window), hovering lane A
      // shows its state with exact times, in the real webview with its CSP.
      const explorer = panel.locator('#timeline-explorer');
      const canvas = explorer.locator('canvas');
      await explorer.locator('.explorer-window', { hasText: /^Whole run/ }).waitFor({ timeout: 10_000 });
      await canvas.focus();
      await canvas.press('+');
      await explorer
        .locator('.explorer-window', { hasText: /^Showing [\d.]+ (ms|s) to / })
        .waitFor({ timeout: 10_000 });
      const box = await canvas.boundingBox();
      assert.ok(box !== null, 'the timeline canvas is laid out');
      // Lane A is the first lane under the 20 px axis; the plot starts after the 150 px name gutter.
      await canvas.hover({ position: { x: 150 + (box.width - 158) / 2, y: 30 } });
      const tip = explorer.locator('.explorer-tip');
      await tip.waitFor({ timeout: 10_000 });
      assert.match(await tip.innerText(), /^A\n[^\n]+\nfrom [\d.]+ (ms|s) to [\d.]+ (ms|s) \(/);
      await explorer.scrollIntoViewIfNeeded();
      await workbench.screenshot('timeline-explorer');
      await workbench.waitForStatusBarItem(/app\.db · WAL/);
      await panel.locator('#verdict').scrollIntoViewIfNeeded();
      await workbench.screenshot('probe-result-in-panel');
    },
  },
  {
    name: "The panel's Switch to DELETE button asks, switches, and the status bar follows",
    async run(workbench) {
      const panel = workbench.webview();
      await panel.locator('vscode-tab-header[data-view="file"]').click();
      await panel.locator('#switch-delete').click();
      const question = await workbench.clickDialogButton('Switch to DELETE');
      assert.match(question, /Switch app\.db to DELETE\?/);
      await workbench.waitForStatusBarItem(/app\.db · DELETE/);
      assert.equal(sqliteShell(join(workbench.workspace, databaseName), 'PRAGMA journal_mode;'), 'delete');
      await panel.locator('#switch-wal').waitFor({ timeout: 10_000 });
    },
  },
  {
    name: 'After a window reload the panel comes back with the database and the last result',
    timeoutMs: 90_000,
    async run(workbench) {
      await workbench.page.reload();
      await workbench.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      // The serializer reopens the database: the status bar and the panel show it again.
      await workbench.waitForStatusBarItem(/app\.db · DELETE/, { timeoutMs: 60_000 });
      const panel = workbench.webview();
      // The panel comes back (on the view it last saved); the result is in the Probe view.
      await panel.locator('#journal-mode').waitFor({ timeout: 30_000 });
      await panel.locator('vscode-tab-header[data-view="probe"]').click();
      const row = panel.locator('#session-outcomes vscode-table-row[data-session="A"]');
      await row.waitFor({ timeout: 30_000 });
      assert.equal(await row.getAttribute('data-outcome'), 'failed');
      assert.match(await panel.locator('#journal-mode').innerText(), /DELETE/);
    },
  },
  {
    name: 'Show Lock Holders names a python3 writer holding RESERVED, in the panel and the status bar',
    async run(workbench) {
      const writer = await holdLockWithPython(join(workbench.workspace, databaseName), [
        'BEGIN IMMEDIATE',
        "INSERT INTO orders (item) VALUES ('coffee')",
      ]);
      try {
        await workbench.runCommand('SQLite Lock Doctor: Show Lock Holders');
        // The command shows the lock holders view.
        const row = workbench.webview().locator(`#lock-holders vscode-table-row[data-pid="${writer.pid}"]`);
        await row.waitFor({ timeout: 20_000 });
        assert.equal(await row.getAttribute('data-lock'), 'RESERVED');
        assert.match(await row.innerText(), /python3/);
        await workbench.waitForStatusBarItem(new RegExp(`app\\.db · DELETE · writer: python3 ${writer.pid}`));
        await workbench.screenshot('lock-holders');
      } finally {
        await writer.release();
      }
    },
  },
  {
    name: 'Record Lock Activity from the palette, a writer kept in PENDING by a reader, Stop: the Recording tab shows the lanes',
    timeoutMs: 90_000,
    async run(workbench) {
      await workbench.runCommand('SQLite Lock Doctor: Record Lock Activity');
      await workbench.chooseQuickPickItem('Record only');
      await workbench.waitForStatusBarItem(/Recording app\.db \d+:\d\d/);
      const file = join(workbench.workspace, databaseName);
      // In rollback mode the writer's commit waits in PENDING until the reader's SHARED is gone.
      const writer = startScheduledClient(file, [
        { sql: 'BEGIN IMMEDIATE' },
        { sleep: 0.4 },
        { sql: "INSERT INTO orders (item) VALUES ('recorded')" },
        { sql: 'COMMIT' },
      ]);
      const reader = startScheduledClient(file, [
        { sleep: 0.2 },
        { sql: 'BEGIN' },
        { sql: 'SELECT count(*) FROM orders' },
        { sleep: 1.0 },
        { sql: 'COMMIT' },
      ]);
      await Promise.all([writer.done, reader.done]);
      await workbench.runCommand('SQLite Lock Doctor: Stop Recording');
      const panel = workbench.webview();
      // Stop shows the Recording tab: the summary first, then one lane per process.
      const lanes = panel.locator('#recording-lanes svg');
      await lanes.waitFor({ state: 'attached', timeout: 30_000 });
      const drawn = await lanes.innerHTML();
      assert.match(drawn, new RegExp(`python3 ${writer.pid}`));
      assert.match(drawn, new RegExp(`python3 ${reader.pid}`));
      const summary = await panel.locator('#recording-summary').innerText();
      assert.match(summary, new RegExp(`python3 ${writer.pid} sat in PENDING`));
      assert.doesNotMatch((await workbench.statusBarTexts()).join(' | '), /Recording app\.db/);
      await panel.locator('#recording').evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await workbench.screenshot('panel-recording');
      // The last recording is kept in the workspace's storage: a window reload shows it again.
      await workbench.page.reload();
      await workbench.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await workbench.waitForStatusBarItem(/app\.db · DELETE/, { timeoutMs: 60_000 });
      const reloaded = workbench.webview();
      await reloaded.locator('vscode-tab-header[data-view="recording"]').click({ timeout: 30_000 });
      const lanesAgain = reloaded.locator('#recording-lanes svg');
      await lanesAgain.waitFor({ state: 'attached', timeout: 30_000 });
      assert.match(await lanesAgain.innerHTML(), new RegExp(`python3 ${writer.pid}`));
    },
  },
  {
    name: "Run Load Test… from the palette against a seed-like app: progress, then the seed's check beside the lanes",
    timeoutMs: 90_000,
    async run(workbench) {
      const file = join(workbench.workspace, databaseName);
      // test/support/seedApp.py: B holds its write 1 s, a 100 ms busy timeout.
      const seedApp = launchSeedApp(file, { holdMs: 1000, busyTimeoutMs: 100 });
      const app = seedApp.child;
      try {
        const port = await seedApp.port;
        await workbench.runCommand('SQLite Lock Doctor: Run Load Test…');
        const title = (step: string) =>
          workbench.page.locator('.quick-input-widget .quick-input-title', { hasText: step }).waitFor();
        await title('(1/3)');
        await workbench.answerQuickInput(
          `http://127.0.0.1:${port}/session_b http://127.0.0.1:${port}/session_a`,
        );
        await title('(2/3)');
        await workbench.answerQuickInput('20');
        await title('(3/3)');
        await workbench.answerQuickInput('10');
        const notice = await workbench.waitForNotification(/of 20 requests failed/, { timeoutMs: 60_000 });
        const check =
          /(\d+) of 20 requests failed; (\d+) rows? (?:was|were) added to items for (\d+) successful/.exec(
            notice,
          );
        assert.ok(check, notice);
        assert.equal(check[2], check[3], 'rows added = successful requests');
        const panel = workbench.webview();
        const shown = panel.locator('#load-check');
        await shown.waitFor({ timeout: 20_000 });
        assert.match(await shown.innerText(), /of 20 requests failed/);
        assert.match(
          await panel.locator('#recording-lanes svg').innerHTML(),
          new RegExp(`python3 ${app.pid}`),
        );
        await panel.locator('#recording').evaluate((element) => element.scrollIntoView({ block: 'start' }));
        await workbench.screenshot('panel-load-test');
      } finally {
        app.kill();
      }
    },
  },
  {
    name: 'The panel in the light, dark and high-contrast themes, under the nonce CSP (no unsafe-inline)',
    timeoutMs: 120_000,
    async run(workbench) {
      // The writer of the test before has gone: the status bar says so, and the pictures show it.
      await workbench.waitForStatusBarItem(/app\.db · DELETE$/);
      const panel = workbench.webview();
      const backgrounds: string[] = [];
      // Three of this VS Code's (1.139) themes, as the theme picker (Ctrl+K Ctrl+T) lists them, and the
      // class each puts on the webview's body.
      for (const [theme, kind, file] of [
        ['Light 2026', 'vscode-light', 'panel-light'],
        ['Dark High Contrast', 'vscode-high-contrast', 'panel-high-contrast'],
        ['Dark 2026', 'vscode-dark', 'panel-dark'],
      ] as const) {
        await workbench.page.keyboard.press('Control+K');
        await workbench.page.keyboard.press('Control+T');
        // Typed, as a person would: the list is long and shows only what fits.
        await workbench.page.locator('.quick-input-widget .quick-input-box input').fill(theme);
        await workbench.chooseQuickPickItem(new RegExp(`^${theme}`));
        // The webview follows the theme: VS Code sets a class on its body and the theme's variables.
        await panel.locator(`body.${kind}`).waitFor({ state: 'attached', timeout: 20_000 });
        await panel.locator('vscode-tab-header[data-view="probe"]').click();
        await panel.locator('#verdict').waitFor({ timeout: 20_000 });
        // The theme's colours reach the controls (their shadow DOM styles read the same variables).
        const background = await panel
          .locator('#probe-run')
          .evaluate((element) => getComputedStyle(element).getPropertyValue('--vscode-editor-background'));
        assert.notEqual(background.trim(), '', `${file}: the theme's colours reach the panel`);
        backgrounds.push(background.trim());
        // The result at the top: verdict, timeline and the numbers behind it.
        await panel.locator('#result').evaluate((element) => element.scrollIntoView({ block: 'start' }));
        await workbench.screenshot(file);
      }
      assert.equal(
        new Set(backgrounds).size,
        3,
        `three themes, three backgrounds: ${backgrounds.join(', ')}`,
      );
      assert.deepEqual(cspComplaints, [], 'the browser refused nothing under the CSP');
      // The page's policy is the strict one, and the controls' own styles applied under it (their
      // constructable stylesheets are not inline styles): a styled button is not display: inline.
      const policy = await panel
        .locator('meta[http-equiv="Content-Security-Policy"]')
        .getAttribute('content');
      assert.match(policy ?? '', /default-src 'none'/);
      assert.match(policy ?? '', /script-src 'nonce-/);
      assert.doesNotMatch(policy ?? '', /unsafe-inline|unsafe-eval/);
      const button = await panel.locator('#refresh').evaluate((element) => ({
        sheets: element.shadowRoot?.adoptedStyleSheets.length ?? 0,
        display: getComputedStyle(element).display,
      }));
      assert.ok(button.sheets > 0, 'vscode-button has its stylesheet');
      assert.notEqual(button.display, 'inline', 'vscode-button is styled');
    },
  },
  {
    name: 'A code hint in the editor: the squiggle on the sync call, its hover with Reproduce and Explain',
    timeoutMs: 60_000,
    async run(workbench) {
      const page = workbench.page;
      // The workspace scan finds them before the file is opened: the status bar counts the warnings, one
      // per line the sample marks.
      const lines = readFileSync(syncAppSample, 'utf8').split('\n');
      const marked = lines.flatMap((line, index) =>
        line.includes('expect-hint: python-sync-call-in-async') ? [index + 1] : [],
      );
      const count = new RegExp(`\\b${marked.length}\\b`);
      await page.locator('.statusbar-item', { hasText: count }).first().waitFor({ timeout: 30_000 });
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget .quick-input-box input').fill('main.py');
      await workbench.chooseQuickPickItem(/main\.py/);
      await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
      // Go to the first problem (F8), which scrolls its line into view, then close the problem's peek.
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('F8');
      const peek = page.locator('.marker-widget').first();
      await peek.waitFor({ state: 'visible', timeout: 20_000 });
      assert.match(await peek.innerText(), /python-sync-call-in-async/);
      await page.keyboard.press('Escape');
      await peek.waitFor({ state: 'hidden', timeout: 20_000 });
      await page
        .locator('.monaco-editor .line-numbers', { hasText: new RegExp(`^${marked[0]}$`) })
        .first()
        .waitFor({ timeout: 20_000 });
      const squiggle = page.locator('.monaco-editor .squiggly-warning').first();
      await squiggle.waitFor({ state: 'visible', timeout: 30_000 });
      // The squiggle is drawn under the text: point the mouse at its place, as a person does.
      const box = await squiggle.boundingBox();
      assert.ok(box, 'the squiggle is on screen');
      await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);
      const hover = page.locator('.monaco-hover').filter({ hasText: 'SQLite Lock Doctor' }).first();
      await hover.waitFor({ state: 'visible', timeout: 20_000 });
      const text = await hover.innerText();
      assert.match(text, /python-sync-call-in-async/);
      assert.match(text, /Reproduce with the probe/);
      assert.match(text, /Explain/);
      await workbench.screenshot('hints-editor');
    },
  },
  {
    name: 'The window reloaded during a probe: its processes end, no scratch copy, app.db intact, the panel works',
    timeoutMs: 90_000,
    async run(workbench) {
      const file = join(workbench.workspace, databaseName);
      const was = databaseState(file);
      await openDatabase(workbench);
      const before = enginePids();
      await workbench.runCommand('SQLite Lock Doctor: Run Concurrent-Write Probe');
      // forgotten-cursor keeps its cursor open for seconds: the reload comes while the sessions run.
      await workbench.chooseQuickPickItem(/^forgotten-cursor/);
      await workbench.chooseQuickPickItem(/^processes/);
      await workbench.chooseQuickPickItem(/^keep/);
      await workbench.answerQuickInput('5000');
      // The engine process and its session processes running: the sessions have started.
      let probe: number[] = [];
      await pollFor(
        () => (probe = enginePids().filter((pid) => !before.includes(pid))).length >= 3,
        'the probe engine and its two sessions running',
      );
      await reloadAndCheck(workbench, probe, was);
    },
  },
  {
    name: 'The window reloaded during a recording with --run: the recorder and the app end, app.db intact, the panel works',
    timeoutMs: 90_000,
    async run(workbench) {
      const file = join(workbench.workspace, databaseName);
      const was = databaseState(file);
      await openDatabase(workbench);
      const marker = `reload-during-recording-${process.pid}`;
      await workbench.runCommand('SQLite Lock Doctor: Record Lock Activity');
      await workbench.chooseQuickPickItem('Run a command while recording…');
      // An app that writes in a transaction it never commits, then waits.
      await workbench.answerQuickInput(
        `python3 -c "import sqlite3, time; db = sqlite3.connect('${databaseName}', isolation_level=None); db.execute('BEGIN IMMEDIATE'); db.execute('DELETE FROM orders'); print('${marker}', flush=True); time.sleep(120)"`,
      );
      await workbench.waitForStatusBarItem(/Recording app\.db \d+:\d\d/);
      let app: number[] = [];
      await pollFor(
        () => (app = processesMatching(marker).map((found) => found.pid)).length > 0,
        'the app running',
      );
      const recorders = installedProcesses('dist/recorder.js');
      await reloadAndCheck(workbench, [...app, ...recorders], was);
    },
  },
  ...hostileTests,
];

async function openDatabase(workbench: Workbench): Promise<void> {
  await workbench.runCommand('SQLite Lock Doctor: Open Database');
  await workbench.chooseQuickPickItem(databaseName);
  await workbench.waitForStatusBarItem(/app\.db · /);
  // The new panel has the focus, and a webview keeps F1 to itself: give it back to the workbench.
  await workbench.page.locator('.part.sidebar .title').first().click();
}

/** The installed extension's processes running `bundle` (not those of a test elsewhere on the machine). */
function installedProcesses(bundle: string): number[] {
  const running = new Set(processesMatching(bundle).map((found) => found.pid));
  return processesMatching('sqlite-lock-doctor.sqlite-lock-doctor-')
    .map((found) => found.pid)
    .filter((pid) => running.has(pid));
}

function enginePids(): number[] {
  return installedProcesses('dist/engine-process.js');
}

async function pollFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `${what} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Reloads the window, then: the old processes end, none left a scratch folder, the file is intact with
 * the same rows and no probe table, and the panel works again. */
async function reloadAndCheck(
  workbench: Workbench,
  pids: number[],
  was: ReturnType<typeof databaseState>,
): Promise<void> {
  await workbench.page.reload();
  await workbench.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await pollFor(() => pids.every((pid) => !isLive(pid)), `processes ${pids.join(', ')} ending`);
  const scratch = readdirSync(tmpdir()).filter((name) =>
    pids.some((pid) => name.startsWith(`sqlite-lock-doctor-${pid}-`)),
  );
  assert.deepEqual(scratch, [], 'no scratch copy left');
  const now = databaseState(join(workbench.workspace, databaseName));
  assert.equal(now.integrity, 'ok');
  assert.equal(now.contentSha256, was.contentSha256, 'the rows are unchanged');
  assert.deepEqual(now.tables, was.tables, 'no probe table');
  // VS Code revives a webview panel when its tab is shown: the panel may sit behind another editor.
  await workbench.page.locator('.tabs-container .tab', { hasText: 'SQLite Lock Doctor' }).first().click();
  await workbench.waitForStatusBarItem(/app\.db · /, { timeoutMs: 60_000 });
  await workbench.webview().locator('#journal-mode').waitFor({ timeout: 30_000 });
}
