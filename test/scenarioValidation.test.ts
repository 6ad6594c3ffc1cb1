// Scenario files as a user writes them: valid ones load, and every problem (schema or semantic) is one
// sentence naming the file and the JSON path, from the corpus in test/fixtures/scenarios and from
// every field of a valid file set to a wrong value.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readScenarioFile } from '../src/engine/scenario/readScenarioFile';
import { scenarioJsonSchema } from '../src/engine/scenario/scenarioSchema';
import { UserInputError } from '../src/engine/userInputError';
import { makeItemsDatabase, sha256, tempFolderFor } from './support/tempDatabase';
import { runCli } from './support/runCli';

const corpus = join(__dirname, '..', '..', 'test', 'fixtures', 'scenarios');
const expected = JSON.parse(readFileSync(join(corpus, 'invalid', 'expected.json'), 'utf8')) as Record<
  string,
  string
>;

function problemOf(file: string): string {
  try {
    readScenarioFile(file);
  } catch (error) {
    assert.ok(error instanceof UserInputError, `${file}: ${String(error)}`);
    return error.message;
  }
  return assert.fail(`${file} was accepted`);
}

test('every invalid file in the corpus gives its one sentence', () => {
  const files = readdirSync(join(corpus, 'invalid')).filter((name) => name.endsWith('.lockprobe.json'));
  assert.deepEqual(files.sort(), Object.keys(expected).sort(), 'each file has its expected sentence');
  for (const name of files) {
    const message = problemOf(join(corpus, 'invalid', name));
    assert.equal(message, expected[name], name);
    assert.doesNotMatch(message, /\n|\bat \S+:\d+/, `${name}: one line, no stack`);
  }
});

test('the valid files load, with a session begin mode given to its begin steps', () => {
  for (const name of readdirSync(join(corpus, 'valid'))) {
    readScenarioFile(join(corpus, 'valid', name));
  }
  const loaded = readScenarioFile(join(corpus, 'valid', 'custom-sql.lockprobe.json'));
  assert.equal(loaded.customSql, true);
  assert.deepEqual(loaded.plans[0].steps[0], { op: 'begin', at: 0, mode: 'immediate' });
  assert.equal('begin' in loaded.plans[0], false, 'the plan keeps no begin of its own');
  assert.deepEqual(loaded.plans[1].steps[0], { op: 'begin', at: 100, mode: 'deferred' });
  assert.equal(loaded.scenario.model, 'threads');
  // A session's client: Python's sqlite3 waits 5 s and begins only before the first write.
  assert.equal(loaded.plans[2].busyTimeoutMs, 5000);
  assert.deepEqual(
    loaded.plans[2].steps.map((step) => step.op),
    ['read', 'begin', 'write', 'commit'],
  );
  assert.equal('client' in loaded.plans[2], false);
});

/** Every JSON Pointer of a leaf (a string, number or boolean) in `value`. */
function leafPointers(value: unknown, pointer = ''): string[] {
  if (typeof value !== 'object' || value === null) {
    return [pointer];
  }
  return Object.entries(value).flatMap(([key, item]) => leafPointers(item, `${pointer}/${key}`));
}

function setAt(document: unknown, pointer: string, value: unknown): unknown {
  const copy = structuredClone(document) as Record<string, unknown>;
  const keys = pointer.split('/').slice(1);
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) {
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
  return copy;
}

test('every field set to a wrong value gives one sentence naming that field', (t) => {
  const folder = tempFolderFor(t);
  const valid = JSON.parse(
    readFileSync(join(corpus, 'valid', 'custom-sql.lockprobe.json'), 'utf8'),
  ) as unknown;
  const pointers = leafPointers(valid).filter(
    (pointer) => pointer !== '/$schema' && pointer !== '/description',
  );
  assert.ok(pointers.length > 20, 'the file covers the fields');
  for (const pointer of pointers) {
    for (const wrong of [{ x: 1 }, 'nonsense']) {
      // A string is a right type for names and SQL; the object is wrong everywhere.
      const file = join(folder, 'mutated.lockprobe.json');
      writeFileSync(file, JSON.stringify(setAt(valid, pointer, wrong)));
      let message: string;
      try {
        readScenarioFile(file);
        assert.ok(typeof wrong === 'string', `${pointer} = ${JSON.stringify(wrong)} was accepted`);
        continue;
      } catch (error) {
        assert.ok(error instanceof UserInputError, `${pointer}: ${String(error)}`);
        message = error.message;
      }
      assert.ok(message.startsWith(`mutated.lockprobe.json: ${pointer} `), `${pointer}: ${message}`);
      assert.doesNotMatch(message, /\n/);
    }
  }
});

test('a file that is not JSON, or is missing, is one sentence too', (t) => {
  const folder = tempFolderFor(t);
  const file = join(folder, 'broken.lockprobe.json');
  writeFileSync(file, '{ "sessions": [ { "name": "A", } ] }');
  assert.match(problemOf(file), /^broken\.lockprobe\.json: is not valid JSON \(.+\)$/);
  assert.equal(
    problemOf(join(folder, 'none.lockprobe.json')),
    `${join(folder, 'none.lockprobe.json')}: does not exist`,
  );
});

test('every field of the schema explains itself in completion', () => {
  const missing: string[] = [];
  const walk = (schema: Record<string, unknown>, path: string) => {
    for (const [name, property] of Object.entries(
      (schema.properties ?? {}) as Record<string, Record<string, unknown>>,
    )) {
      if (typeof property.description !== 'string' || property.description.length < 10) {
        missing.push(`${path}.${name}`);
      }
      walk(property, `${path}.${name}`);
      if (property.items) {
        walk(property.items as Record<string, unknown>, `${path}.${name}[]`);
      }
    }
  };
  walk(scenarioJsonSchema() as Record<string, unknown>, '');
  assert.deepEqual(missing, []);
});

test('probe --scenario with a bad file: one sentence, exit 2, nothing written', async (t) => {
  const folder = tempFolderFor(t);
  const database = makeItemsDatabase(folder);
  const before = sha256(database);
  const html = join(folder, 'report.html');
  const run = await runCli([
    'probe',
    database,
    '--scenario',
    join(corpus, 'invalid', 'unknown-op.lockprobe.json'),
    '--html',
    html,
  ]);
  assert.equal(run.code, 2);
  assert.equal(run.stderr, `sqlite-lock-doctor: ${expected['unknown-op.lockprobe.json']}\n`);
  assert.equal(run.stdout, '');
  assert.equal(existsSync(html), false);
  assert.equal(sha256(database), before);
  const both = await runCli([
    'probe',
    database,
    '--scenario',
    join(corpus, 'valid', 'minimal.lockprobe.json'),
    '--preset',
    'seed',
  ]);
  assert.equal(both.code, 2);
  assert.equal(
    both.stderr,
    'sqlite-lock-doctor: --scenario gives the sessions, so --preset cannot go with it\n',
  );
});
