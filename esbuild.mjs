// One build for every target: the command-line twin, the engine's worker/child entry, and the tests.
// Type-checking is a separate step (`tsc --noEmit`, in `npm run check`).
import * as esbuild from 'esbuild';
import { readdirSync, rmSync, existsSync } from 'node:fs';

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
  logLevel: 'warning',
};

// The engine spawns dist/engine-process.js next to the bundle that spawned it, so every output
// folder that bundles the engine also gets its own copy of that entry.
const engineEntry = { 'engine-process': 'src/engine/process/engineProcessEntry.ts' };

const testFiles = existsSync('test')
  ? Object.fromEntries(
      readdirSync('test')
        .filter((name) => name.endsWith('.test.ts'))
        .map((name) => [name.replace(/\.ts$/, ''), `test/${name}`]),
    )
  : {};

const contexts = [
  {
    ...nodeTarget,
    entryPoints: { cli: 'src/cli/main.ts', ...engineEntry },
    outdir: 'dist',
    banner: { js: '#!/usr/bin/env node' },
  },
  { ...nodeTarget, entryPoints: { ...testFiles, ...engineEntry }, outdir: 'out/test' },
  { ...nodeTarget, entryPoints: { bench: 'bench/bench.ts', ...engineEntry }, outdir: 'out/bench' },
];

rmSync('out', { recursive: true, force: true });
if (watch) {
  for (const options of contexts) {
    const context = await esbuild.context(options);
    await context.watch();
  }
} else {
  await Promise.all(contexts.map((options) => esbuild.build(options)));
}
