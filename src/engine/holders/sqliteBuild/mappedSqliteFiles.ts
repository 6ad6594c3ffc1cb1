// Which files of a process may hold its SQLite, from /proc/PID/maps (each mapping's file, after the
// device and inode columns): a shared libsqlite3, a native module that links SQLite in
// (better_sqlite3.node, Python's _sqlite3*.so, SQLCipher), else the program itself (SQLite compiled
// into it: Go, Rust, Node's node:sqlite). Only names are read here; the files are scanned elsewhere.
import * as fs from 'node:fs';
import * as path from 'node:path';

const namedSqlite = /sqlite|sqlcipher/i;

/** The mapped files in first-mapped order; the first is the program. Deleted files are left out. */
export function mappedFiles(mapsText: string): string[] {
  const files: string[] = [];
  const seen = new Set<string>();
  for (const line of mapsText.split('\n')) {
    const match = /^\S+\s+\S+\s+\S+\s+\S+\s+(\d+)\s+(\/.*)$/.exec(line);
    if (match === null || match[1] === '0' || match[2].endsWith(' (deleted)') || seen.has(match[2])) {
      continue;
    }
    seen.add(match[2]);
    files.push(match[2]);
  }
  return files;
}

/** The files to scan for an SQLite build: those named like SQLite, else the program. */
export function sqliteCandidates(mapsText: string): string[] {
  const files = mappedFiles(mapsText);
  const named = files.filter((file) => namedSqlite.test(path.basename(file)));
  return named.length > 0 ? named : files.slice(0, 1);
}

/** Null when the process has ended or its maps cannot be read (another user's process). */
export function readSqliteCandidates(pid: number, procRoot = '/proc'): string[] | null {
  try {
    return sqliteCandidates(fs.readFileSync(path.join(procRoot, String(pid), 'maps'), 'utf8'));
  } catch {
    return null;
  }
}
