// One build for every target: the command-line twin, the engine's worker/child entry, and the tests.
// Type-checking is a separate step (`tsc --noEmit`, in `npm run check`).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, existsSync, mkdirSync, copyFileSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const nodeTarget = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // The native addon is loaded from node_modules at run time and shipped as is.
  external: ['better-sqlite3'],
  // web-tree-sitter's ESM build finds itself through import.meta.url, which a CommonJS bundle lacks;
  // its CommonJS build uses __dirname, which works in every bundle.
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
  logLevel: 'warning',
};

// The engine spawns dist/engine-process.js (and the lock watcher, dist/lock-watcher.js, the recorder,
// dist/recorder.js, and the hints worker, dist/hints-worker.js) next to the bundle that spawned it, so
// every output folder that bundles the engine also gets its own copy.
const engineEntry = {
  'engine-process': 'src/engine/process/engineProcessEntry.ts',
  'lock-watcher': 'src/engine/process/lockWatcherEntry.ts',
  recorder: 'src/engine/process/recorderEntry.ts',
  // The code-hints worker thread (the extension starts one; it parses with tree-sitter/ beside it).
  'hints-worker': 'src/engine/process/hintsWorkerEntry.ts',
};

const testFiles = existsSync('test')
  ? Object.fromEntries(
      readdirSync('test')
        .filter((name) => name.endsWith('.test.ts'))
        .map((name) => [name.replace(/\.ts$/, ''), `test/${name}`]),
    )
  : {};

const hasExtension = existsSync('src/extension/extension.ts');
const hasWebview = existsSync('media/panel/main.ts');
const hasVscodeTests = existsSync('test/vscode/index.ts');

const contexts = [
  {
    ...nodeTarget,
    entryPoints: { cli: 'src/cli/main.ts', ...engineEntry },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
  // The extension host bundle: `vscode` is provided by the host; SQLite never loads here (it runs in
  // dist/engine-process.js, a child process).
  ...(hasExtension
    ? [
        {
          ...nodeTarget,
          entryPoints: { extension: 'src/extension/extension.ts' },
          outdir: 'dist',
          external: ['vscode', 'better-sqlite3'],
        },
      ]
    : []),
  // The panel's browser code: no Node, no vscode; its CSS import becomes dist/webview/panel.css.
  ...(hasWebview
    ? [
        {
          bundle: true,
          platform: 'browser',
          target: 'es2022',
          format: 'iife',
          sourcemap: !production,
          minify: production,
          entryPoints: { panel: 'media/panel/main.ts' },
          outdir: 'dist/webview',
          logLevel: 'warning',
        },
      ]
    : []),
  ...(hasVscodeTests
    ? [
        {
          ...nodeTarget,
          entryPoints: {
            index: 'test/vscode/index.ts',
            untrusted: 'test/vscode/untrusted.ts',
            // npm run bench -- --host: the event-loop delay measured inside the host.
            hostDelay: 'bench/hostDelay.ts',
            // ... and the extension's activation in the host (bench/footprint.ts).
            hostActivation: 'bench/hostActivation.ts',
            // ... and the 10-minute soak (bench/soakBench.ts).
            hostSoak: 'bench/hostSoak.ts',
          },
          outdir: 'out/vscode-test',
          external: ['vscode', 'better-sqlite3'],
        },
      ]
    : []),
  { ...nodeTarget, entryPoints: { ...testFiles, ...engineEntry }, outdir: 'out/test' },
  {
    ...nodeTarget,
    entryPoints: { bench: 'bench/bench.ts', 'plain-loop': 'bench/plainLoopEntry.ts', ...engineEntry },
    outdir: 'out/bench',
    external: ['better-sqlite3', 'playwright-core'],
  },
  // The timeline benchmark's page: the panel's explorer element, loaded in headless Chromium.
  ...(hasWebview
    ? [
        {
          bundle: true,
          platform: 'browser',
          target: 'es2022',
          format: 'iife',
          minify: true,
          entryPoints: { 'timeline-page': 'bench/timelinePage.ts' },
          outdir: 'out/bench',
          logLevel: 'warning',
        },
      ]
    : []),
];

rmSync('out', { recursive: true, force: true });

// Code hints parse with tree-sitter: its runtime and the grammars (src/engine/hints/sourceParser.ts)
// are loaded from a `tree-sitter` folder next to each bundle that analyses code.
const treeSitterFiles = [
  'node_modules/web-tree-sitter/web-tree-sitter.wasm',
  ...['python', 'javascript', 'typescript', 'tsx', 'go'].map(
    (language) => `node_modules/@vscode/tree-sitter-wasm/wasm/tree-sitter-${language}.wasm`,
  ),
];
for (const folder of ['dist', 'out/test', 'out/bench']) {
  mkdirSync(`${folder}/tree-sitter`, { recursive: true });
  for (const file of treeSitterFiles) {
    copyFileSync(file, `${folder}/tree-sitter/${file.slice(file.lastIndexOf('/') + 1)}`);
  }
}
if (watch) {
  for (const options of contexts) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(contexts.map((options) => esbuild.build(options)));
}
