// The lock model (src/engine/probe/lockModel.ts), case by case: which lock each step asks for and holds
// under SQLite's locking protocol (https://sqlite.org/lockingv3.html, https://sqlite.org/wal.html), and
// which held locks keep another session from getting the one it wants.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { acquiresLock, journalFamily, lockConflicts, stepLocks } from '../src/engine/probe/lockModel';
import type { LockState } from '../src/engine/probe/probeTypes';

describe('journalFamily', () => {
  test('wal in any case is WAL; every other mode uses the rollback journal', () => {
    assert.equal(journalFamily('wal'), 'wal');
    assert.equal(journalFamily('WAL'), 'wal');
    for (const mode of ['delete', 'truncate', 'persist', 'memory', 'off']) {
      assert.equal(journalFamily(mode), 'rollback', mode);
    }
  });
});

describe('stepLocks: begin', () => {
  test('BEGIN DEFERRED takes nothing', () => {
    assert.deepEqual(stepLocks('begin', 'none', false, 'rollback', 'deferred'), {
      wants: 'none',
      heldWhileRunning: 'none',
      after: 'none',
    });
  });
  test('BEGIN IMMEDIATE takes the write lock: RESERVED, or the WAL write lock', () => {
    assert.equal(stepLocks('begin', 'none', false, 'rollback', 'immediate').after, 'RESERVED');
    assert.equal(stepLocks('begin', 'none', false, 'wal', 'immediate').after, 'WAL_WRITE');
  });
  test('BEGIN EXCLUSIVE takes EXCLUSIVE in rollback mode, the WAL write lock in WAL', () => {
    assert.equal(stepLocks('begin', 'none', false, 'rollback', 'exclusive').wants, 'EXCLUSIVE');
    assert.equal(stepLocks('begin', 'none', false, 'wal', 'exclusive').wants, 'WAL_WRITE');
  });
});

describe('stepLocks: read', () => {
  test('inside a transaction the read lock is kept', () => {
    assert.equal(stepLocks('read', 'none', true, 'rollback').after, 'SHARED');
    assert.equal(stepLocks('read', 'none', true, 'wal').after, 'WAL_READ');
  });
  test('outside a transaction it is released when the statement ends', () => {
    assert.deepEqual(stepLocks('read', 'none', false, 'rollback'), {
      wants: 'SHARED',
      heldWhileRunning: 'none',
      after: 'none',
    });
  });
  test('a session that already holds more keeps it', () => {
    assert.equal(stepLocks('read', 'RESERVED', true, 'rollback').wants, 'RESERVED');
  });
});

describe('stepLocks: write', () => {
  test('inside a transaction: RESERVED, or the WAL write lock, kept until the end', () => {
    assert.deepEqual(stepLocks('write', 'SHARED', true, 'rollback'), {
      wants: 'RESERVED',
      heldWhileRunning: 'SHARED',
      after: 'RESERVED',
    });
    assert.equal(stepLocks('write', 'WAL_READ', true, 'wal').after, 'WAL_WRITE');
  });
  test('autocommit: it commits by itself, which in rollback mode needs EXCLUSIVE', () => {
    assert.deepEqual(stepLocks('write', 'none', false, 'rollback'), {
      wants: 'EXCLUSIVE',
      heldWhileRunning: 'none',
      after: 'none',
    });
    assert.equal(stepLocks('write', 'none', false, 'wal').wants, 'WAL_WRITE');
  });
});

describe('stepLocks: commit and rollback', () => {
  test('a rollback-mode writer commits through PENDING to EXCLUSIVE', () => {
    assert.deepEqual(stepLocks('commit', 'RESERVED', true, 'rollback'), {
      wants: 'EXCLUSIVE',
      heldWhileRunning: 'PENDING',
      after: 'none',
    });
  });
  test('a reader commits without a new lock; a WAL writer without PENDING', () => {
    assert.deepEqual(stepLocks('commit', 'SHARED', true, 'rollback'), {
      wants: 'SHARED',
      heldWhileRunning: 'SHARED',
      after: 'none',
    });
    assert.equal(stepLocks('commit', 'WAL_WRITE', true, 'wal').heldWhileRunning, 'WAL_WRITE');
  });
  test('rollback releases everything without asking for more', () => {
    assert.deepEqual(stepLocks('rollback', 'RESERVED', true, 'rollback'), {
      wants: 'RESERVED',
      heldWhileRunning: 'RESERVED',
      after: 'none',
    });
  });
});

describe('lockConflicts', () => {
  const rollbackHeld: LockState[] = ['none', 'SHARED', 'RESERVED', 'PENDING', 'EXCLUSIVE'];
  const blockers = (wants: LockState) =>
    rollbackHeld.filter((held) => lockConflicts(wants, held, 'rollback'));

  test('rollback mode: SHARED waits for PENDING and EXCLUSIVE only', () => {
    assert.deepEqual(blockers('SHARED'), ['PENDING', 'EXCLUSIVE']);
  });
  test('rollback mode: one RESERVED at a time', () => {
    assert.deepEqual(blockers('RESERVED'), ['RESERVED', 'PENDING', 'EXCLUSIVE']);
  });
  test('rollback mode: EXCLUSIVE waits for every other lock, readers included', () => {
    assert.deepEqual(blockers('EXCLUSIVE'), ['SHARED', 'RESERVED', 'PENDING', 'EXCLUSIVE']);
  });
  test('WAL: only a writer blocks a writer; readers never block and are never blocked', () => {
    assert.equal(lockConflicts('WAL_WRITE', 'WAL_WRITE', 'wal'), true);
    assert.equal(lockConflicts('WAL_WRITE', 'WAL_READ', 'wal'), false);
    assert.equal(lockConflicts('WAL_READ', 'WAL_WRITE', 'wal'), false);
    assert.equal(lockConflicts('WAL_WRITE', 'none', 'wal'), false);
  });
});

describe('acquiresLock', () => {
  test('only a stronger lock than the one held is acquired', () => {
    assert.equal(acquiresLock('none', 'SHARED'), true);
    assert.equal(acquiresLock('SHARED', 'RESERVED'), true);
    assert.equal(acquiresLock('RESERVED', 'RESERVED'), false);
    assert.equal(acquiresLock('EXCLUSIVE', 'SHARED'), false);
    assert.equal(acquiresLock('WAL_READ', 'WAL_WRITE'), true);
  });
});
