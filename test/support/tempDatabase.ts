// Temp databases for tests, made by a real SQLite client and removed afterwards.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/engine/sqliteModule';

export interface TempFolder {
  path: string;
  remove(): void;
}

export function makeTempFolder(prefix = 'lock-doctor-test-'): TempFolder {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A temp folder that lives as long as one test: removed when `t` ends, pass or fail. */
export function tempFolderFor(t: { after: (fn: () => void) => void }): string {
  const folder = makeTempFolder();
  t.after(() => folder.remove());
  return folder.path;
}

/** A database like the seed article's: an `items` table with a few user rows. */
export function makeItemsDatabase(
  folder: string,
  journal: 'delete' | 'wal' = 'delete',
  name = 'app.db',
): string {
  const file = join(folder, name);
  const db = openDatabase(file);
  try {
    db.exec('CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)');
    const insert = db.prepare('INSERT INTO items (name) VALUES (?)');
    for (let index = 0; index < 20; index++) {
      insert.run(`user row ${index}`);
    }
    db.pragma(`journal_mode = ${journal}`);
  } finally {
    db.close();
  }
  return file;
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export function listFolder(folder: string): string[] {
  return readdirSync(folder).sort();
}

/** The user's rows, the integrity check and the table list, read with a fresh connection. */
export function readBack(file: string): { items: unknown[]; integrity: string; tables: string[] } {
  const db = openDatabase(file, { fileMustExist: true });
  try {
    return {
      items: db.prepare('SELECT id, name FROM items ORDER BY id').all(),
      integrity: String(db.pragma('integrity_check', { simple: true })),
      tables: db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all()
        .map(String),
    };
  } finally {
    db.close();
  }
}
