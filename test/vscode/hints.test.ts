// Code hints in a real extension host: the seed's sync FastAPI app shows the hazard on the line of the sync
// call inside the async def, with its hover; "Reproduce with the probe" gives the seed's collision in the
// panel; the async version shows nothing; a quick fix applied removes its hint; a disabled rule's hints go.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hintRuleById } from '../../src/engine/hints/hintRules';
import type { ProbeResult } from '../../src/engine/probe/probeTypes';
import { lockDoctorApi } from './extensionUnderTest';
import {
  codeActionsAt,
  codeOf,
  copyHintSample,
  hintDiagnostics,
  hoverTextAt,
  markedLines,
} from './hintFixtures';
import { test } from './runner';
import { eventually } from './workspaceDatabase';

const syncRule = 'python-sync-call-in-async';
const syncSample = 'seed_sync_app.py';
let syncApp: vscode.Uri | undefined;

function syncAppUri(): vscode.Uri {
  assert.ok(syncApp, 'the first hints test copied the sync app into the workspace');
  return syncApp;
}

async function firstSyncDiagnostic(): Promise<vscode.Diagnostic> {
  const [diagnostic] = await eventually(
    () => hintDiagnostics(syncAppUri()),
    (found) => found.length > 0,
    'the hint on the sync app',
    15_000,
  );
  return diagnostic;
}

test('code hints: a sync FastAPI app copied into the workspace shows the hazard on the sync call inside the async def', async () => {
  await lockDoctorApi();
  // Not opened in an editor: the file watcher's rescan finds it on disk.
  syncApp = copyHintSample(syncRule, syncSample, 'api/main.py');
  await firstSyncDiagnostic();
  const diagnostics = hintDiagnostics(syncApp);
  assert.deepEqual(
    diagnostics.map((diagnostic) => diagnostic.range.start.line),
    markedLines(syncRule, syncSample),
  );
  for (const diagnostic of diagnostics) {
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(codeOf(diagnostic)?.value, syncRule);
    assert.match(codeOf(diagnostic)?.target.path ?? '', /\/docs\/hints\.md$/);
    assert.match(codeOf(diagnostic)?.target.fragment ?? '', /^L\d+$/, 'the link names the section’s line');
  }
});

