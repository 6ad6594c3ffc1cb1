// A journal switch rewrites the header and creates or removes files beside the database (-wal and -shm
// for WAL, -journal for rollback mode), so both the file and its directory must be writable. Checked
// with access(2), which answers for this process's real user and also sees read-only mounts (EROFS).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { JournalTarget } from '../options/journalModes';
import { OperationError } from '../userInputError';

export function requireWritableDatabase(
  file: string,
  realPath: string,
  target: JournalTarget,
  modeNow: string,
): void {
  const still = `the journal mode is still ${modeNow}`;
  const directory = path.dirname(realPath);
  const directoryProblem = accessProblem(directory, fs.constants.W_OK | fs.constants.X_OK);
  if (directoryProblem !== undefined) {
    const why =
      target === 'wal'
        ? `WAL needs to create ${path.basename(realPath)}-wal and -shm beside it`
        : `rollback mode needs to create ${path.basename(realPath)}-journal beside it and remove the -wal and -shm files`;
    throw new OperationError(
      `cannot switch ${file} to ${target}: its directory ${directory} is not writable (${directoryProblem}); ${why}; ${still}`,
    );
  }
  const fileProblem = accessProblem(realPath, fs.constants.W_OK);
  if (fileProblem !== undefined) {
    throw new OperationError(
      `cannot switch ${file} to ${target}: the file is read-only (${fileProblem}) and the switch rewrites its header; ${still}`,
    );
  }
}

function accessProblem(target: string, mode: number): string | undefined {
  try {
    fs.accessSync(target, mode);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? 'no access';
  }
}
