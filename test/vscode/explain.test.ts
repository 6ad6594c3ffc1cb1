// "Explain a Lock Error…" in a real extension host: a selected traceback is explained (one answer per
// cause, with counts) in a Markdown page; "Reproduce with the probe" runs the preset that shows it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplainOutcome } from '../../src/extension/explain/explainLockErrorCommand';
import type { ProbeResult } from '../../src/engine/probe/probeTypes';
import { lockDoctorApi } from './extensionUnderTest';
import { test } from './runner';
import { eventually } from './workspaceDatabase';

const log = [
  'INFO:     127.0.0.1:50312 - "POST /orders HTTP/1.1" 200 OK',
  'Traceback (most recent call last):',
  '  File "/app/venv/lib/python3.12/site-packages/django/db/backends/utils.py", line 105, in _execute',
  '    return self.cursor.execute(sql, params)',
  'sqlite3.OperationalError: database is locked',
  'django.db.utils.OperationalError: database is locked',
  'worker 2: Error: SQLITE_BUSY_SNAPSHOT: database is locked',
].join('\n');

test('Explain a Lock Error: the selection is explained, one answer per cause, in a Markdown page', async () => {
  await lockDoctorApi();
  const document = await vscode.workspace.openTextDocument({ content: log, language: 'log' });
  const editor = await vscode.window.showTextDocument(document);
  // Everything but the access-log line, which is no error.
  editor.selection = new vscode.Selection(1, 0, 6, document.lineAt(6).text.length);
  const outcome = await vscode.commands.executeCommand<ExplainOutcome | undefined>(
    'sqliteLockDoctor.explainLockError',
  );
  assert.ok(outcome, 'the command answered');
  assert.equal(outcome.input, 'selection');
  assert.deepEqual(
    outcome.explanation.answers.map((answer) => [answer.scenario.id, answer.count, answer.lines]),
    [
      ['busy-timeout-exceeded', 2, [4, 5]],
      ['deferred-upgrade', 1, [6]],
    ],
  );
  assert.ok(outcome.page, 'a page was shown');
  const page = await eventually(
    () => vscode.workspace.textDocuments.find((open) => open.uri.toString() === outcome.page?.toString()),
    (found) => found !== undefined,
    'the explanation page open',
  );
  const text = page?.getText() ?? '';
  assert.match(text, /## 1\. Another connection held the lock longer than this one waited/);
  assert.match(text, /\*\*From:\*\* Django/);
  assert.match(text, /transaction\\_mode/);
  assert.match(text, /sqlite-lock-doctor probe <your\.db> --preset upgrade --model processes/);
});

test(
  'Explain a Lock Error: "Reproduce with the probe" runs the upgrade preset for a BUSY_SNAPSHOT',
  async () => {
    const lockDoctor = await lockDoctorApi();
    const result = await vscode.commands.executeCommand<ProbeResult | undefined>(
      'sqliteLockDoctor.reproduceLockError',
      { scenario: 'deferred-upgrade' },
    );
    assert.ok(result, 'the probe ran');
    assert.equal(result.config.preset, 'upgrade');
    assert.equal(result.config.model, 'processes');
    assert.equal(result.sessions.find((session) => session.name === 'early')?.outcome, 'failed');
    await eventually(
      () => lockDoctor.panelDelivered('result'),
      (message) => message?.result?.id === result.id,
      'the result in the panel',
    );
    const none = await vscode.commands.executeCommand('sqliteLockDoctor.reproduceLockError', {
      scenario: 'shared-cache-locked',
    });
    assert.equal(none, undefined, 'no preset reproduces SQLITE_LOCKED yet: nothing ran');
  },
  { timeoutMs: 60_000 },
);
