// THE decoder, from prepared /proc/locks text: byte ranges to SQLite's lock states, waiters, merged
// ranges, names and open descriptors from a prepared /proc folder; and the one list of lock states
// the probe, the reader and the status bar share.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { journalModeOf } from '../src/engine/header/journalModeOf';
import { databaseWriterPids, decodeLockHolders } from '../src/engine/locks/decodeLockHolders';
import type { LockReport } from '../src/engine/locks/lockReport';
import { isWriteLock, lockStates, readLockOf } from '../src/engine/locks/lockStates';
import { parseProcLocks, posixLocksOnFile, splitLinuxDevice } from '../src/engine/locks/procLocks';
import { readableCommandLine } from '../src/engine/locks/processNames';
import { readLockHolders } from '../src/engine/locks/readLockHolders';
import { heldLocksByStrength } from '../src/report/lockStateStyle';
import { lockSummary } from '../src/extension/lockSummary';
import { addProcess, procLockId, writeProcLocks } from './support/fakeProc';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

const row = (holder: { pid: number; file: string; lock: string; readSlot?: number }) =>
  `${holder.pid} ${holder.file} ${holder.lock}${holder.readSlot ?? ''}`;

describe('/proc/locks text', () => {
  test('lines are parsed, and the ones on a file decoded into one entry per process, file and lock', () => {
    const sample = [
      '1: POSIX  ADVISORY  WRITE 6099 fe:00:2146568 120 120',
      '2: POSIX  ADVISORY  READ 6099 fe:00:2146568 123 123',
      '3: POSIX  ADVISORY  READ 6099 fe:00:2146568 128 128',
      '4: POSIX  ADVISORY  READ 6099 fe:00:2147957 1073741826 1073742335',
      '5: POSIX  ADVISORY  WRITE 7000 fe:00:2147957 1073741824 1073741825',
      '5: -> POSIX  ADVISORY  WRITE 7001 fe:00:2147957 1073741825 1073741825',
      '6: FLOCK  ADVISORY  WRITE 42 00:2f:99 0 EOF',
      '7: OFDLCK ADVISORY  READ  -1 00:06:1050 0 EOF',
      'not a lock line',
    ].join('\n');
    const entries = parseProcLocks(sample);
    assert.equal(entries.length, 8);
    assert.deepEqual(entries[6], {
      kind: 'FLOCK',
      blocked: false,
      access: 'WRITE',
      pid: 42,
      major: 0,
      minor: 0x2f,
      inode: 99n,
      start: 0,
      end: null,
    });
    assert.equal(entries[5].blocked, true);
    // dev_t 0xfe00 is major 254, minor 0 (what stat reports for fe:00).
    assert.deepEqual(splitLinuxDevice(0xfe00n), { major: 254, minor: 0 });
    const database = posixLocksOnFile(entries, 0xfe00n, 2147957n);
    const shm = posixLocksOnFile(entries, 0xfe00n, 2146568n);
    assert.equal(database.length, 3);
    assert.deepEqual(
      parseProcLocks(sample, [2147957n]),
      database,
      'parsing only the lines on one inode gives the same entries',
    );
    const decoded = decodeLockHolders(database, shm, 'wal');
    assert.deepEqual(
      decoded.map((holder) => `${row(holder)} ${holder.access}${holder.waiting ? ' waiting' : ''}`),
      [
        '6099 db SHARED read',
        '6099 shm OPEN read',
        '6099 shm WAL_READ0 read',
        '6099 shm WAL_WRITE write',
        '7000 db PENDING write',
        '7001 db RESERVED write waiting',
      ],
    );
    assert.deepEqual(databaseWriterPids(decoded), [7000], 'a waiter is not a live writer');
    assert.match(decoded[0].meaning, /every connection read-locks the database/);
    assert.match(decoded[2].meaning, /reading the database file alone/);
    assert.match(decoded[5].meaning, /^waits in the kernel for this lock, to be writing/);
  });

  test('merged ranges are classified by every SQLite range they overlap', () => {
    const entries = parseProcLocks(
      [
        '1: POSIX  ADVISORY  WRITE 10 08:01:5 1073741824 1073742335',
        '2: POSIX  ADVISORY  WRITE 11 08:01:5 1073741825 1073741825',
        '3: POSIX  ADVISORY  READ  11 08:01:5 1073741826 1073742335',
        '4: POSIX  ADVISORY  WRITE 12 08:01:6 120 128',
      ].join('\n'),
    );
    const decoded = decodeLockHolders(
      entries.filter((entry) => entry.inode === 5n),
      entries.filter((entry) => entry.inode === 6n),
      'wal',
    );
    assert.deepEqual(decoded.map(row), [
      '10 db EXCLUSIVE',
      '11 db RESERVED',
      '12 shm OPEN',
      '12 shm WAL_READ0',
      '12 shm WAL_READ1',
      '12 shm WAL_READ2',
      '12 shm WAL_READ3',
      '12 shm WAL_READ4',
      '12 shm WAL_WRITE',
      '12 shm WAL_CKPT',
      '12 shm WAL_RECOVER',
    ]);
    assert.match(
      decoded.find((holder) => holder.lock === 'OPEN')?.meaning ?? '',
      /initialising the WAL index/,
    );
    assert.match(
      decoded.find((holder) => holder.readSlot === 3)?.meaning ?? '',
      /updating read mark 3/,
      'a write lock on a read mark is a moment of updating it',
    );
  });

  test('processes with the file open: OPEN without a lock, unless they already hold one', () => {
    const entries = parseProcLocks('1: POSIX  ADVISORY  READ  20 08:01:5 1073741826 1073742335');
    const decoded = decodeLockHolders(entries, [], 'delete', [21, 20]);
    assert.deepEqual(
      decoded.map((holder) => `${row(holder)} ${holder.access ?? 'none'} ${holder.openWithoutLock}`),
      ['20 db SHARED read false', '21 db OPEN none true'],
    );
    assert.match(decoded[1].meaning, /idle rollback-mode connection/);
  });
});

