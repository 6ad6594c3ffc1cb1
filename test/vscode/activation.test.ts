// The extension loads in a real extension host, activates, and registers every command it contributes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, commandIds, extensionUnderTest } from './extensionUnderTest';
import { test } from './runner';

interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

test('the extension is not active before a command or a panel needs it', () => {
  // "activationEvents" must not be "*": a window that never uses SQLite Lock Doctor does not load it.
  assert.equal(extensionUnderTest().isActive, false);
});

test('the extension activates in this host (VS Code 1.139, Node 24)', async () => {
  assert.match(vscode.version, /^1\.139\./);
  assert.match(process.version, /^v24\./);
  await activateExtension();
  assert.equal(extensionUnderTest().isActive, true);
});

test('every command is registered once activated', async () => {
  await activateExtension();
  const registered = new Set(await vscode.commands.getCommands(true));
  const missing = commandIds.filter((id) => !registered.has(id));
  assert.deepEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
});

test('every command is contributed under the "SQLite Lock Doctor" category with a title', () => {
  const contributes = (
    extensionUnderTest().packageJSON as { contributes?: { commands?: ContributedCommand[] } }
  ).contributes;
  const contributed = new Map((contributes?.commands ?? []).map((entry) => [entry.command, entry]));
  for (const id of commandIds) {
    const entry = contributed.get(id);
    assert.ok(entry, `${id} is not in contributes.commands`);
    assert.equal(entry.category, 'SQLite Lock Doctor', `${id} category`);
    assert.ok(entry.title.trim().length > 0, `${id} has no title`);
  }
});
