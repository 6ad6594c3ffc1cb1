// Whatever the webview sends, the host acts only on the known requests with values from the engine's
// vocabulary: generated messages of every kind (valid, near-miss, out of range, extra fields naming
// files, commands and URLs, and anything at all) reach at most one handler, an invalid one none, and
// no handler ever receives a string that is not one of the vocabulary's values. The oracle of what is
// valid is written here from the option lists, not taken from the validator.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { beginChoices } from '../src/engine/options/beginChoices';
import { executionModels } from '../src/engine/options/executionModels';
import { exportFormats } from '../src/engine/options/exportFormats';
import { journalChoices, journalSwitchTargets } from '../src/engine/options/journalModes';
import { clientProfiles } from '../src/engine/options/clientProfiles';
import { poolSize, presets } from '../src/engine/options/presets';
import { probeBusyTimeout } from '../src/engine/options/timeLimits';
import { handlePanelMessage, type PanelRequestHandlers } from '../src/extension/panel/panelRequests';
import { validateSavedState } from '../src/extension/panel/validatePanelMessage';
import { hostileStrings } from './support/hostileText';
import { recordSafetyCases } from './support/safetyTally';

const simpleTypes = ['ready', 'openDatabase', 'refresh', 'cancelProbe', 'stopRecording'] as const;
const allTypes = [...simpleTypes, 'switchJournal', 'runProbe', 'export'] as const;
const subjects = ['probe', 'recording'] as const;

/** Every string a handler may ever receive: the vocabulary's values. */
const vocabulary = new Set<string>([
  ...journalSwitchTargets.values,
  ...presets.values,
  ...executionModels.values,
  ...journalChoices.values,
  ...beginChoices.values,
  ...exportFormats.values,
  ...clientProfiles.values,
  ...subjects,
]);

/** What a webview could put in a field instead: paths, URLs, commands, hostile text, odd types. */
const strangeValue = fc.oneof(
  fc.constantFrom(
    '/etc/passwd',
    '../../../home/user/.ssh/id_rsa',
    'file:///etc/shadow',
    'https://evil.example/payload.js',
    'command:workbench.action.terminal.new',
    'rm -rf ~',
    '__proto__',
    'constructor',
    'toString',
    '',
    'WAL',
    ' wal',
    'wal\u0000',
    '5000',
    -1,
    probeBusyTimeout.max + 1,
    1.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    -0,
    2 ** 53,
    null,
    true,
    [],
    {},
  ),
  fc.constantFrom(...hostileStrings.map((entry) => entry.text)),
  fc.string(),
  fc.anything(),
);

/** A value from `values` most of the time, else something strange: near-misses exercise each check. */
function mostly<T>(values: readonly T[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...values) },
    { weight: 1, arbitrary: strangeValue },
  );
}

const extraFields = fc.dictionary(
  fc.constantFrom(
    'path',
    'file',
    'database',
    'url',
    'uri',
    'command',
    'run',
    'args',
    'sql',
    'target',
    'href',
  ),
  strangeValue,
  { maxKeys: 3 },
);

const form = fc.record(
  {
    preset: mostly(presets.values),
    model: mostly(executionModels.values),
    journal: mostly(journalChoices.values),
    busyTimeoutMs: fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: probeBusyTimeout.min, max: probeBusyTimeout.max }) },
      { weight: 1, arbitrary: strangeValue },
    ),
    begin: mostly(beginChoices.values),
    client: mostly(clientProfiles.values),
    poolSize: fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: poolSize.min, max: poolSize.max }) },
      { weight: 1, arbitrary: strangeValue },
    ),
  },
  { requiredKeys: [] },
);

/** A message of every kind the protocol has, and of kinds it has not. */
const message: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .record({ type: fc.constantFrom(...simpleTypes) })
    .chain((base) => extraFields.map((extra) => ({ ...extra, ...base }))),
  fc.record({ type: fc.constant('switchJournal'), target: mostly(journalSwitchTargets.values) }),
  fc.record({
    type: fc.constant('runProbe'),
    form: fc.oneof({ weight: 5, arbitrary: form }, { weight: 1, arbitrary: strangeValue }),
  }),
  fc.record(
    { type: fc.constant('export'), format: mostly(exportFormats.values), subject: mostly(subjects) },
    { requiredKeys: ['type'] },
  ),
  fc
    .record({
      type: fc.oneof(
        fc.constantFrom('runCommand', 'openUrl', 'openFile', 'startRecording', 'READY', 'ready '),
        fc.string(),
      ),
    })
    .chain((base) => extraFields.map((extra) => ({ ...extra, ...base }))),
  fc.record({ type: mostly(allTypes) }),
  fc.anything(),
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf(values: readonly string[], value: unknown): boolean {
  return typeof value === 'string' && values.includes(value);
}