describe('a prepared /proc folder', () => {
  function fakeProc(folder: string, file: string): string {
    const root = path.join(folder, 'proc');
    // The kernel shows descriptors' targets with symlinks resolved.
    const realFile = fs.realpathSync(file);
    const db = procLockId(file);
    const shm = procLockId(`${file}-shm`);
    writeProcLocks(root, [
      `1: POSIX  ADVISORY  READ  4001 ${db} 1073741826 1073742335`,
      `2: POSIX  ADVISORY  WRITE 4002 ${db} 1073741824 1073741825`,
      `3: POSIX  ADVISORY  READ  4002 ${db} 1073741826 1073742335`,
      `3: -> POSIX  ADVISORY  WRITE 4002 ${db} 1073741826 1073742335`,
      `3: -> POSIX  ADVISORY  READ  4003 ${db} 1073741824 1073741824`,
      `4: POSIX  ADVISORY  WRITE 4004 ${shm} 120 121`,
      `5: POSIX  ADVISORY  READ  4004 ${shm} 125 125`,
      `6: POSIX  ADVISORY  READ  4004 ${shm} 128 128`,
      `7: POSIX  ADVISORY  WRITE 4006 00:01:1 1073741824 1073742335`,
      `8: FLOCK  ADVISORY  WRITE 4007 ${db} 0 EOF`,
    ]);
    addProcess(root, 4001, { comm: 'python3', cmdline: `python3\0-c\0${'x = 1\n'.repeat(100)}\0` }, [
      realFile,
    ]);
    addProcess(root, 4004, { comm: 'bad\u001b[31mname' });
    addProcess(root, 4005, { comm: 'idle-app', cmdline: 'node\0server.js\0' }, ['/dev/null', realFile]);
    addProcess(root, 4008, { comm: 'other', cmdline: 'other\0' }, [`${realFile}-journal`]);
    return root;
  }

  test('states, waiters, names and open descriptors', (t) => {
    const folder = tempFolderFor(t);
    const file = makeItemsDatabase(folder);
    fs.writeFileSync(`${file}-shm`, '');
    const report = readLockHolders(file, { platform: 'linux', procRoot: fakeProc(folder, file) });
    assert.equal(report.supported, true);
    const rows = report.holders.map((holder) =>
      [
        holder.pid,
        holder.file,
        holder.lock,
        holder.readSlot ?? '-',
        holder.access ?? 'none',
        holder.waiting,
      ].join(' '),
    );
    assert.deepEqual(rows, [
      '4001 db SHARED - read false',
      '4002 db PENDING - write false',
      '4002 db EXCLUSIVE - write true',
      '4003 db SHARED - read true',
      '4004 shm OPEN - read false',
      '4004 shm WAL_READ 2 read false',
      '4004 shm WAL_WRITE - write false',
      '4004 shm WAL_CKPT - write false',
      '4005 db OPEN - none false',
    ]);
    const [reader, , waiter] = report.holders;
    assert.equal(reader.command, 'python3');
    assert.ok(reader.commandLine !== null && reader.commandLine.length === 200, reader.commandLine ?? '');
    assert.match(reader.commandLine, /^python3 -c x = 1 x = 1 .*…$/);
    assert.match(waiter.meaning, /^waits in the kernel for this lock/);
    assert.equal(report.holders[1].command, null, 'no /proc entry: the process ended');
    assert.equal(report.holders[4].command, 'bad [31mname', 'a control character in comm is not printed');
    const open = report.holders.at(-1);
    assert.equal(open?.openWithoutLock, true);
    assert.equal(open?.commandLine, 'node server.js');
    assert.match(open?.meaning ?? '', /idle rollback-mode connection/);
  });

  test('command lines: NULs and newlines become single spaces, long ones are cut', () => {
    assert.equal(readableCommandLine('python3\0-c\0print(1)\n\0'), 'python3 -c print(1)');
    assert.equal(readableCommandLine('a'.repeat(300), 10), 'aaaaaaaaa…');
  });
});

