// Generated scenario files: written and read back (compactJson, every preset as a scenario), and valid
// files tampered at any value, mutated as text, or replaced by any JSON. A scenario file either loads
// or is refused in one sentence naming it; never another exception.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { presets } from '../src/engine/options/presets';
import { parseScenarioText } from '../src/engine/scenario/readScenarioFile';
import { compactJson, presetScenario } from '../src/engine/scenario/scenarioFiles';
import { scenarioPlans } from '../src/engine/scenario/scenarioPlans';
import { UserInputError } from '../src/engine/userInputError';
import { isProjectError, parsedOrProjectError } from './support/arbitraries/projectErrors';
import { mutatedScenarioText, tamperedScenario } from './support/arbitraries/scenarioFiles';
import { recordSafetyCases } from './support/safetyTally';

let tried = 0;
function runs(numRuns: number): fc.Parameters<unknown> {
  tried += numRuns;
  return { numRuns };
}

const fileName = 'generated.lockprobe.json';

function assertLoadsOrRefuses(text: string): void {
  const loaded = parsedOrProjectError(() => parseScenarioText(text, `/tmp/${fileName}`));
  if (isProjectError(loaded)) {
    assert.ok(loaded instanceof UserInputError);
    assert.ok(loaded.message.startsWith(`${fileName}: `), loaded.message);
    assert.match(loaded.message, /^[^\n\r]+$/);
  } else {
    assert.ok(loaded.plans.length > 0);
  }
}

test('compactJson writes any JSON value so that it reads back the same', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
      assert.deepEqual(JSON.parse(compactJson(value)), JSON.parse(JSON.stringify(value)));
    }),
    runs(3000),
  );
});

test('every preset written as a scenario file reads back as the same sessions, in any key order', () => {
  fc.assert(
    fc.property(fc.constantFrom(...presets.values), fc.boolean(), (preset, reversed) => {
      const scenario = presetScenario(preset);
      const written = reversed
        ? JSON.stringify(Object.fromEntries(Object.entries(scenario).reverse()))
        : compactJson(scenario);
      const { file, ...plans } = parseScenarioText(written, fileName);
      assert.ok(file.endsWith(fileName));
      assert.deepEqual(plans, scenarioPlans(scenario));
    }),
    runs(200),
  );
});

test('a valid scenario with any value replaced or removed loads, or is refused in one sentence', () => {
  fc.assert(fc.property(tamperedScenario, assertLoadsOrRefuses), runs(2000));
});

test('mutated scenario text, any JSON and any text load, or are refused in one sentence', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        mutatedScenarioText,
        fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
        fc.string({ unit: 'binary', maxLength: 200 }),
      ),
      assertLoadsOrRefuses,
    ),
    runs(2000),
  );
});

test('a scenario file starting with a NUL is refused in one line (found by generated text)', () => {
  const refused = parsedOrProjectError(() => parseScenarioText('\u0000{\n  "sessions": []\n}', fileName));
  assert.ok(refused instanceof UserInputError);
  // V8 quotes the start of the text: its line break and NUL come out escaped.
  assert.ok(!/[\n\r]/.test(refused.message) && !refused.message.includes(String.fromCharCode(0)));
  assert.ok(
    refused.message.startsWith(`${fileName}: is not valid JSON (Unexpected token '\\u0000', "\\u0000{\\n`),
  );
});

test.after(() => {
  recordSafetyCases({ family: 'property', suite: 'scenario file (*.lockprobe.json) reader', tried });
});