/** The oracle: the protocol's requests, from the option lists. */
function shouldBeActedOn(candidate: unknown): boolean {
  if (!isRecord(candidate)) {
    return false;
  }
  switch (candidate.type) {
    case 'ready':
    case 'openDatabase':
    case 'refresh':
    case 'cancelProbe':
    case 'stopRecording':
      return true;
    case 'switchJournal':
      return oneOf(journalSwitchTargets.values, candidate.target);
    case 'runProbe': {
      const values = candidate.form;
      return (
        isRecord(values) &&
        oneOf(presets.values, values.preset) &&
        oneOf(executionModels.values, values.model) &&
        oneOf(journalChoices.values, values.journal) &&
        oneOf(beginChoices.values, values.begin) &&
        typeof values.busyTimeoutMs === 'number' &&
        Number.isInteger(values.busyTimeoutMs) &&
        values.busyTimeoutMs >= probeBusyTimeout.min &&
        values.busyTimeoutMs <= probeBusyTimeout.max &&
        (values.client === undefined || oneOf(clientProfiles.values, values.client)) &&
        (values.poolSize === undefined ||
          (typeof values.poolSize === 'number' &&
            Number.isInteger(values.poolSize) &&
            values.poolSize >= poolSize.min &&
            values.poolSize <= poolSize.max))
      );
    }
    case 'export':
      return (
        oneOf(exportFormats.values, candidate.format) &&
        (candidate.subject === undefined || oneOf(subjects, candidate.subject))
      );
    default:
      return false;
  }
}

/** Every leaf a handler received: strings must be vocabulary, numbers in range. */
function leaves(value: unknown, found: unknown[] = []): unknown[] {
  if (Array.isArray(value)) {
    value.forEach((item) => leaves(item, found));
  } else if (isRecord(value)) {
    Object.values(value).forEach((item) => leaves(item, found));
  } else {
    found.push(value);
  }
  return found;
}

interface Call {
  handler: keyof PanelRequestHandlers;
  args: unknown[];
}

function recordingHandlers(calls: Call[]): PanelRequestHandlers {
  const handler =
    (name: keyof PanelRequestHandlers) =>
    (...args: unknown[]) => {
      calls.push({ handler: name, args });
    };
  return {
    ready: handler('ready'),
    refresh: handler('refresh'),
    openDatabase: handler('openDatabase'),
    switchJournal: handler('switchJournal'),
    runProbe: handler('runProbe'),
    cancelProbe: handler('cancelProbe'),
    stopRecording: handler('stopRecording'),
    export: handler('export'),
  };
}

let tried = 0;
let actedOnWrongly = 0;
after(() =>
  recordSafetyCases({
    family: 'property',
    suite: 'webview messages: none malformed acted on, no path/command/URL passed on',
    tried,
    // A malformed message acted on, or a handler given text from the webview: counted as markup rendered
    // (outside text that became an action).
    markupRendered: actedOnWrongly,
  }),
);

test('generated webview messages of every kind: only valid requests reach a handler, with vocabulary values only', () => {
  const seenKinds = new Set<string>();
  let acted = 0;
  fc.assert(
    fc.property(message, (candidate) => {
      tried++;
      const calls: Call[] = [];
      const accepted = handlePanelMessage(candidate, recordingHandlers(calls));
      const expected = shouldBeActedOn(candidate);
      const strayLeaf = calls
        .flatMap((call) => leaves(call.args))
        .find((leaf) =>
          typeof leaf === 'string'
            ? !vocabulary.has(leaf)
            : !(
                typeof leaf === 'number' &&
                Number.isInteger(leaf) &&
                leaf >= 0 &&
                leaf <= Math.max(probeBusyTimeout.max, poolSize.max)
              ),
        );
      const wrong = accepted !== expected || calls.length !== (expected ? 1 : 0) || strayLeaf !== undefined;
      if (wrong) {
        actedOnWrongly++;
      }
      if (expected) {
        acted++;
        seenKinds.add(String((candidate as { type: string }).type));
      }
      assert.equal(accepted, expected, `accepted ${JSON.stringify(candidate)}`);
      assert.equal(calls.length, expected ? 1 : 0, `handlers run for ${JSON.stringify(candidate)}`);
      assert.equal(
        strayLeaf,
        undefined,
        `a handler got ${JSON.stringify(strayLeaf)} from ${JSON.stringify(candidate)}`,
      );
      if (expected) {
        // The handler is the one the type names.
        assert.equal(
          calls[0].handler,
          (candidate as { type: string }).type === 'export' ? 'export' : (candidate as { type: string }).type,
        );
      }
    }),
    { numRuns: 5000 },
  );
  // The generator reached every kind of request, valid, as well as the invalid ones.
  assert.deepEqual([...seenKinds].sort(), [...allTypes].sort());
  assert.ok(
    acted > 500 && acted < tried - 500,
    `both valid (${acted}) and invalid (${tried - acted}) messages tried`,
  );
});

test("a reloaded panel's saved state names only a database the user picked", () => {
  const picked = new Set(['/work/app.db', '/work/other.db']);
  fc.assert(
    fc.property(
      fc.oneof(
        fc.record({ databasePath: fc.oneof(fc.constantFrom(...picked), strangeValue) }, { requiredKeys: [] }),
        fc.anything(),
      ),
      (state) => {
        tried++;
        const { databasePath } = validateSavedState(state, (path) => picked.has(path));
        const ok =
          databasePath === null
            ? !(isRecord(state) && typeof state.databasePath === 'string' && picked.has(state.databasePath))
            : picked.has(databasePath) && isRecord(state) && state.databasePath === databasePath;
        if (!ok) {
          actedOnWrongly++;
        }
        assert.ok(ok, `${JSON.stringify(state)} gave ${JSON.stringify(databasePath)}`);
      },
    ),
    { numRuns: 2000 },
  );
});
