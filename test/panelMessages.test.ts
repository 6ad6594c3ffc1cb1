// Every message from the webview is untrusted: only known shapes and values get through.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validatePanelMessage, validateSavedState } from '../src/extension/panel/validatePanelMessage';
import { probeResultSchema } from '../src/engine/probe/probeTypes';

const form = { preset: 'seed', model: 'blocking', journal: 'wal', busyTimeoutMs: 5000, begin: 'preset' };

test('known messages pass, rebuilt from their checked fields only', () => {
  assert.deepEqual(validatePanelMessage({ type: 'ready', extra: 'dropped' }), { type: 'ready' });
  assert.deepEqual(validatePanelMessage({ type: 'switchJournal', target: 'wal' }), {
    type: 'switchJournal',
    target: 'wal',
  });
  assert.deepEqual(validatePanelMessage({ type: 'runProbe', form: { ...form, sql: 'DROP TABLE items' } }), {
    type: 'runProbe',
    form,
  });
  assert.deepEqual(validatePanelMessage({ type: 'export', format: 'svg' }), {
    type: 'export',
    format: 'svg',
  });
});

test('unknown types, bad values and odd shapes are dropped', () => {
  for (const message of [
    null,
    'ready',
    [],
    { type: 'runCommand', command: 'workbench.action.terminal.new' },
    { type: 'switchJournal', target: 'memory' },
    { type: 'switchJournal', target: ['wal'] },
    { type: 'runProbe', form: { ...form, busyTimeoutMs: -1 } },
    { type: 'runProbe', form: { ...form, busyTimeoutMs: 1.5 } },
    { type: 'runProbe', form: { ...form, busyTimeoutMs: 600_001 } },
    { type: 'runProbe', form: { ...form, model: 'fibers' } },
    { type: 'runProbe', form: { ...form, preset: '__proto__' } },
    { type: 'runProbe' },
    { type: 'export', format: '../../etc/passwd' },
  ]) {
    assert.equal(validatePanelMessage(message), undefined, JSON.stringify(message));
  }
});

test('a reloaded panel brings back a path, and a result only when it has the result shape', () => {
  assert.deepEqual(validateSavedState(undefined), { databasePath: null, lastResult: null });
  assert.deepEqual(validateSavedState({ databasePath: 42 }), { databasePath: null, lastResult: null });
  assert.deepEqual(validateSavedState({ databasePath: '/w/app.db', lastResult: { schema: 'other' } }), {
    databasePath: '/w/app.db',
    lastResult: null,
  });
  const result = {
    schema: probeResultSchema,
    config: { database: '/w/app.db' },
    sessions: [],
    errorCounts: {},
    rows: {},
    verdict: {},
  };
  assert.equal(validateSavedState({ databasePath: '/w/app.db', lastResult: result }).lastResult, result);
  // A result saved by a version with the older shape is dropped, not drawn with missing fields.
  const older = { ...result, schema: 'sqlite-lock-doctor/probe-result@1' };
  assert.equal(validateSavedState({ databasePath: '/w/app.db', lastResult: older }).lastResult, null);
});
