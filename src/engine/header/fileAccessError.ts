// Turns a failed fs call on the user's file into one sentence that names it.
import * as fs from 'node:fs';
import { OperationError, UserInputError } from '../userInputError';

/** The problem with `file` behind `error` (thrown by fs.stat/open/read on it); never returns. */
export function throwFileAccessError(file: string, error: unknown): never {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      throw new UserInputError(
        file,
        isDanglingSymlink(file) ? 'is a symbolic link to a file that does not exist' : 'does not exist',
      );
    case 'ENOTDIR':
      throw new UserInputError(file, 'does not exist (a part of its path is not a directory)');
    case 'ELOOP':
      throw new UserInputError(
        file,
        'is a symbolic link loop (ELOOP): following its links never reaches a file',
      );
    case 'EACCES':
    case 'EPERM':
      throw new UserInputError(file, `cannot be read: permission denied (${code})`);
    case 'ENAMETOOLONG':
      throw new UserInputError(file, 'has a name that is too long (ENAMETOOLONG)');
    case 'EISDIR':
      throw new UserInputError(file, 'is a directory, not a database file');
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      throw new OperationError(`could not read ${file}: ${detail}`);
    }
  }
}

function isDanglingSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
