// What is on disk in a folder, to prove an operation wrote nothing.
import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './tempDatabase';

/** Every entry in the folder with its size and sha256: equal snapshots mean nothing was written. */
export function snapshotFolder(folder: string): string[] {
  return readdirSync(folder)
    .sort()
    .map((name) => {
      const entry = join(folder, name);
      // lstat: a symlink is recorded as the link, not followed (it may dangle or loop).
      const stats = lstatSync(entry);
      if (stats.isSymbolicLink()) {
        return `${name} -> ${readlinkSync(entry)}`;
      }
      if (!stats.isFile()) {
        return `${name} (not a file)`;
      }
      return `${name} ${stats.size} ${sha256(entry)}`;
    });
}