test('code hints: the hover says why, what happens and the fix, and offers Reproduce and Explain', async () => {
  const diagnostic = await firstSyncDiagnostic();
  await vscode.window.showTextDocument(syncAppUri());
  const text = await hoverTextAt(syncAppUri(), diagnostic.range.start);
  const rule = hintRuleById(syncRule)?.info;
  assert.ok(rule?.scenario);
  assert.ok(text.includes(rule.message), `the hover has the rule's message:\n${text}`);
  assert.ok(text.includes(`*What happens:* ${rule.scenario.shows}`), text);
  assert.ok(text.includes(`*Fix:* ${rule.fix}`), text);
  assert.match(text, /\[\$\(beaker\) Reproduce with the probe\]\(command:sqliteLockDoctor\.reproduceHint\?/);
  assert.match(text, /\[\$\(book\) Explain\]\(command:sqliteLockDoctor\.explainHint\?/);
  // Away from the hinted range, no hover of ours.
  assert.equal(await hoverTextAt(syncAppUri(), new vscode.Position(0, 0)), '');
});

test(
  'code hints: "Reproduce with the probe" runs the seed collision (blocking model) and the panel shows it',
  async () => {
    const lockDoctor = await lockDoctorApi();
    // The database open in the panel, or none: then a scratch database in the extension's storage.
    const openBefore = lockDoctor.state().database?.path;
    const diagnostic = await firstSyncDiagnostic();
    const actions = await codeActionsAt(syncAppUri(), diagnostic.range);
    const reproduce = actions.find((action) => action.title === 'Reproduce with the probe');
    assert.ok(reproduce?.command, `offered: ${actions.map((action) => action.title).join(', ')}`);
    assert.equal(reproduce.disabled, undefined);
    const result = await vscode.commands.executeCommand<ProbeResult | undefined>(
      reproduce.command.command,
      ...((reproduce.command.arguments ?? []) as unknown[]),
    );
    assert.ok(result, 'the probe ran');
    assert.equal(result.config.model, 'blocking');
    assert.deepEqual(result.errorCounts, { SQLITE_BUSY: 1 });
    assert.equal(result.sessions.find((session) => session.name === 'A')?.outcome, 'failed');
    assert.match(result.verdict.summary, /1 of 2 sessions failed/);
    const delivered = await eventually(
      () => lockDoctor.panelDelivered('result'),
      (message) => message?.result?.id === result.id,
      'the result in the panel',
    );
    assert.equal(delivered?.result?.sessions.length, 2);
    const ranOn = lockDoctor.state().database?.path ?? '';
    assert.ok(
      openBefore === undefined ? ranOn.endsWith('hint-scenarios.db') : ranOn === openBefore,
      `ran on ${ranOn} (open before: ${openBefore ?? 'none'})`,
    );
  },
  { timeoutMs: 60_000 },
);

test('code hints: Explain opens the rule’s section of docs/hints.md in the Markdown preview', async () => {
  const diagnostic = await firstSyncDiagnostic();
  const explain = (await codeActionsAt(syncAppUri(), diagnostic.range)).find((action) =>
    action.title.startsWith('Explain'),
  );
  assert.ok(explain?.command);
  await vscode.commands.executeCommand(
    explain.command.command,
    ...((explain.command.arguments ?? []) as unknown[]),
  );
  const tab = await eventually(
    () => vscode.window.tabGroups.activeTabGroup.activeTab,
    (active) =>
      active?.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(active.input.viewType),
    'the Markdown preview',
  );
  assert.match(tab?.label ?? '', /hints\.md/);
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
});

test('code hints: the async version shows nothing, and Scan Workspace counts what it shows', async () => {
  const asyncApp = copyHintSample(syncRule, 'seed_async_app.py', 'api/async_main.py');
  const summary = await vscode.commands.executeCommand<{
    findings: number;
    files: number;
    filesScanned: number;
  }>('sqliteLockDoctor.scanWorkspaceForHints');
  assert.ok(summary, 'the scan ran');
  assert.deepEqual(hintDiagnostics(asyncApp), []);
  assert.equal(hintDiagnostics(syncAppUri()).length, markedLines(syncRule, syncSample).length);
  assert.ok(summary.filesScanned >= 2, `scanned ${summary.filesScanned} files`);
  const shown = vscode.languages
    .getDiagnostics()
    .reduce(
      (sum, [, diagnostics]) => sum + diagnostics.filter((d) => d.source === 'SQLite Lock Doctor').length,
      0,
    );
  assert.equal(summary.findings, shown);
});

test('code hints: a quick fix applied changes only the hinted text, and its hint goes', async () => {
  const rule = 'python-sqlite3-timeout-zero';
  const sample = 'worker_no_wait.py';
  const uri = copyHintSample(rule, sample, 'jobs/worker.py');
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const ofRule = () => hintDiagnostics(uri).filter((diagnostic) => codeOf(diagnostic)?.value === rule);
  const before = await eventually(
    ofRule,
    (found) => found.length === markedLines(rule, sample).length,
    `the ${rule} hints`,
    15_000,
  );
  const target = before[0];
  const fix = (await codeActionsAt(uri, target.range)).find((action) => action.edit !== undefined);
  assert.ok(fix?.edit, 'a quick fix with an edit is offered');
  assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
  const linesBefore = document.getText().split('\n');
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  const linesAfter = document.getText().split('\n');
  // Only the hinted line changed, and the file is not saved: the user decides.
  assert.deepEqual(
    linesAfter
      .map((line, index) => (line === linesBefore[index] ? null : index))
      .filter((index) => index !== null),
    [target.range.start.line],
  );
  assert.doesNotMatch(linesAfter[target.range.start.line], /timeout=0\b/);
  assert.equal(document.isDirty, true);
  // The edited text is analysed again: that hint is gone, the others stay.
  await eventually(
    () => ofRule().map((diagnostic) => diagnostic.range.start.line),
    (lines) => !lines.includes(target.range.start.line) && lines.length === before.length - 1,
    'the hints after the fix',
  );
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
});

test('code hints: turning the rule off in the settings removes its hints, turning it on brings them back', async () => {
  const settings = vscode.workspace.getConfiguration('sqliteLockDoctor');
  await settings.update('hints.disabledRules', [syncRule], vscode.ConfigurationTarget.Global);
  try {
    await eventually(
      () => hintDiagnostics(syncAppUri()).length,
      (count) => count === 0,
      'hints of the disabled rule',
    );
  } finally {
    await settings.update('hints.disabledRules', undefined, vscode.ConfigurationTarget.Global);
  }
  await firstSyncDiagnostic();
});
