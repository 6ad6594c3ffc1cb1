#!/usr/bin/env node
// Writes the hint rules' ids and messages into package.json's sqliteLockDoctor.hints.disabledRules
// enum (the settings editor's list), from the one registry (src/engine/hints/hintRules.ts).
// test/settingsVocabulary.test.ts fails until they agree: run `node scripts/syncHintSettings.mjs`.
import * as esbuild from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bundle = join(tmpdir(), `hint-rules-${process.pid}.cjs`);
await esbuild.build({
  entryPoints: ['src/engine/hints/hintRules.ts'],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
  logLevel: 'warning',
});
const { hintRules } = createRequire(import.meta.url)(bundle);
rmSync(bundle, { force: true });
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
manifest.contributes.configuration.properties['sqliteLockDoctor.hints.disabledRules'].items = {
  type: 'string',
  enum: hintRules.map((rule) => rule.info.id),
  enumDescriptions: hintRules.map((rule) => rule.info.message),
};
writeFileSync('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`package.json: ${hintRules.length} hint rules in sqliteLockDoctor.hints.disabledRules`);
