// Databases for the in-host tests, made in the test workspace by Debian's sqlite3 shell (a separate
// process: the extension host itself never opens a SQLite file).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { sqliteShell } from '../support/sqliteShell';

export function workspaceFolder(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('the integration tests need a workspace folder');
  }
  return folder.uri.fsPath;
}

export function makeWorkspaceDatabase(name: string, journal: 'delete' | 'wal' = 'delete'): string {
  const file = join(workspaceFolder(), name);
  sqliteShell(
    file,
    `CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO items (name) VALUES ('one'), ('two');
     PRAGMA journal_mode=${journal};`,
  );
  return file;
}

export function makeWorkspaceTextFile(name: string): string {
  const file = join(workspaceFolder(), name);
  writeFileSync(file, 'not a database\n'.repeat(20));
  return file;
}

/** Polls until `read()` returns what `accept` wants, or fails with the last value seen. */
export async function eventually<T>(
  read: () => T,
  accept: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = read();
  while (!accept(value)) {
    if (Date.now() > deadline) {
      throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = read();
  }
  return value;
}
