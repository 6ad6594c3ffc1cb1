// Generated scenario files (*.lockprobe.json): the valid ones in test/fixtures/scenarios and every
// preset written as a scenario, then one value anywhere in them replaced or removed, or their text mutated.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { presets } from '../../../src/engine/options/presets';
import { presetScenario } from '../../../src/engine/scenario/scenarioFiles';

/** Bundled into out/test: the fixtures are two folders up. */
const validFolder = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'scenarios', 'valid');

export const validScenarioTexts: string[] = [
  ...fs
    .readdirSync(validFolder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => fs.readFileSync(path.join(validFolder, name), 'utf8')),
  ...presets.values.map((preset) => JSON.stringify(presetScenario(preset), null, 2)),
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `value` (keys and indexes), the root excluded. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => [
      [...prefix, key],
      ...pathsOf(item, [...prefix, key]),
    ]);
  }
  return [];
}

/** A valid scenario with one value (anywhere) replaced by generated JSON, or removed. */
export const tamperedScenario: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...validScenarioTexts), fc.nat(), fc.option(fc.jsonValue({ maxDepth: 2 })))
  .map(([text, pick, replacement]) => {
    const scenario = JSON.parse(text) as Json;
    const paths = pathsOf(scenario);
    const chosen = paths[pick % paths.length];
    let parent = scenario as Record<string | number, Json>;
    for (const key of chosen.slice(0, -1)) {
      parent = parent[key] as Record<string | number, Json>;
    }
    const last = chosen[chosen.length - 1];
    if (replacement === null) {
      if (Array.isArray(parent)) {
        parent.splice(last as number, 1);
      } else {
        delete parent[last];
      }
    } else {
      parent[last] = replacement as Json;
    }
    return JSON.stringify(scenario, null, 2);
  });

/** A valid scenario's text with a few characters changed. */
export const mutatedScenarioText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...validScenarioTexts),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 3 }), fc.string({ unit: 'binary', maxLength: 3 })), {
      minLength: 1,
      maxLength: 4,
    }),
  )
  .map(([text, edits]) =>
    edits.reduce((changed, [at, removed, inserted]) => {
      const offset = at % (changed.length + 1);
      return changed.slice(0, offset) + inserted + changed.slice(offset + removed);
    }, text),
  );
