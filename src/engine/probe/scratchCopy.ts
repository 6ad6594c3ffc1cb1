// The probe's default target: a copy of the user's database in a temp folder, deleted afterwards.
// The copy is made without creating anything beside the user's file: opening a WAL database, even
// read-only, creates -wal and -shm, so a WAL file with neither is read as immutable instead.
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { immutableUri, openDatabase } from '../sqliteModule';
import { OperationError } from '../userInputError';
import { describeSqliteFailure } from './describeSqliteFailure';
import { makeScratchFolder, removeOrphanedScratchFolders } from './scratchFolders';

export interface SourceState {
  journalMode: string;
  walExists: boolean;
  shmExists: boolean;
  hotJournal: boolean;
}

export interface ScratchCopy {
  path: string;
  remove(): void;
}

const copyBusyTimeoutMs = 5000;

export function makeScratchCopy(source: string, state: SourceState): ScratchCopy {
  // Copies left by a probe that was killed (its process gone) go before a new one is made.
  removeOrphanedScratchFolders();
  const folder = makeScratchFolder();
  const copy = join(folder, basename(source));
  const remove = () => rmSync(folder, { recursive: true, force: true });
  try {
    if (state.hotJournal) {
      // A crashed writer's journal: copy both files raw and let SQLite roll back the copy, not the original.
      copyFileSync(source, copy);
      copyFileSync(`${source}-journal`, `${copy}-journal`);
    } else {
      vacuumInto(source, copy, state);
    }
    const db = openDatabase(copy, { timeout: copyBusyTimeoutMs });
    try {
      // VACUUM INTO writes a rollback-mode file; give the copy the original's mode.
      db.pragma(`journal_mode = ${state.journalMode === 'wal' ? 'WAL' : 'DELETE'}`);
    } finally {
      db.close();
    }
  } catch (error) {
    remove();
    throw new OperationError(
      `could not copy ${source} for the probe: ${describeSqliteFailure(error, copyBusyTimeoutMs)}`,
    );
  }
  return { path: copy, remove };
}

function vacuumInto(source: string, copy: string, state: SourceState): void {
  const asImmutable = state.journalMode === 'wal' && !state.walExists && !state.shmExists;
  const db = asImmutable
    ? openDatabase(immutableUri(source), { readonly: true, fileMustExist: true })
    : openDatabase(source, { readonly: true, fileMustExist: true, timeout: copyBusyTimeoutMs });
  try {
    db.prepare('VACUUM INTO ?').run(copy);
  } finally {
    db.close();
  }
  if (!existsSync(copy)) {
    throw new Error('VACUUM INTO made no file');
  }
}
