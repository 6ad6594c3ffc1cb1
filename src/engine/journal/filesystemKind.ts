// Which filesystem holds a file, from Linux's mount table. WAL keeps its index in a memory-mapped -shm
// file and relies on POSIX locks; over a network filesystem neither is shared correctly between hosts,
// so WAL there can corrupt the database (https://sqlite.org/wal.html).
import * as fs from 'node:fs';

export interface MountEntry {
  mountPoint: string;
  fsType: string;
  source: string;
}

export interface FilesystemKind {
  mountPoint: string;
  fsType: string;
  source: string;
  /** Locks and shared memory are not reliable across hosts on this filesystem type. */
  network: boolean;
}

const networkFsTypes = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  '9p',
  'fuse.sshfs',
  'sshfs',
  'ceph',
  'fuse.ceph',
  'fuse.cephfs',
  'glusterfs',
  'fuse.glusterfs',
  'afs',
  'lustre',
  'davfs',
  'fuse.davfs2',
  'gpfs',
  'beegfs',
  'ncpfs',
  'coda',
  'fuse.s3fs',
  'fuse.rclone',
  'fuse.gcsfuse',
  'fuse.juicefs',
  'vboxsf',
  'prl_fs',
]);

export function isNetworkFsType(fsType: string): boolean {
  return networkFsTypes.has(fsType.toLowerCase());
}

/**
 * Parses /proc/self/mountinfo: `ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - TYPE SOURCE SUPEROPTIONS`.
 * The optional fields vary in number, so the type is found after the lone "-".
 */
export function parseMountInfo(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    const separator = fields.indexOf('-', 6);
    if (fields.length < 7 || separator < 0 || separator + 1 >= fields.length) {
      continue;
    }
    const fsType = fields[separator + 1];
    entries.push({
      mountPoint: unescapeMountField(fields[4]),
      fsType,
      source: unescapeMountField(fields[separator + 2] ?? ''),
    });
  }
  return entries;
}

/** Parses /proc/mounts (fstab format): `SOURCE MOUNTPOINT TYPE OPTIONS DUMP PASS`. */
export function parseProcMounts(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(' ');
    if (fields.length < 3) {
      continue;
    }
    entries.push({
      mountPoint: unescapeMountField(fields[1]),
      fsType: fields[2],
      source: unescapeMountField(fields[0]),
    });
  }
  return entries;
}

// The kernel writes space, tab, newline and backslash in mount fields as octal escapes (\040 ...).
function unescapeMountField(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/**
 * The mount that holds `realPath` (an absolute path with symlinks resolved): the longest mount point
 * that is a whole-component prefix of it; of equal ones, the last listed, which is mounted on top.
 */
export function findMount(entries: MountEntry[], realPath: string): MountEntry | undefined {
  let best: MountEntry | undefined;
  for (const entry of entries) {
    if (!containsPath(entry.mountPoint, realPath)) {
      continue;
    }
    if (best === undefined || entry.mountPoint.length >= best.mountPoint.length) {
      best = entry;
    }
  }
  return best;
}

function containsPath(mountPoint: string, realPath: string): boolean {
  if (mountPoint === '/') {
    return realPath.startsWith('/');
  }
  const trimmed = mountPoint.replace(/\/+$/, '');
  return realPath === trimmed || realPath.startsWith(trimmed + '/');
}

export function classifyFilesystem(entries: MountEntry[], realPath: string): FilesystemKind | undefined {
  const mount = findMount(entries, realPath);
  return mount === undefined ? undefined : { ...mount, network: isNetworkFsType(mount.fsType) };
}

/** The filesystem of `realPath` on Linux; undefined elsewhere or when the mount table is unreadable. */
export function filesystemOf(realPath: string): FilesystemKind | undefined {
  for (const [file, parse] of [
    ['/proc/self/mountinfo', parseMountInfo],
    ['/proc/mounts', parseProcMounts],
  ] as const) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const kind = classifyFilesystem(parse(text), realPath);
    if (kind !== undefined) {
      return kind;
    }
  }
  return undefined;
}
