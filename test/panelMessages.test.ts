// Every message from the webview is untrusted: only known shapes and values get through.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyToPanel, isComplete, isToPanel } from '../media/panel/panelMessages';
import {
  validatePanelMessage,
  validateSavedState,
  validateStoredResult,
} from '../src/extension/panel/validatePanelMessage';
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
    subject: 'probe',
  });
  assert.deepEqual(validatePanelMessage({ type: 'export', format: 'json', subject: 'recording' }), {
    type: 'export',
    format: 'json',
    subject: 'recording',
  });
  assert.deepEqual(validatePanelMessage({ type: 'stopRecording', pid: 1 }), { type: 'stopRecording' });
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
    { type: 'export', format: 'json', subject: 'everything' },
    { type: 'startRecording', run: 'rm -rf ~' },
  ]) {
    assert.equal(validatePanelMessage(message), undefined, JSON.stringify(message));
  }
});

test('a reloaded panel brings back only a path the user picked; a stored result only when it has the result shape', () => {
  const picked = (path: string) => path === '/w/app.db';
  assert.deepEqual(validateSavedState(undefined, picked), { databasePath: null });
  assert.deepEqual(validateSavedState({ databasePath: 42 }, picked), { databasePath: null });
  assert.deepEqual(validateSavedState({ databasePath: '/w/app.db', lastResult: {} }, picked), {
    databasePath: '/w/app.db',
  });
  assert.deepEqual(validateSavedState({ databasePath: '/home/user/.ssh/id_rsa' }, picked), {
    databasePath: null,
  });
  const result = {
    schema: probeResultSchema,
    id: 'run-1',
    config: { database: '/w/app.db' },
    sessions: [],
    errorCounts: {},
    rows: {},
    verdict: {},
  };
  assert.equal(validateStoredResult(result), result);
  assert.equal(validateStoredResult({ ...result, schema: 'other' }), null);
  // Stored by a version without result ids: not taken.
  assert.equal(validateStoredResult({ ...result, id: undefined }), null);
  assert.equal(validateStoredResult('{"schema":"sqlite-lock-doctor/probe-result@2"}'), null);
  // A result stored by a version with the older shape is dropped, not drawn with missing fields.
  assert.equal(validateStoredResult({ ...result, schema: 'sqlite-lock-doctor/probe-result@1' }), null);
});

test('the panel folds the host messages into one state, each replacing its own part', () => {
  assert.equal(isToPanel({ type: 'state', state: {} }), false, 'the old whole-state message is not known');
  assert.equal(isToPanel(null), false);
  let state = applyToPanel({}, { type: 'result', result: null });
  assert.equal(isComplete(state), false);
  state = applyToPanel(state, { type: 'locks', locks: null, walGrowth: null, probeLocks: null });
  state = applyToPanel(state, {
    type: 'activity',
    busy: null,
    recordingNow: null,
    lastError: null,
    lastNotice: null,
  });
  state = applyToPanel(state, { type: 'recording', recording: null });
  assert.equal(isComplete(state), false, 'the file state is still missing');
  const defaults = {
    preset: 'seed',
    model: 'processes',
    journal: 'keep',
    busyTimeoutMs: 5000,
    begin: 'preset',
  } as const;
  state = applyToPanel(state, { type: 'file', database: null, trusted: true, defaults });
  assert.equal(isComplete(state), false, 'the sweep is still missing');
  state = applyToPanel(state, { type: 'sweep', sweep: null });
  assert.ok(isComplete(state));
  // A busy message changes only the activity; the rest stays as it was.
  const busy = applyToPanel(state, {
    type: 'activity',
    busy: { kind: 'probe', label: 'Running…' },
    recordingNow: null,
    lastError: null,
    lastNotice: null,
  });
  assert.deepEqual(busy.busy, { kind: 'probe', label: 'Running…' });
  assert.equal(busy.defaults, defaults);
  assert.equal('type' in busy, false);
});

test('file, locks and activity arrive with bidi and C1 controls shown as U+FFFD, every string of them', () => {
  const name = 'evil\u202Egnp.db';
  const state = applyToPanel(
    {},
    {
      type: 'activity',
      busy: null,
      recordingNow: null,
      lastError: `could not open /w/${name}: \u2066disk\u2069 \u009B2J`,
      lastNotice: null,
    },
  );
  assert.equal(state.lastError, 'could not open /w/evil\uFFFDgnp.db: \uFFFDdisk\uFFFD \uFFFD2J');
});

test('a result, a recording and a sweep arrive with bidi and C1 controls shown as U+FFFD, in place', () => {
  const session = 'writer\u202Eevil';
  const result = {
    sessions: [{ name: session, events: [{ sql: 'SELECT \u2066x\u2069', tUs: 1 }] }],
    columns: new Float64Array([1, 2]),
    verdict: ['plain text stays'],
  };
  const recording = { lanes: [{ command: 'app', log: ['line \u009B2J'] }] };
  const sweep = { levels: [{ clients: 2, note: 'n\u200Fo' }] };
  let state = applyToPanel({}, { type: 'result', result } as never);
  state = applyToPanel(state, { type: 'recording', recording } as never);
  state = applyToPanel(state, { type: 'sweep', sweep } as never);
  assert.equal(state.lastResult, result as never, 'the same object: not copied');
  assert.equal(result.sessions[0].name, 'writer\uFFFDevil');
  assert.equal(result.sessions[0].events[0].sql, 'SELECT \uFFFDx\uFFFD');
  assert.equal(result.verdict[0], 'plain text stays');
  assert.deepEqual([...result.columns], [1, 2]);
  assert.equal(recording.lanes[0].log[0], 'line \uFFFD2J');
  assert.equal(sweep.levels[0].note, 'n\uFFFDo');
});
