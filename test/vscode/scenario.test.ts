// Scenario files in a real extension host: VS Code's JSON language service checks a *.lockprobe.json
// against the schema the extension contributes (jsonValidation) and completes `op` with each value's
// description; Run Scenario File runs it through the probe and shows the result in the panel.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { stepOps } from '../../src/engine/options/stepOps';
import type { ProbeResult } from '../../src/engine/probe/probeTypes';
import { lockDoctorApi } from './extensionUnderTest';
import { test } from './runner';
import { eventually, makeWorkspaceDatabase, workspaceFolder } from './workspaceDatabase';

/** The completion items at `position`, once the JSON language service offers some (it starts lazily). */
async function completionsAt(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionList> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      position,
    );
    if (list.items.length > 0 || Date.now() > deadline) {
      return list;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function writeScenario(name: string, text: string): vscode.Uri {
  const file = join(workspaceFolder(), name);
  writeFileSync(file, text);
  return vscode.Uri.file(file);
}

test(
  'a *.lockprobe.json gets the schema: a wrong op is marked, and op completes with its descriptions',
  async () => {
    await lockDoctorApi();
    const text =
      '{ "sessions": [{ "name": "A", "steps": [{ "op": "begin" }, { "op": "wrte" }, { "op": "commit" }] }] }';
    const uri = writeScenario('typo.lockprobe.json', text);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'json');
    const diagnostics = await eventually(
      () => vscode.languages.getDiagnostics(uri),
      (found) => found.length > 0,
      "the JSON language service's diagnostics",
      30_000,
    );
    const wrongOp = text.indexOf('"wrte"');
    const marked = diagnostics.find((diagnostic) => document.offsetAt(diagnostic.range.start) === wrongOp);
    assert.ok(
      marked,
      `a diagnostic on "wrte": ${JSON.stringify(diagnostics.map((d) => [d.message, d.range]))}`,
    );
    assert.match(marked.message, /begin/);

    // Completion inside the empty string of a step's op.
    const blank = '{ "sessions": [{ "name": "A", "steps": [{ "op": "" }] }] }';
    const blankUri = writeScenario('blank.lockprobe.json', blank);
    const blankDocument = await vscode.workspace.openTextDocument(blankUri);
    await vscode.window.showTextDocument(blankDocument);
    const position = blankDocument.positionAt(blank.indexOf('"op": "') + '"op": "'.length);
    const completions = await completionsAt(blankUri, position);
    const labelOf = (item: vscode.CompletionItem) =>
      (typeof item.label === 'string' ? item.label : item.label.label).replace(/"/g, '');
    assert.deepEqual(
      completions.items.map(labelOf).sort(),
      [...stepOps.values].sort(),
      'the completion offers every op',
    );
    const hold = completions.items.find((item) => labelOf(item) === 'hold');
    const documentation = hold?.documentation;
    const shown = typeof documentation === 'string' ? documentation : (documentation?.value ?? '');
    assert.match(shown, /Keep what the session holds/, 'the op is explained');
  },
  { timeoutMs: 90_000 },
);

test(
  'Run Scenario File runs the file on the open database and shows the result in the panel',
  async () => {
    const lockDoctor = await lockDoctorApi();
    const database = makeWorkspaceDatabase('scenario.db');
    await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
    const uri = writeScenario(
      'timeout.lockprobe.json',
      JSON.stringify({
        description: 'a connection without a busy timeout meets a writer',
        model: 'threads',
        sessions: [
          {
            name: 'holder',
            steps: [{ op: 'begin', at: 0 }, { op: 'write' }, { op: 'hold', ms: 400 }, { op: 'commit' }],
          },
          {
            name: 'eager',
            busyTimeoutMs: 0,
            steps: [
              { op: 'begin', at: 200 },
              { op: 'read', sql: 'SELECT count(*) FROM items' },
              { op: 'write', sql: "INSERT INTO items (name) VALUES ('x')" },
              { op: 'commit' },
            ],
          },
        ],
      }),
    );
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const result = await vscode.commands.executeCommand<ProbeResult | undefined>(
      'sqliteLockDoctor.runScenarioFile',
      uri,
    );
    assert.ok(result, 'the scenario ran');
    assert.equal(result.config.preset, 'scenario');
    assert.equal(result.config.scenario?.file, uri.fsPath);
    assert.equal(result.config.model, 'threads');
    assert.equal(result.sessions.find((session) => session.name === 'holder')?.outcome, 'committed');
    assert.equal(result.sessions.find((session) => session.name === 'eager')?.error?.code, 'SQLITE_BUSY');
    await eventually(
      () => lockDoctor.panelDelivered('result'),
      (message) => message?.result?.id === result.id,
      'the result in the panel',
    );
    // A wrong file: one sentence, nothing runs.
    const wrong = writeScenario(
      'wrong.lockprobe.json',
      '{ "sessions": [{ "name": "A", "steps": [{ "op": "commit" }] }] }',
    );
    const none = await vscode.commands.executeCommand('sqliteLockDoctor.runScenarioFile', wrong);
    assert.equal(none, undefined);
    assert.equal(lockDoctor.state().lastResult?.id, result.id, 'the last result is still the scenario run');
  },
  { timeoutMs: 60_000 },
);
