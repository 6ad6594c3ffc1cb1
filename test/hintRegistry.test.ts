// The rule list is the one definition: ids are unique and stable-looking, each rule says how to
// reproduce it with a real preset, and docs/hints.md has exactly one section per rule.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { executionModels } from '../src/engine/options/executionModels';
import { presets } from '../src/engine/options/presets';
import { hintRules } from '../src/engine/hints/hintRules';

const docs = readFileSync(join(__dirname, '..', '..', 'docs', 'hints.md'), 'utf8');

test('rule ids are unique kebab-case names', () => {
  const ids = hintRules.map((rule) => rule.info.id);
  assert.deepEqual([...new Set(ids)], ids);
  for (const id of ids) {
    assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)+$/);
  }
});

test('every rule has a one-line message and fix, and a scenario the probe can run', () => {
  for (const { info } of hintRules) {
    assert.ok(info.message.length > 0 && !info.message.includes('\n'), info.id);
    assert.ok(info.fix.length > 0 && !info.fix.includes('\n'), info.id);
    if (info.scenario !== undefined) {
      assert.ok(presets.values.includes(info.scenario.preset), `${info.id}: ${info.scenario.preset}`);
      assert.ok(executionModels.values.includes(info.scenario.model), `${info.id}: ${info.scenario.model}`);
    }
  }
});

test('docs/hints.md has one section per rule, and none for a rule that does not exist', () => {
  const sections = [...docs.matchAll(/^### (\S+)\s*$/gm)].map((match) => match[1]);
  assert.deepEqual(sections.slice().sort(), hintRules.map((rule) => rule.info.id).sort());
});
