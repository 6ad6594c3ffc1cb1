// The panel's one lock holders view: one row per holder with its PID and lock, names kept as text, the
// WAL starvation warning when the growth check raises it, a plain note where locks cannot be listed,
// and inspect's holders in the same table until the first live reading.
import { renderInDom, tableRows, textOf } from './support/panelDom';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LockHolderEntry, LockReport } from '../src/engine/locks/lockReport';
import type { WalGrowthAssessment } from '../src/engine/locks/walGrowth';
import type { PanelState } from '../src/shared/panelProtocol';
import { renderLockHolders } from '../media/panel/render/lockHolders';
import { renderLocksView } from '../media/panel/render/locksView';

function holder(overrides: Partial<LockHolderEntry>): LockHolderEntry {
  return {
    pid: 4711,
    command: 'python3',
    commandLine: 'python3 app.py',
    file: 'shm',
    lock: 'WAL_WRITE',
    access: 'write',
    waiting: false,
    openWithoutLock: false,
    meaning: 'the writer',
    ...overrides,
  };
}

function report(holders: LockHolderEntry[], overrides: Partial<LockReport> = {}): LockReport {
  return {
    schema: 'sqlite-lock-doctor/lock-report@2',
    file: '/w/app.db',
    realPath: '/w/app.db',
    journalMode: 'wal',
    platform: 'linux',
    supported: true,
    holders,
    wal: null,
    takenAt: '2026-11-24T21:00:00.000Z',
    readMs: 2.4,
    processes: [],
    lostLockCheck: { possible: true, note: null },
    ...overrides,
  };
}

/** The lock holders view for a live reading (the rest of the panel's state does not matter to it). */
function locksView(locks: LockReport, walGrowth: WalGrowthAssessment | null = null): HTMLElement {
  const state = { database: null, locks, walGrowth, probeLocks: null } as unknown as PanelState;
  return renderInDom(renderLocksView(state));
}

test('each holder is a row with its PID, process and lock; waiting and read slots are shown', () => {
  const root = locksView(
    report([
      holder({}),
      holder({ pid: 99, command: 'node', lock: 'WAL_READ', access: 'read', readSlot: 1 }),
      holder({ pid: 7, command: 'sqlite3', file: 'db', lock: 'PENDING', waiting: true }),
    ]),
  );
  const row = root.querySelector('#lock-holders vscode-table-row[data-pid="4711"]');
  assert.equal(row?.getAttribute('data-lock'), 'WAL_WRITE');
  assert.equal(row?.getAttribute('title'), 'the writer');
  assert.deepEqual(tableRows(root, 'lock-holders'), [
    ['4711', 'python3', 'shm', 'WAL_WRITE', 'holding'],
    ['99', 'node', 'shm', 'WAL_READ (slot 1)', 'holding'],
    ['7', 'sqlite3', 'db', 'PENDING', 'waiting'],
  ]);
});

test('process names and command lines from /proc stay text', () => {
  const root = locksView(
    report([holder({ command: '<img src=x onerror=alert(1)>', commandLine: '"><script>' })]),
  );
  assert.equal(root.querySelector('img'), null);
  assert.equal(root.querySelector('script'), null);
  assert.equal(tableRows(root, 'lock-holders')[0][1], '<img src=x onerror=alert(1)>');
  assert.equal(root.querySelector('#lock-holders span[title]')?.getAttribute('title'), '"><script>');
});

test('the checkpoint-starvation warning appears only when the growth check warns', () => {
  const growth: WalGrowthAssessment = {
    verdict: 'checkpoint-starved',
    warning: true,
    message: 'The WAL grew by 1200 frames in 6 s while PID 4711 held a read lock.',
    samples: 4,
    framesGained: 1200,
    overMs: 6000,
    latestFrames: 2200,
    threshold: 1000,
    persistentReaderPids: [4711],
  };
  const warned = locksView(report([holder({})]), growth).querySelector('#wal-growth');
  assert.equal(warned?.getAttribute('role'), 'alert');
  assert.match(textOf(warned), /^The WAL grew by 1200 frames/);
  assert.equal(
    locksView(report([holder({})]), { ...growth, warning: false, verdict: 'steady' }).querySelector(
      '#wal-growth',
    ),
    null,
  );
});

