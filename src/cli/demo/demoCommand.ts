// `npm start`: the seed scenario's FastAPI app, reproduced. A small database like the article's (an `items`
// table) in a temp folder, the seed preset across models x journal modes, the table, an HTML report.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../engine/sqliteModule';
import { runMatrix } from '../../engine/probe/runMatrix';
import type { ParsedCli } from '../cliArguments';
import { printMatrix, writeMatrixHtml } from '../commands/matrixCommand';
import { compareWithSeedArticle } from './seedArticle';

/** Python's sqlite3 default, which the article's app ran with. */
const articleBusyTimeoutMs = 5000;

export async function demoCommand(cli: ParsedCli, signal: AbortSignal): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), 'sqlite-lock-doctor-demo-'));
  try {
    const database = join(folder, 'test_locked.db');
    const db = openDatabase(database);
    db.exec(
      'CREATE TABLE items (id INTEGER PRIMARY KEY, name VARCHAR); CREATE INDEX ix_items_name ON items (name);',
    );
    db.close();
    // With --json, stdout carries only the JSON; the prose goes to stderr.
    const prose = cli.flags.json ? process.stderr : process.stdout;
    prose.write(
      `The seed scenario (a FastAPI app on SQLite, docs/sqlite-locking.md): B writes at 100 ms and holds the lock 1 s,\nA commits at 500 ms, busy timeout ${articleBusyTimeoutMs} ms, in each execution model and journal mode, side by side:\n\n`,
    );
    const cells = await runMatrix({ database, preset: 'seed', busyTimeoutMs: articleBusyTimeoutMs, signal });
    printMatrix(cells, cli.flags.json ?? false);
    const comparison = compareWithSeedArticle(cells);
    prose.write(`\n${comparison.lines.join('\n')}\n\n`);
    writeMatrixHtml(cells, cli.flags.html ?? join('reports', 'seed-matrix.html'), 'The seed scenario');
    return comparison.allMatch ? 0 : 1;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
