// The schema file and the examples in the repository are the ones written from the scenario definition
// (src/engine/scenario): one definition, so a preset or an option changed without them fails here.
// `npm run scenario-files` rewrites them.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { presets } from '../src/engine/options/presets';
import { examplePath, scenarioFiles, scenarioSchemaPath } from '../src/engine/scenario/scenarioFiles';
import { readScenarioFile } from '../src/engine/scenario/readScenarioFile';
import { buildPreset } from '../src/engine/probe/presetSchedules';

const root = join(__dirname, '..', '..');
const rewrite = process.env.UPDATE_SCENARIO_FILES === '1';

for (const file of scenarioFiles()) {
  test(`${file.path} is the one written from the scenario definition`, () => {
    const onDisk = join(root, file.path);
    if (rewrite) {
      mkdirSync(dirname(onDisk), { recursive: true });
      writeFileSync(onDisk, file.text);
    }
    let text = '';
    try {
      text = readFileSync(onDisk, 'utf8');
    } catch {
      assert.fail(`${file.path} is missing: run npm run scenario-files`);
    }
    assert.equal(text, file.text, `${file.path} differs from its definition: run npm run scenario-files`);
  });
}

test('every example is a valid scenario file whose sessions are its preset', () => {
  for (const preset of presets.values) {
    const loaded = readScenarioFile(join(root, examplePath(preset)));
    const journal = loaded.scenario.journal;
    const family = journal === 'wal' ? 'wal' : journal === 'delete' ? 'rollback' : undefined;
    assert.deepEqual(loaded.plans, buildPreset(preset, family ? { family } : {}), preset);
    assert.equal(loaded.customSql, false);
  }
});

test('the extension contributes the schema for *.lockprobe.json and ships it in the VSIX', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: { jsonValidation: { fileMatch: string; url: string }[] };
  };
  assert.deepEqual(manifest.contributes.jsonValidation, [
    { fileMatch: '*.lockprobe.json', url: `./${scenarioSchemaPath}` },
  ]);
  const shipped = readFileSync(join(root, '.vscodeignore'), 'utf8').split('\n');
  assert.ok(shipped.includes(`!${scenarioSchemaPath}`), '.vscodeignore keeps the schema in the VSIX');
});
