// js-node-sqlite3-no-busy-timeout: node-sqlite3 (the `sqlite3` package) opens every connection with a
// 1 s busy timeout (sqlite3_busy_timeout(db, 1000) in its database.cc), a fifth of what Python and
// better-sqlite3 wait: a write held a little longer (a batch, a slow disk, a backup) gives SQLITE_BUSY.
// Reported when the file opens a Database, keeps it in a name, and never sets a timeout on that name.
import type { Node } from 'web-tree-sitter';
import { rangeOf, type HintRule, type RawFinding, type RuleContext } from '../hintRule';
import type { HintEdit } from '../hintTypes';
import { connectionsWithBusyTimeout } from './busyTimeoutSettings';
import { moduleBindings, resolveModuleValue } from './javascriptModules';
import {
  argumentList,
  enclosingStatement,
  insertionAt,
  javascriptLanguages,
  newExpressionQuery,
  queryMatches,
  storedAt,
  stringValue,
} from './javascriptSyntax';

const modules = ['sqlite3'];
/** `db.configure('busyTimeout', 5000);` on the line after the statement that opens `db`. */
function configureAfter(newExpression: Node, key: string, lines: readonly string[]): HintEdit | undefined {
  const statement = enclosingStatement(newExpression);
  if (statement === undefined || statement.parent?.type === 'class_body') {
    return undefined;
  }
  const line = lines[statement.startPosition.row] ?? '';
  const indent = /^[ \t]*/.exec(line)![0];
  if (indent.length !== statement.startPosition.column) {
    return undefined;
  }
  return insertionAt(
    statement,
    'end',
    `\n${indent}${key}.configure('busyTimeout', 5000);`,
    `Add \`${key}.configure('busyTimeout', 5000)\` (wait up to 5 s for a lock)`,
  );
}

export const nodeSqlite3NoBusyTimeout: HintRule = {
  info: {
    id: 'js-node-sqlite3-no-busy-timeout',
    languages: javascriptLanguages,
    message:
      'A node-sqlite3 Database with its default busy timeout: sqlite3 waits only 1 s for a lock, so a query that meets a write held longer fails with SQLITE_BUSY.',
    severity: 'information',
    fix: "Call `db.configure('busyTimeout', 5000)` right after opening the database (or run `PRAGMA busy_timeout = 5000`).",
    scenario: {
      preset: 'seed',
      model: 'processes',
      busyTimeoutMs: 1000,
      shows:
        "A waits about 0.6 s of node-sqlite3's 1 s budget for B's write lock; a hold 0.4 s longer would fail.",
    },
  },
  async check(context: RuleContext): Promise<RawFinding[]> {
    if (!context.file.text.includes('sqlite3')) {
      return [];
    }
    const bindings = await moduleBindings(context, modules);
    const configured = await connectionsWithBusyTimeout(context);
    const findings: RawFinding[] = [];
    let lines: string[] | undefined;
    for (const match of await queryMatches(context, newExpressionQuery)) {
      const constructor = resolveModuleValue(match.get('constructor'), bindings, modules);
      const opened = match.get('new')!;
      const key = constructor?.exported === 'Database' ? storedAt(opened) : undefined;
      const path = stringValue(argumentList(match.get('arguments')!)[0]);
      if (key === undefined || configured.has(key) || path === ':memory:') {
        continue;
      }
      const quickFix = configureAfter(opened, key, (lines ??= context.file.text.split('\n')));
      findings.push({
        range: rangeOf(opened),
        message: `\`${key}\` is a node-sqlite3 Database with its default busy timeout: sqlite3 waits only 1 s for a lock, so a query that meets a write held longer fails with SQLITE_BUSY.`,
        ...(quickFix === undefined ? {} : { quickFix }),
      });
    }
    return findings;
  },
};
