#!/usr/bin/env node
// The harness's own test, independent of SQLite Lock Doctor: a throwaway extension (one command that
// shows a notification) is written to a temp folder and run through both modes. A passing integration
// run must exit 0, a deliberately failing one 1, and the e2e run (one passing and one deliberately
// failing test against the packaged throwaway VSIX) 1, each with the right closing line.
//
//   node scripts/vscode/selfTest.mjs      (after installCodeServer.mjs; about 30 s)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './environment.mjs';

const extensionFiles = {
  'package.json': JSON.stringify(
    {
      name: 'throwaway',
      displayName: 'Throwaway',
      publisher: 'harness',
      version: '0.0.1',
      license: 'MIT',
      engines: { vscode: '^1.101.0' },
      main: './extension.js',
      activationEvents: [],
      contributes: {
        commands: [{ command: 'throwaway.hello', title: 'Say Hello', category: 'Throwaway' }],
      },
    },
    null,
    2,
  ),
  'README.md': '# Throwaway\n\nThe harness self-test extension.\n',
  LICENSE: 'MIT\n',
  'extension.js': `const vscode = require('vscode');
exports.activate = (context) => {
  context.subscriptions.push(
    vscode.commands.registerCommand('throwaway.hello', () => {
      const text = 'Hello from the throwaway extension on Node ' + process.version;
      void vscode.window.showInformationMessage(text);
      return text;
    }),
  );
};
`,
};

// Three tests through test/vscode/runner.ts; in the failing variant two of them assert something false.
function integrationTests(failing) {
  return `import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runRegisteredTests, test } from ${JSON.stringify(join(repoRoot, 'test/vscode/runner.ts'))};
test('runs in VS Code 1.139.1 on Node 24', () => {
  assert.equal(vscode.version, ${failing ? "'1.0.0'" : "'1.139.1'"});
  assert.match(process.version, /^v24\\./);
});
test('the command is registered after activation and answers', async () => {
  const text = await vscode.commands.executeCommand<string>('throwaway.hello');
  assert.equal(vscode.extensions.getExtension('harness.throwaway')?.isActive, true);
  assert.match(text, /Hello from the throwaway extension on Node v24/);
  assert.ok((await vscode.commands.getCommands(true)).includes('throwaway.hello'));
});
test('the folder the harness opened is trusted', () => {
  assert.equal(vscode.workspace.workspaceFolders?.length, 1);
  assert.equal(vscode.workspace.isTrusted, ${failing ? 'false' : 'true'});
});
export async function run(): Promise<void> {
  await runRegisteredTests();
}
`;
}

const e2eTests = `export const tests = [
  {
    name: 'Say Hello from the command palette shows its notification',
    async run(workbench) {
      await workbench.runCommand('Throwaway: Say Hello');
      const text = await workbench.waitForNotification('Hello from the throwaway extension');
      if (!/Node v24\\./.test(text)) throw new Error('unexpected notification: ' + text);
      if (!workbench.extensionHostLog().includes("harness.throwaway, startup: false, activationEvent: 'onCommand:throwaway.hello'")) {
        throw new Error('no activation line in the extension host log');
      }
    },
  },
  {
    name: 'deliberately failing: a notification that never comes',
    timeoutMs: 8000,
    async run(workbench) {
      await workbench.waitForNotification('this text is never shown', { timeoutMs: 2000 });
    },
  },
];
`;

const root = mkdtempSync(join(tmpdir(), 'lock-doctor-harness-self-test-'));
const extension = join(root, 'throwaway');
mkdirSync(join(extension, 'test'), { recursive: true });
for (const [name, text] of Object.entries(extensionFiles)) {
  writeFileSync(join(extension, name), text);
}
for (const variant of ['pass', 'fail']) {
  writeFileSync(join(extension, 'test', `${variant}.ts`), integrationTests(variant === 'fail'));
  await esbuild.build({
    entryPoints: [join(extension, 'test', `${variant}.ts`)],
    outfile: join(extension, 'out', `${variant}.js`),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    logLevel: 'warning',
  });
}
writeFileSync(join(root, 'e2e.mjs'), e2eTests);
const vsix = join(root, 'throwaway-0.0.1.vsix');
const packed = spawnSync(
  process.execPath,
  [join(repoRoot, 'node_modules/@vscode/vsce/vsce'), 'package', '--allow-missing-repository', '--out', vsix],
  { cwd: extension, encoding: 'utf8' },
);
if (packed.status !== 0) {
  console.error(`self-test: vsce package failed:\n${packed.stdout}${packed.stderr}`);
  process.exit(1);
}

const harness = join(repoRoot, 'scripts/vscode/runInCodeServer.mjs');
const runs = [
  {
    name: 'integration, passing tests',
    args: ['integration', '--extension', extension, '--tests', join(extension, 'out/pass.js')],
    status: 0,
    closing: '3 passed, 0 failed',
  },
  {
    name: 'integration, deliberately failing tests',
    args: ['integration', '--extension', extension, '--tests', join(extension, 'out/fail.js')],
    status: 1,
    closing: '1 passed, 2 failed',
  },
  {
    name: 'e2e against the throwaway VSIX, one test failing on purpose',
    args: ['e2e', '--vsix', vsix, '--tests', join(root, 'e2e.mjs')],
    status: 1,
    closing: '1 passed, 1 failed',
  },
];
let passed = 0;
for (const [index, run] of runs.entries()) {
  const result = spawnSync(
    process.execPath,
    [harness, ...run.args, '--artifacts', join(root, `artifacts-${index}`), '--timeout', '120'],
    { encoding: 'utf8', timeout: 180_000 },
  );
  const closing = result.stdout.trim().split('\n').at(-1);
  const ok = result.status === run.status && closing === run.closing;
  passed += ok ? 1 : 0;
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${run.name}: exit ${result.status} (want ${run.status}), "${closing}" (want "${run.closing}")`,
  );
  if (!ok) {
    console.log(result.stdout + result.stderr);
  }
}
if (passed === runs.length) {
  rmSync(root, { recursive: true, force: true });
} else {
  console.log(`self-test: kept ${root}`);
}
console.log(`${passed} passed, ${runs.length - passed} failed`);
process.exitCode = passed === runs.length ? 0 : 1;
