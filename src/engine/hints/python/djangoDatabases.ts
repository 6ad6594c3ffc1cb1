// The SQLite databases of a Django settings module: a module-level `DATABASES = {...}` dict literal
// whose entries have `"ENGINE": "django.db.backends.sqlite3"` (or SpatiaLite, built on it). Only what
// the literal shows is read; settings built by code (dj_database_url, env) are left alone.
import type { Node } from 'web-tree-sitter';
import type { SourceRange } from '../hintTypes';
import { dictionaryPairs, inSyntaxError } from './pythonSyntax';

const sqliteEngines = new Set(['django.db.backends.sqlite3', 'django.contrib.gis.db.backends.spatialite']);

export interface DjangoSqliteDatabase {
  /** The database's settings dict (`{"ENGINE": ..., "NAME": ...}`). */
  readonly settings: Node;
  readonly engine: Node;
  readonly entries: ReturnType<typeof dictionaryPairs>;
}

/** The dict literals assigned to `DATABASES` at module level (a settings module has one). */
export function databasesDictionaries(root: Node): Node[] {
  return root.namedChildren.flatMap((statement) => {
    const assignment = statement.type === 'expression_statement' ? statement.namedChild(0) : null;
    const right = assignment?.type === 'assignment' ? assignment.childForFieldName('right') : null;
    return assignment?.childForFieldName('left')?.text === 'DATABASES' &&
      right?.type === 'dictionary' &&
      !inSyntaxError(right)
      ? [right]
      : [];
  });
}

export function djangoSqliteDatabases(root: Node): DjangoSqliteDatabase[] {
  const databases: DjangoSqliteDatabase[] = [];
  for (const dictionary of databasesDictionaries(root)) {
    for (const { value: settings } of dictionaryPairs(dictionary)) {
      if (settings.type !== 'dictionary') {
        continue;
      }
      const entries = dictionaryPairs(settings);
      const engine = entries.find((entry) => entry.key === 'ENGINE');
      if (engine !== undefined && sqliteEngines.has(stringText(engine.value) ?? '')) {
        databases.push({ settings, engine: engine.pair, entries });
      }
    }
  }
  return databases;
}

function stringText(node: Node): string | undefined {
  return node.type === 'string' && node.namedChildren.length === 3 ? node.namedChildren[1].text : undefined;
}

/** The quote character the settings use, so an inserted entry looks like its neighbours. */
export function quoteOf(stringNode: Node): string {
  return stringNode.text.trimStart().startsWith("'") ? "'" : '"';
}

function point(row: number, column: number): SourceRange {
  return { startLine: row, startColumn: column, endLine: row, endColumn: column };
}

/**
 * An insertion of `entry` (e.g. `"OPTIONS": {...}`) as the last item of a dict literal, in the
 * dict's layout: on its own line with the entries' indentation when they are one per line.
 */
export function appendToDictionary(
  dictionary: Node,
  entry: string,
  sourceText: string,
): { range: SourceRange; newText: string } {
  const items = dictionary.namedChildren.filter((child) => child.type !== 'comment');
  const last = items[items.length - 1];
  if (last === undefined) {
    const open = dictionary.child(0)!;
    return { range: point(open.endPosition.row, open.endPosition.column), newText: entry };
  }
  const comma = last.nextSibling?.type === ',' ? last.nextSibling : null;
  const after = comma ?? last;
  const multiline = last.startPosition.row > dictionary.startPosition.row;
  const at = point(after.endPosition.row, after.endPosition.column);
  if (multiline) {
    const line = sourceText.split('\n')[last.startPosition.row] ?? '';
    const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
    return { range: at, newText: comma === null ? `,\n${indent}${entry}` : `\n${indent}${entry},` };
  }
  return { range: at, newText: comma === null ? `, ${entry}` : ` ${entry}` };
}
