// Where there is no /proc/locks (macOS, Windows, other systems, Linux without /proc): `locks` says
// what cannot be known and which tool helps, writes nothing, and still refuses bad input.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { readLockHolders } from '../src/engine/locks/readLockHolders';
import { UserInputError } from '../src/engine/userInputError';
import { snapshotFolder } from './support/folderSnapshot';
import { makeItemsDatabase, tempFolderFor } from './support/tempDatabase';

describe('without /proc/locks', () => {
  for (const [platform, tool] of [
    ['darwin', /lsof/],
    ['win32', /Resource Monitor.*handle\.exe.*Restart Manager/],
    ['freebsd', /lsof|fuser/],
  ] as const) {
    test(`${platform}: supported false, a note naming ${tool.source}, nothing written`, (t) => {
      const folder = tempFolderFor(t);
      const file = makeItemsDatabase(folder);
      const before = snapshotFolder(folder);
      const report = readLockHolders(file, { platform });
      assert.equal(report.supported, false);
      assert.equal(report.platform, platform);
      assert.deepEqual(report.holders, []);
      assert.match(report.note ?? '', tool);
      assert.match(report.note ?? '', /lock state|without taking locks/);
      assert.equal(report.wal, null);
      assert.deepEqual(snapshotFolder(folder), before);
    });
  }

  test('Linux with no readable /proc/locks: supported false, plain note', (t) => {
    const file = makeItemsDatabase(tempFolderFor(t));
    const report = readLockHolders(file, {
      platform: 'linux',
      procRoot: path.join(tempFolderFor(t), 'none'),
    });
    assert.equal(report.supported, false);
    assert.match(report.note ?? '', /\/proc\/locks could not be read/);
  });

  test('bad input is still a UserInputError off Linux', (t) => {
    assert.throws(
      () => readLockHolders(path.join(tempFolderFor(t), 'missing.db'), { platform: 'darwin' }),
      UserInputError,
    );
  });
});
