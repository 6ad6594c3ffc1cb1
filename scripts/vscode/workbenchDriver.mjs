// What an e2e test can do in the workbench, as a person would: run a command from the palette, read
// notifications, reach a webview's content, take screenshots. test/e2e/context.ts declares its type.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `<user-data-dir>/logs/<time>/exthost*\/remoteexthost.log`, newest session first. */
export function findExtensionHostLogs(userDataDir) {
  const logsDir = join(userDataDir, 'logs');
  let sessions = [];
  try {
    sessions = readdirSync(logsDir).sort().reverse();
  } catch {
    return [];
  }
  const found = [];
  for (const session of sessions) {
    let entries = [];
    try {
      entries = readdirSync(join(logsDir, session));
    } catch {
      continue;
    }
    for (const entry of entries.filter((name) => name.startsWith('exthost'))) {
      const file = join(logsDir, session, entry, 'remoteexthost.log');
      try {
        readFileSync(file);
        found.push(file);
      } catch {
        // no log in that folder
      }
    }
  }
  return found;
}

export function createWorkbenchDriver({ page, workspace, userDataDir, screenshotDir, log }) {
  let shot = 0;
  const driver = {
    page,
    workspace,
    log,

    /**
     * Waits until the workbench is on screen and the remote extension host has started its extensions
     * (before that, the palette does not list the installed extensions' commands yet).
     */
    async waitForWorkbench(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
      await page.locator('.statusbar').waitFor({ timeout: Math.max(1, deadline - Date.now()) });
      while (!driver.extensionHostLog().includes('Eager extensions activated')) {
        if (Date.now() > deadline) {
          throw new Error(`the extension host did not start its extensions within ${timeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    },

    /**
     * Runs a command by its palette title ("Category: Title"), as typed by a person. Reopens the palette
     * until the command is listed (a freshly started window registers contributions a moment later).
     */
    async runCommand(title, { timeoutMs = 15_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      const input = page.locator('.quick-input-widget .quick-input-box input');
      const row = page
        .locator('.quick-input-widget .monaco-list-row')
        .filter({ hasText: new RegExp(escapeRegExp(title), 'i') })
        .first();
      for (;;) {
        await page.keyboard.press('F1');
        await input.waitFor({ state: 'visible', timeout: Math.max(1, deadline - Date.now()) });
        try {
          // Bounded: a palette opened while the workbench was briefly inert (focus in a webview that was
          // redrawing) stays unfillable; Escape and F1 again get a live one.
          await input.fill(`>${title}`, { timeout: Math.min(2_000, Math.max(1, deadline - Date.now())) });
          await row.waitFor({
            state: 'visible',
            timeout: Math.min(2_000, Math.max(1, deadline - Date.now())),
          });
          break;
        } catch (error) {
          if (Date.now() >= deadline) {
            throw new Error(`the command palette does not list "${title}" (waited ${timeoutMs} ms)`, {
              cause: error,
            });
          }
          await page.keyboard.press('Escape');
        }
      }
      await page.keyboard.press('Enter');
      // The palette is gone: hidden, or reused by a quick pick the command opened (no '>' prefix then).
      await page.waitForFunction(
        () => {
          const box = document.querySelector('.quick-input-widget .quick-input-box input');
          return !box || box.offsetParent === null || !box.value.startsWith('>');
        },
        undefined,
        { timeout: Math.max(1, deadline - Date.now()) },
      );
    },

    /** Waits until the open quick pick lists an item with this text (items may arrive late), then accepts it. */
    async chooseQuickPickItem(match, { timeoutMs = 20_000 } = {}) {
      const pattern = typeof match === 'string' ? new RegExp(escapeRegExp(match), 'i') : match;
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: timeoutMs });
      const row = page.locator('.quick-input-widget .monaco-list-row').filter({ hasText: pattern }).first();
      await row.waitFor({ state: 'visible', timeout: timeoutMs });
      await row.click();
    },

    /** Types into an open quick pick / input box and accepts it (Enter). */
    async answerQuickInput(text, { timeoutMs = 15_000 } = {}) {
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible', timeout: timeoutMs });
      await input.fill(text);
      await page.keyboard.press('Enter');
    },

    /** Waits for a modal dialog (showInformationMessage/showWarningMessage with modal: true) and clicks a button. */
    async clickDialogButton(label, { timeoutMs = 20_000 } = {}) {
      const pattern = typeof label === 'string' ? new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`, 'i') : label;
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ state: 'visible', timeout: timeoutMs });
      const text = (await dialog.innerText()).trim();
      await dialog
        .locator('.dialog-buttons .monaco-button')
        .filter({ hasText: pattern })
        .first()
        .click({ timeout: timeoutMs });
      await dialog.waitFor({ state: 'hidden', timeout: timeoutMs });
      return text;
    },

    /** Waits for a notification toast whose message matches; returns its text. */
    async waitForNotification(match, { timeoutMs = 20_000 } = {}) {
      const pattern = typeof match === 'string' ? new RegExp(escapeRegExp(match), 'i') : match;
      const toast = page
        .locator('.notification-toast .notification-list-item-message')
        .filter({ hasText: pattern });
      await toast.first().waitFor({ state: 'visible', timeout: timeoutMs });
      return (await toast.first().innerText()).trim();
    },

    /** The content frame of the webview whose tab is shown (webviews nest two iframes). */
    webview(index = 0) {
      return page.frameLocator('iframe.webview.ready').nth(index).frameLocator('iframe#active-frame');
    },

    /** Waits for a status bar item whose text matches; returns its text. */
    async waitForStatusBarItem(match, { timeoutMs = 20_000 } = {}) {
      const pattern = typeof match === 'string' ? new RegExp(escapeRegExp(match), 'i') : match;
      const item = page.locator('.statusbar-item').filter({ hasText: pattern }).first();
      await item.waitFor({ state: 'visible', timeout: timeoutMs });
      return (await item.innerText()).trim();
    },

    /** Status bar entries' texts. */
    async statusBarTexts() {
      return page.locator('.statusbar-item').allInnerTexts();
    },

    async screenshot(name) {
      shot += 1;
      const file = join(
        screenshotDir,
        `${String(shot).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '_')}.png`,
      );
      await page.screenshot({ path: file });
      return file;
    },

    /** The text of the extension host's log so far (activation lines, extension errors). */
    extensionHostLog() {
      return findExtensionHostLogs(userDataDir)
        .map((file) => readFileSync(file, 'utf8'))
        .join('\n');
    },
  };
  return driver;
}
