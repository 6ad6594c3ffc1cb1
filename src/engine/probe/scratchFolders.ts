// Where scratch copies live: a temp folder named after the process that made it. SIGKILL leaves that
// process no chance to clean up, so the name lets others do it: the parent that saw it die, and the next
// probe on this machine (for folders whose maker is gone).
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const prefix = 'sqlite-lock-doctor-';
/** sqlite-lock-doctor-<pid>-<random>: the pid of the process that made it. */
const ownedName = /^sqlite-lock-doctor-(\d+)-[^-]+$/;

export function makeScratchFolder(): string {
  return mkdtempSync(join(tmpdir(), `${prefix}${process.pid}-`));
}

/** Removes the scratch folders made by process `pid` (which the caller knows has ended). */
export function removeScratchFoldersOf(pid: number): void {
  removeWhere((owner) => owner === pid);
}

/** Removes the scratch folders whose maker is no longer running. */
export function removeOrphanedScratchFolders(): void {
  removeWhere((owner) => !isRunning(owner));
}

function removeWhere(orphaned: (owner: number) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const owner = ownedName.exec(name)?.[1];
    if (owner !== undefined && orphaned(Number(owner))) {
      rmSync(join(tmpdir(), name), { recursive: true, force: true });
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
