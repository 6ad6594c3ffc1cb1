// The panel's live lock holders: one row per holder with its PID and lock, names escaped, the WAL
// starvation warning when the growth check raises it, and a plain note where locks cannot be listed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LockHolderEntry, LockReport } from '../src/engine/locks/lockReport';
import type { WalGrowthAssessment } from '../src/engine/locks/walGrowth';
import { renderLiveLocks } from '../media/panel/render/liveLocks';

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
    schema: 'sqlite-lock-doctor/lock-report@1',
    file: '/w/app.db',
    realPath: '/w/app.db',
    journalMode: 'wal',
    platform: 'linux',
    supported: true,
    holders,
    wal: null,
    takenAt: '2026-11-24T21:00:00.000Z',
    readMs: 2.4,
    ...overrides,
  };
}

test('each holder is a row with its PID, process and lock; waiting and read slots are shown', () => {
  const html = renderLiveLocks(
    report([
      holder({}),
      holder({ pid: 99, command: 'node', lock: 'WAL_READ', access: 'read', readSlot: 1 }),
      holder({ pid: 7, command: 'sqlite3', file: 'db', lock: 'PENDING', waiting: true }),
    ]),
  );
  assert.match(html, /<tr[^>]*data-pid="4711"[^>]*data-lock="WAL_WRITE"/);
  assert.match(html, /WAL_READ \(slot 1\)/);
  assert.match(html, /data-pid="7"[\s\S]*waiting/);
});

test('process names and command lines from /proc are escaped', () => {
  const html = renderLiveLocks(
    report([holder({ command: '<img src=x onerror=alert(1)>', commandLine: '"><script>' })]),
  );
  assert.doesNotMatch(html, /<img src=x/);
  assert.doesNotMatch(html, /<script>/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
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
  assert.match(
    renderLiveLocks(report([holder({})]), growth),
    /id="wal-growth"[^>]*role="alert"[^>]*>The WAL grew by 1200 frames/,
  );
  assert.doesNotMatch(
    renderLiveLocks(report([holder({})]), { ...growth, warning: false, verdict: 'steady' }),
    /wal-growth/,
  );
});

test('where locks cannot be listed, the note says so', () => {
  const html = renderLiveLocks(
    report([], { supported: false, platform: 'darwin', note: 'macOS has no list of byte-range locks.' }),
  );
  assert.match(html, /macOS has no list of byte-range locks\./);
});

test('during a probe, its sessions are named instead of the engine process', () => {
  const html = renderLiveLocks(
    report([holder({ pid: 321, command: 'node', file: 'db', lock: 'RESERVED' })]),
    null,
    {
      321: ['B'],
    },
  );
  assert.match(html, /probe session B/);
  assert.doesNotMatch(html, />node</);
});
