// Which filesystem a database lives on, from mountinfo and /proc/mounts text, and the WAL policy for
// network filesystems: pure functions on sample text (the real-file journal switch is journalSwitch.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import {
  classifyFilesystem,
  filesystemOf,
  findMount,
  isNetworkFsType,
  parseMountInfo,
  parseProcMounts,
} from '../src/engine/journal/filesystemKind';
import { checkWalFilesystem } from '../src/engine/journal/walFilesystemPolicy';
import { OperationError } from '../src/engine/userInputError';

function assertOperationError(run: () => unknown, expected: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof OperationError, `expected an OperationError, got ${String(error)}`);
    assert.match(error.message, expected);
    return true;
  });
}

const sampleMountInfo = `22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime shared:1 - ext4 /dev/vda rw
40 27 0:45 / /mnt/nfs rw,relatime shared:20 - nfs4 server:/export rw,vers=4.2
41 27 0:46 / /mnt/nfsdata rw,relatime - ext4 /dev/vdb rw
42 40 0:47 / /mnt/nfs/local\\040disk rw,relatime - xfs /dev/vdc rw
43 27 0:48 / /home/me/remote rw,nosuid master:3 shared:9 - fuse.sshfs me@host:/srv rw,user_id=0
44 27 0:49 /share /mnt/win rw - cifs //host/share rw
45 27 0:50 / /mnt/nfs rw - tmpfs tmpfs rw
`;

test('network filesystems are recognised from mountinfo and /proc/mounts text', () => {
  const entries = parseMountInfo(sampleMountInfo);
  assert.equal(entries.length, 8);
  assert.equal(entries[4].mountPoint, '/mnt/nfs/local disk', 'octal escapes are decoded');
  const kindOf = (file: string): string | undefined => {
    const kind = classifyFilesystem(entries, file);
    return kind === undefined ? undefined : `${kind.fsType}${kind.network ? ' network' : ''}`;
  };
  assert.equal(kindOf('/home/me/remote/app.db'), 'fuse.sshfs network');
  assert.equal(kindOf('/mnt/win/app.db'), 'cifs network');
  assert.equal(kindOf('/mnt/nfsdata/app.db'), 'ext4', 'a name prefix is not a path prefix');
  assert.equal(kindOf('/mnt/nfs/local disk/app.db'), 'xfs');
  assert.equal(kindOf('/srv/app.db'), 'ext4');
  // Two mounts on /mnt/nfs: the later one is on top.
  assert.equal(kindOf('/mnt/nfs/app.db'), 'tmpfs');
  assert.equal(findMount(entries.slice(0, 3), '/mnt/nfs/app.db')?.source, 'server:/export');

  const mounts = parseProcMounts('server:/export /data nfs rw,vers=3 0 0\n/dev/vda / ext4 rw 0 0\n');
  assert.equal(classifyFilesystem(mounts, '/data/x/app.db')?.network, true);
  assert.equal(classifyFilesystem(mounts, '/data2/app.db')?.network, false);
  for (const type of ['nfs', 'NFS4', '9p', 'smb3', 'ceph', 'glusterfs', 'lustre', 'afs', 'davfs']) {
    assert.ok(isNetworkFsType(type), type);
  }
  assert.ok(!isNetworkFsType('overlay'));
  // This machine's temp folder is local.
  assert.equal(filesystemOf(fs.realpathSync(os.tmpdir()))?.network, false);
});

test('WAL on a network filesystem is refused unless forced, then warned about', () => {
  const nfs = classifyFilesystem(parseMountInfo(sampleMountInfo), '/mnt/win/app.db');
  assertOperationError(
    () => checkWalFilesystem('app.db', nfs, false, 'delete'),
    /^refusing to switch to WAL: app\.db is on a network filesystem \(cifs at \/mnt\/win\).*; the journal mode is still delete$/,
  );
  assert.match(
    checkWalFilesystem('app.db', nfs, true, 'delete') ?? '',
    /^switched to WAL although app\.db is on a network filesystem/,
  );
  assert.equal(
    checkWalFilesystem(
      'app.db',
      { mountPoint: '/', fsType: 'ext4', source: '/dev/vda', network: false },
      false,
      'delete',
    ),
    undefined,
  );
});
