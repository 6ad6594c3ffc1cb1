// Hostile text in the real webview: a python3 process whose name and command line carry HTML, ANSI
// escape sequences and bidi controls holds a lock on a database whose folder and file names carry more;
// the Lock Holders view shows each as text (read from the webview's DOM in Chromium), no element or
// event handler came from it, and the page loaded nothing but its own assets under its CSP.
import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { holdLockHostile, hostileProcessNameAsRead } from '../support/hostileProcess';
import { recordSafetyCases } from '../support/safetyTally';
import { sqliteShell } from '../support/sqliteShell';
import type { E2eTest } from './workbench';

const folderName = '<img src=x onerror=alert(1)> \u001b[31m\u202Eevil';
const fileName = '<svg onload=alert(1)>\u2066hostile.db';
const argv0 = '<script>alert(1)</script><iframe src=https:evil.example>\u202Ename';

/** Before the window opens: the hostile database, found by Open Database's list. */
export function prepareHostileWorkspace(workspace: string): void {
  mkdirSync(join(workspace, folderName));
  sqliteShell(
    join(workspace, folderName, fileName),
    'CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);',
  );
}

export const hostileTests: E2eTest[] = [
  {
    name: 'A hostile process on a hostile path: the Lock Holders view shows it as text, nothing else loads',
    timeoutMs: 90_000,
    async run(workbench) {
      const folder = join(workbench.workspace, folderName);
      const holder = await holdLockHostile(folder, join(folder, fileName), argv0, ['<b>bold</b>']);
      let markupRendered = 0;
      try {
        await workbench.runCommand('SQLite Lock Doctor: Open Database');
        await workbench.chooseQuickPickItem(/svg onload/);
        await workbench.runCommand('SQLite Lock Doctor: Show Lock Holders');
        const panel = workbench.webview();
        const row = panel.locator(`#lock-holders vscode-table-row[data-pid="${holder.pid}"]`);
        await row.waitFor({ timeout: 30_000 });
        // The kernel's comm as read: its ESC a blank, its right-to-left override U+FFFD.
        const comm = hostileProcessNameAsRead;
        assert.ok((await row.textContent())?.includes(comm), `the row shows ${JSON.stringify(comm)}`);
        const page = await panel.locator('body').evaluate(() => ({
          text: document.body.textContent ?? '',
          titles: [...document.querySelectorAll('[title]')].map(
            (element) => element.getAttribute('title') ?? '',
          ),
          handlers: [...document.querySelectorAll('*')].flatMap((element) =>
            [...element.attributes].filter((attribute) => /^on/i.test(attribute.name)).map((a) => a.name),
          ),
          injected: [
            ...document.querySelectorAll(
              'img, iframe, object, embed, b, svg[onload], script:not([nonce]):not(#_vscodeApiScript)',
            ),
          ].map((element) => element.outerHTML.slice(0, 200)),
          // VS Code adds its own acquireVsCodeApi script (#_vscodeApiScript) to every webview.
          scripts: document.querySelectorAll('script:not(#_vscodeApiScript)').length,
          loaded: performance.getEntriesByType('resource').map((entry) => entry.name),
          ownScript: document.querySelector('script[nonce]')?.getAttribute('src') ?? '',
          policy:
            document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ??
            '',
        }));
        if (page.handlers.length > 0 || page.injected.length > 0 || page.scripts !== 1) {
          markupRendered++;
        }
        assert.deepEqual(page.handlers, [], 'no event handler attribute');
        assert.deepEqual(page.injected, [], 'no element made from the text');
        assert.equal(page.scripts, 1, "the panel's own script only");
        assert.ok(
          page.text.includes(fileName.replace('\u2066', '\uFFFD')),
          'the file name reads, its isolate shown',
        );
        // No bidi control reached the page: nothing shown can reverse the text after it.
        assert.doesNotMatch(page.text, /[\u202A-\u202E\u2066-\u2069]/);
        // The command line is the holder's tooltip: an attribute value, as text.
        assert.ok(
          page.titles.some((title) =>
            title.startsWith('<script>alert(1)</script><iframe src=https:evil.example>'),
          ),
          `the command line reads as text: ${JSON.stringify(page.titles)}`,
        );
        // Nothing but the panel's own assets came in: same origin as its script, no remote origin.
        const origin = new URL(page.ownScript).origin;
        assert.deepEqual(
          page.loaded.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin),
          [],
          'every resource comes from the extension',
        );
        const directives = Object.fromEntries(
          page.policy.split(';').map((directive) => {
            const [name, ...sources] = directive.trim().split(/\s+/);
            return [name, sources];
          }),
        );
        assert.deepEqual(directives['default-src'], ["'none'"]);
        assert.ok(
          directives['script-src'].every((source: string) => /^'nonce-[A-Za-z0-9+/=]+'$/.test(source)),
          `scripts by nonce only: ${directives['script-src'].join(' ')}`,
        );
        for (const [name, sources] of Object.entries(directives)) {
          for (const source of sources) {
            assert.ok(
              !/^(\*|https?:|'unsafe-inline'|'unsafe-eval'|'unsafe-hashes')$/.test(source),
              `${name} allows ${source}`,
            );
          }
        }
        await workbench.screenshot('hostile-lock-holders');
      } finally {
        recordSafetyCases({
          family: 'hostile-text',
          suite: 'the real webview (e2e)',
          tried: 1,
          markupRendered,
        });
        await holder.release();
      }
    },
  },
];
