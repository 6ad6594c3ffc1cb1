// Generated webview messages at the parser level: every valid message is accepted as itself, and
// anything else (any value, a valid message with one field tampered) never throws and is accepted only
// as a message whose every field is in the vocabulary. (Acting on messages is panelMessages.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  validatePanelMessage,
  validateProbeForm,
  validateSavedState,
  validateStoredRecording,
  validateStoredResult,
} from '../src/extension/panel/validatePanelMessage';
import { probeBusyTimeout } from '../src/engine/options/timeLimits';
import { wholeNumberProblem } from '../src/engine/options/wholeNumberLimit';
import { clonedValue, tamperedPanelMessage, validPanelMessage } from './support/arbitraries/panelMessages';
import { parsedOrProjectError } from './support/arbitraries/projectErrors';
import { recordSafetyCases } from './support/safetyTally';

let tried = 0;
function runs(numRuns: number): fc.Parameters<unknown> {
  tried += numRuns;
  return { numRuns };
}

test('every valid panel message is accepted as itself', () => {
  fc.assert(
    fc.property(validPanelMessage, (message) => {
      assert.deepEqual(validatePanelMessage(message), message);
      // Through structured clone's JSON-like shape too.
      assert.deepEqual(validatePanelMessage(JSON.parse(JSON.stringify(message))), message);
    }),
    runs(3000),
  );
});

test('a tampered or arbitrary message never throws, and what is accepted is a valid message', () => {
  fc.assert(
    fc.property(fc.oneof(tamperedPanelMessage, clonedValue, fc.record({ type: clonedValue })), (message) => {
      const accepted = parsedOrProjectError(() => validatePanelMessage(message));
      if (accepted === undefined) {
        return;
      }
      // Rebuilt from checked fields only: valid by the generator's grammar and holding nothing else.
      fc.assert(
        fc.property(fc.constant(accepted), (value) => {
          assert.deepEqual(validatePanelMessage(value), value);
        }),
        { numRuns: 1 },
      );
      const known = JSON.stringify(accepted);
      assert.ok(!known.includes('"extra"'), known);
      if ('form' in accepted) {
        assert.deepEqual(validateProbeForm(accepted.form), accepted.form);
      }
    }),
    runs(4000),
  );
});

test('a busy timeout that is an object without a prototype is refused, not thrown on (found by generated messages)', () => {
  const form = { preset: 'seed', model: 'processes', journal: 'keep', begin: 'preset' };
  for (const busyTimeoutMs of [Object.create(null) as unknown, [1], Symbol('x'), () => 1]) {
    assert.equal(validatePanelMessage({ type: 'runProbe', form: { ...form, busyTimeoutMs } }), undefined);
  }
  assert.equal(
    wholeNumberProblem(probeBusyTimeout, Object.create(null) as unknown),
    'the busy timeout must be a whole number of ms from 0 to 600000, not a value of type object',
  );
});

test('stored state, results and recordings of any shape are read or dropped, never thrown on', () => {
  fc.assert(
    fc.property(clonedValue, fc.boolean(), (stored, userPicked) => {
      const state = parsedOrProjectError(() => validateSavedState(stored, () => userPicked));
      assert.ok(
        !(state instanceof Error) &&
          (state.databasePath === null ||
            (userPicked && typeof state.databasePath === 'string' && state.databasePath !== '')),
      );
      parsedOrProjectError(() => validateStoredResult(stored));
      parsedOrProjectError(() => validateStoredRecording(stored));
    }),
    runs(3000),
  );
});

test.after(() => {
  recordSafetyCases({ family: 'property', suite: 'panel message and stored-state parsers', tried });
});