describe('one list of lock states', () => {
  test('the probe timeline, the reader and the status bar take their names from it', () => {
    const names = lockStates.map((state) => state.name);
    assert.equal(new Set(names).size, names.length, 'each state once');
    assert.ok(
      lockStates.every((state) => state.meaning.length > 20),
      'each state has its meaning',
    );
    // The timeline draws every state but OPEN (a recording shows it as presence, not as a bar); a
    // probe's sessions take exactly the ones marked for it, and the maintenance locks are a recording's.
    assert.deepEqual([...heldLocksByStrength].sort(), names.filter((name) => name !== 'OPEN').sort());
    assert.deepEqual(
      lockStates.filter((state) => !state.inTimeline).map((state) => state.name),
      ['OPEN', 'WAL_CKPT', 'WAL_RECOVER'],
    );
    assert.deepEqual(
      names.filter((name) => isWriteLock(name)),
      ['RESERVED', 'PENDING', 'EXCLUSIVE', 'WAL_WRITE'],
    );
    assert.equal(readLockOf('wal'), 'WAL_READ');
    assert.equal(readLockOf('delete'), 'SHARED');
  });

  test('the status bar names the writer, else counts readers by the journal mode’s read lock', () => {
    const entry = (pid: number, lock: LockReport['holders'][number]['lock'], file: 'db' | 'shm') => ({
      pid,
      command: 'python3',
      commandLine: null,
      file,
      lock,
      access: 'read' as const,
      waiting: false,
      openWithoutLock: false,
      meaning: '',
    });
    const report = (journalMode: 'wal' | 'delete', holders: LockReport['holders']): LockReport => ({
      schema: 'sqlite-lock-doctor/lock-report@2',
      file: '/x.db',
      realPath: '/x.db',
      journalMode,
      platform: 'linux',
      supported: true,
      holders,
      wal: null,
      takenAt: new Date(0).toISOString(),
      readMs: 0,
      processes: [],
      lostLockCheck: { possible: journalMode === 'wal', note: null },
    });
    const walReaders = [entry(1, 'SHARED', 'db'), entry(1, 'WAL_READ', 'shm'), entry(2, 'SHARED', 'db')];
    assert.equal(lockSummary(report('wal', walReaders)), '1 reader', 'in WAL mode SHARED is only open');
    assert.equal(lockSummary(report('delete', walReaders.slice(0, 1))), '1 reader');
    assert.equal(
      lockSummary(report('wal', [...walReaders, entry(3, 'WAL_WRITE', 'shm')])),
      'writer: python3 3',
    );
    assert.equal(lockSummary(report('delete', [])), undefined);
  });

  test('journalModeOf: read version 2 is WAL, anything else (or no header) a rollback mode', () => {
    assert.equal(journalModeOf({ readVersion: 2 }), 'wal');
    assert.equal(journalModeOf({ readVersion: 1 }), 'delete');
    assert.equal(journalModeOf(null), 'delete');
  });
});