test('where locks cannot be listed, the note says so', () => {
  const root = locksView(
    report([], { supported: false, platform: 'darwin', note: 'macOS has no list of byte-range locks.' }),
  );
  assert.equal(textOf(root.querySelector('#lock-holders')), 'macOS has no list of byte-range locks.');
});

test('during a probe, its sessions are named instead of the engine process', () => {
  const root = renderInDom(
    renderLockHolders(
      report([holder({ pid: 321, command: 'node', file: 'db', lock: 'RESERVED' })]),
      'probe',
      {
        321: ['B'],
      },
    ),
  );
  assert.deepEqual(
    tableRows(root, 'probe').map((cells) => cells[1]),
    ['probe session B'],
  );
});

test("before the first live reading, inspect's holders fill the same table", () => {
  const state = {
    locks: null,
    database: {
      path: '/w/app.db',
      name: 'app.db',
      report: { locks: { supported: true, holders: [holder({ pid: 12, file: 'db', lock: 'RESERVED' })] } },
    },
  } as unknown as PanelState;
  const root = renderInDom(renderLocksView(state));
  assert.equal(root.querySelector('#lock-holders vscode-table-row')?.getAttribute('data-lock'), 'RESERVED');
  assert.deepEqual(tableRows(root, 'lock-holders')[0].slice(0, 4), ['12', 'python3', 'db', 'RESERVED']);
  assert.match(textOf(root), /As the file's inspection saw them/);
});

test('live readings: how long each lock is held, a stopped holder, and its SQLite with its known bug', () => {
  const root = locksView(
    report(
      [
        holder({ heldSince: '2026-11-24T20:59:47.700Z', heldForMs: 12_300, heldForAtLeast: true }),
        holder({ pid: 99, command: 'node', lock: 'WAL_READ', access: 'read', readSlot: 1, heldForMs: 400 }),
      ],
      {
        processes: [
          {
            pid: 4711,
            command: 'python3',
            state: { code: 'T', name: 'stopped', stuck: true },
            lostLocks: [],
            warnings: [
              'python3 4711 is stopped (SIGSTOP or job control): it keeps its write lock until resumed',
            ],
            sqlite: [
              {
                file: '/usr/lib/<b>libsqlite3.so.0',
                state: 'found',
                sourceId: '2022-12-28 14:03:47 df5c253c',
                version: '3.40.1',
                compileOptions: ['THREADSAFE=1'],
                warnings: ['SQLite 3.40.1 has the WAL-reset database corruption bug'],
              },
            ],
          },
          { pid: 99, command: 'node', state: null, lostLocks: [], warnings: [], sqlite: null },
        ],
      },
    ),
  );
  assert.deepEqual(
    tableRows(root, 'lock-holders').map((row) => row[5]),
    ['at least 12.3 s', '0.4 s'],
  );
  const alert = root.querySelector('.holder-warning[role="alert"]');
  assert.equal(alert?.getAttribute('data-pid'), '4711');
  assert.match(textOf(alert), /python3 4711 is stopped/);
  const python = root.querySelector('#holder-processes li[data-pid="4711"]');
  assert.equal(python?.getAttribute('data-state'), 'T');
  assert.equal(python?.querySelector('.sqlite-library')?.getAttribute('data-version'), '3.40.1');
  assert.match(textOf(python?.querySelector('.sqlite-bug') ?? null), /WAL-reset/);
  assert.equal(root.querySelector('#holder-processes b'), null, 'a path from /proc stays text');
  assert.match(textOf(root.querySelector('#holder-processes li[data-pid="99"]')), /cannot be read/);
});

test('a single reading (no watch) has no held-for column', () => {
  const root = locksView(report([holder({})]));
  assert.equal(tableRows(root, 'lock-holders')[0].length, 5);
  assert.equal(root.querySelector('.holder-warning'), null);
});
