// What cannot be known about lock holders where there is no /proc/locks, and which system tool gets
// closest. Listing another process's byte-range locks needs native code there (or, on macOS,
// fcntl(F_GETLK) probes that return one conflicting holder per range); this tool takes no lock to find
// out, so it only says what to run.

export function unsupportedPlatformNote(platform: string, file: string): string {
  switch (platform) {
    case 'darwin':
      return (
        'macOS has no list of byte-range locks: which process holds SHARED, RESERVED, PENDING or EXCLUSIVE ' +
        `(or a WAL lock) cannot be read without taking locks. \`lsof ${quote(file)}\` (and \`lsof ${quote(`${file}-shm`)}\` ` +
        'in WAL mode) lists the processes that have the file open, but not their lock state.'
      );
    case 'win32':
      return (
        'Windows has no API that lists byte-range locks: which process holds SHARED, RESERVED, PENDING or ' +
        'EXCLUSIVE cannot be read. Resource Monitor (Associated Handles), Sysinternals handle.exe or the ' +
        'Restart Manager list the processes that have the file open, but not their lock state.'
      );
    default:
      return (
        `Lock holders are read from Linux's /proc/locks; ${platform} has no equivalent this tool can read ` +
        'without taking locks. `lsof` or `fuser`, where available, list the processes with the file open.'
      );
  }
}

export const procLocksUnreadableNote =
  '/proc/locks could not be read (is /proc mounted?): lock holders cannot be listed. ' +
  '`lsof` or `fuser` list the processes with the file open.';

function quote(file: string): string {
  return /^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}
