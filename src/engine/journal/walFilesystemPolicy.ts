// Whether to switch a database on a given filesystem to WAL: refused on a network filesystem unless
// forced, because WAL's -shm index is shared memory that processes on other hosts never see.
import { OperationError } from '../userInputError';
import type { FilesystemKind } from './filesystemKind';

/** Throws OperationError to refuse; returns a warning for the result when forced, else undefined. */
export function checkWalFilesystem(
  file: string,
  filesystem: FilesystemKind | undefined | null,
  force: boolean,
  modeNow: string,
): string | undefined {
  if (!filesystem?.network) {
    return undefined;
  }
  const danger =
    `${file} is on a network filesystem (${filesystem.fsType} at ${filesystem.mountPoint}), where WAL is ` +
    'unsafe: its -shm index is shared memory, so every process using the database must run on one host';
  if (!force) {
    throw new OperationError(`refusing to switch to WAL: ${danger}; the journal mode is still ${modeNow}`);
  }
  return `switched to WAL although ${danger}.`;
}
