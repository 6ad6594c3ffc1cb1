// Reads and validates a database file's header with plain fs calls, before anything opens an SQLite
// connection to it. POSIX locks belong to the process: closing any descriptor of the file drops every
// lock this process holds on it, so this must run in a process holding no SQLite connection to it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UserInputError } from '../userInputError';
import { classifyHeader } from './classifyHeader';
import { type DatabaseHeader, headerLength } from './databaseHeader';
import { throwFileAccessError } from './fileAccessError';

export interface DatabaseFileHeader {
  /** The name as given, for messages. */
  file: string;
  /** Absolute path as given (symlinks kept). */
  path: string;
  /** Symlinks resolved: SQLite puts -wal, -shm and -journal beside this one. */
  realPath: string;
  sizeBytes: number;
  /** Device and inode, to find the file's locks in /proc/locks. */
  device: bigint;
  inode: bigint;
  /** Null for an empty (0-byte) file, which SQLite treats as a valid empty database. */
  header: DatabaseHeader | null;
}

/** Throws UserInputError naming `file` when it is not a readable SQLite database. Writes nothing. */
export function readDatabaseHeader(file: string): DatabaseFileHeader {
  if (file.trim() === '') {
    throw new UserInputError(undefined, 'no database file was given');
  }
  const absolute = path.resolve(file);
  let stats: fs.BigIntStats;
  let realPath: string;
  try {
    stats = fs.statSync(absolute, { bigint: true });
    realPath = fs.realpathSync(absolute);
  } catch (error) {
    throwFileAccessError(file, error);
  }
  if (stats.isDirectory()) {
    throw new UserInputError(file, 'is a directory, not a database file');
  }
  if (!stats.isFile()) {
    // Opening a FIFO would block; a device is not a database either.
    throw new UserInputError(file, 'is not a regular file');
  }
  const bytes = readFirstBytes(file, realPath);
  const sizeBytes = Number(stats.size);
  const classification = classifyHeader(bytes, sizeBytes);
  if (classification.kind === 'problem') {
    throw new UserInputError(file, classification.reason);
  }
  return {
    file,
    path: absolute,
    realPath,
    sizeBytes,
    device: stats.dev,
    inode: stats.ino,
    header: classification.kind === 'database' ? classification.header : null,
  };
}

function readFirstBytes(file: string, realPath: string): Buffer {
  const buffer = Buffer.alloc(headerLength);
  let length = 0;
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(realPath, 'r');
    // readSync may return fewer bytes than asked; loop until the header or the end of the file.
    for (;;) {
      const read = fs.readSync(descriptor, buffer, length, headerLength - length, length);
      length += read;
      if (read === 0 || length === headerLength) {
        break;
      }
    }
  } catch (error) {
    throwFileAccessError(file, error);
  } finally {
    if (descriptor !== undefined) {
      fs.closeSync(descriptor);
    }
  }
  return buffer.subarray(0, length);
}
