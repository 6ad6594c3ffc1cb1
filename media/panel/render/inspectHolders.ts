// Until inspect reports the same LockHolderEntry list as `locks` (issue 7, item 3), its per-process
// summary is turned into entries here, so one view draws both.
import type { LockTable } from '../../../src/engine/inspect/inspectReport';
import type { LockHolderEntry, LockName } from '../../../src/engine/locks/lockReport';
import type { HolderTable } from './lockHolders';

function walLock(name: string): { lock: LockName; readSlot?: number } {
  if (name.startsWith('READ')) {
    return { lock: 'WAL_READ', readSlot: Number(name.slice(4)) };
  }
  return { lock: name === 'DMS' ? 'OPEN' : (`WAL_${name}` as LockName) };
}

export function inspectHolders(locks: LockTable): HolderTable {
  if (locks.source === 'unavailable') {
    return { supported: false, note: 'Lock holders are read from /proc/locks, on Linux only.', holders: [] };
  }
  const entry = (pid: number, waiting: boolean): Omit<LockHolderEntry, 'file' | 'lock' | 'access'> => ({
    pid,
    command: null,
    commandLine: null,
    waiting,
    openWithoutLock: false,
    meaning: '',
  });
  const holders = locks.holders.flatMap((holder): LockHolderEntry[] => [
    ...(holder.databaseLock === 'none'
      ? []
      : [
          {
            ...entry(holder.pid, holder.waiting),
            file: 'db' as const,
            lock: holder.databaseLock,
            access: null,
          },
        ]),
    ...holder.walLocks.map((lock) => ({
      ...entry(holder.pid, holder.waiting),
      file: 'shm' as const,
      ...walLock(lock.name),
      access: lock.access,
    })),
  ]);
  return { supported: true, holders };
}
