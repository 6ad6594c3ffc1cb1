// The recorder's fast path over a prepared /proc: for every table it gives what the one decoder gives
// for the whole table, the same array while the lines on the files stay the same (even when other
// locks on the system come and go), and a process that let go of its locks but keeps the file open
// stays listed as having it open.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { readDatabaseHeader } from '../src/engine/header/readDatabaseHeader';
import { decodeLockHolders } from '../src/engine/locks/decodeLockHolders';
import { LockSampler } from '../src/engine/locks/lockSampler';
import { parseProcLocks, posixLocksOnFile } from '../src/engine/locks/procLocks';
import { addProcess, procLockId, writeProcLocks } from './support/fakeProc';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

describe('the sampler', { skip: process.platform !== 'linux' && 'needs Linux devices' }, () => {
  test('per-process decoding equals the whole-table decoder, and unchanged lines give the same array', (t) => {
    const folder = tempFolderFor(t);
    const file = makeItemsDatabase(folder, 'wal');
    writeFileSync(`${file}-shm`, Buffer.alloc(32768));
    const procRoot = join(folder, 'proc');
    const db = procLockId(file);
    const shm = procLockId(`${file}-shm`);
    const tables: string[][] = [
      [`POSIX  ADVISORY  READ  101 ${db} 1073741826 1073742335`, `POSIX  ADVISORY  READ  101 ${shm} 128 128`],
      [
        `POSIX  ADVISORY  READ  101 ${db} 1073741826 1073742335`,
        `POSIX  ADVISORY  READ  101 ${shm} 128 128`,
        `POSIX  ADVISORY  READ  102 ${db} 1073741826 1073742335`,
        `POSIX  ADVISORY  READ  102 ${shm} 124 124`,
        `POSIX  ADVISORY  READ  102 ${shm} 128 128`,
        `POSIX  ADVISORY  WRITE 101 ${shm} 120 120`,
      ],
      [
        `POSIX  ADVISORY  READ  101 ${db} 1073741826 1073742335`,
        `POSIX  ADVISORY  READ  101 ${shm} 128 128`,
        `POSIX  ADVISORY  READ  102 ${db} 1073741826 1073742335`,
        `POSIX  ADVISORY  READ  102 ${shm} 124 124`,
        `POSIX  ADVISORY  READ  102 ${shm} 128 128`,
        `POSIX  ADVISORY  WRITE 103 ${shm} 120 120`,
        `-> POSIX  ADVISORY  WRITE 101 ${shm} 120 120`,
      ],
    ];
    const numbered = (lines: string[], first = 1) => lines.map((line, index) => `${index + first}: ${line}`);
    writeProcLocks(procRoot, numbered(tables[0]));
    for (const pid of [101, 102, 103]) {
      addProcess(procRoot, pid, { comm: 'python3' });
    }
    const header = readDatabaseHeader(file);
    const sampler = new LockSampler(header, 'wal', { procRoot });
    t.after(() => sampler.close());
    for (const table of tables) {
      writeProcLocks(procRoot, numbered(table));
      const sampled = sampler.sample().holders;
      const entries = parseProcLocks(numbered(table).join('\n'));
      const shmStats = readDatabaseHeader(file); // device of the folder; the -shm sits beside it
      const expected = decodeLockHolders(
        posixLocksOnFile(entries, header.device, header.inode),
        posixLocksOnFile(entries, shmStats.device, BigInt(shm.split(':')[2])),
        'wal',
        [],
      );
      assert.deepEqual(sampled, expected);
      assert.equal(sampler.sample().holders, sampled, 'unchanged: the same array');
      // Another lock elsewhere on the system shifts every ordinal: still the same array.
      writeProcLocks(procRoot, ['1: FLOCK  ADVISORY  WRITE 999 00:2a:77 0 EOF', ...numbered(table, 2)]);
      assert.equal(sampler.sample().holders, sampled, 'ordinals moved: the same array');
    }
  });
});
