// Debian's sqlite3 shell: an independent client with its own SQLite library, to make files and read
// them back the way another program would.
import { execFileSync } from 'node:child_process';

/**
 * Runs `sql` in the shell on `file`; returns what it printed, trimmed. The shell waits up to 5 s for a
 * lock, as an app would (its default is 0): a test reading while a probe commits must not fail on the
 * moment it happened to read.
 */
export function sqliteShell(file: string, sql: string): string {
  return execFileSync('sqlite3', ['-cmd', '.timeout 5000', file], { input: sql, encoding: 'utf8' }).trim();
}

/** The shell's SQLite version, e.g. "3.40.1". */
export function sqliteShellVersion(): string {
  return execFileSync('sqlite3', ['-version'], { encoding: 'utf8' }).split(' ')[0];
}
