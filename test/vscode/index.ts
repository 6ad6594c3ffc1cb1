// The integration suite that runs inside a real VS Code extension host (code-server, Node 24), started by
// scripts/vscode/runInCodeServer.mjs. Built by esbuild.mjs to out/vscode-test/index.js with `vscode`
// external. Each test file registers its tests when imported; run() runs them in this order.
import { runRegisteredTests } from './runner';
import './activation.test';

export async function run(): Promise<void> {
  await runRegisteredTests();
}
import './commands.test';
import './locks.test';
import './lockWatcher.test';
import './recording.test';
import './loadTest.test';
import './hints.test';
import './explain.test';
import './hostile.test';
import './scenario.test';
// Last: it compares the host's descriptors, processes and memory before and after its minute.
import './soak.test';
