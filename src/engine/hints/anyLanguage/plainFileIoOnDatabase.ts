// plain-file-io-on-database: the file opens an SQLite connection to a path and also opens, copies or
// reads that same path with plain file calls. POSIX locks belong to the process: closing any
// descriptor of the database file drops every lock the process holds on it, the SQLite connections'
// included (sqlite.org/howtocorrupt.html, 2.2), so other processes may write under them.
import { rangeOf, type HintRule, type RawFinding } from '../hintRule';
import type { Node } from 'web-tree-sitter';
import type { FileAccess, FileAccesses } from './fileAccess';
import { goFileAccesses } from './goFileAccess';
import { javascriptFileAccesses } from './javascriptFileAccess';
import { describePath, samePath } from './pathReference';
import { pythonFileAccesses } from './pythonFileAccess';
import type { RuleContext } from '../hintRule';

const functionTypes = [
  'function_definition',
  'function_declaration',
  'function_expression',
  'arrow_function',
  'method_definition',
  'method_declaration',
  'func_literal',
];

function enclosingFunction(node: Node): number | undefined {
  for (let parent = node.parent; parent !== null; parent = parent.parent) {
    if (functionTypes.includes(parent.type)) {
      return parent.id;
    }
  }
  return undefined;
}

async function accessesOf({ file, tree }: RuleContext): Promise<FileAccesses | undefined> {
  if (tree === undefined) {
    return undefined;
  }
  switch (file.language) {
    case 'python':
      return pythonFileAccesses(tree.rootNode);
    case 'go':
      return goFileAccesses(tree.rootNode);
    case 'javascript':
    case 'typescript':
    case 'tsx':
      return javascriptFileAccesses(tree.rootNode, file.language);
    default:
      return undefined;
  }
}

/**
 * Plain I/O before the only connections, in the same function (a restore, a header check before
 * connecting), cannot drop locks the process does not hold yet.
 */
function beforeEveryConnection(plain: FileAccess, connections: readonly FileAccess[]): boolean {
  const scope = enclosingFunction(plain.node);
  return (
    scope !== undefined &&
    connections.every(
      (connection) =>
        enclosingFunction(connection.node) === scope && connection.node.startIndex > plain.node.endIndex,
    )
  );
}

export const plainFileIoOnDatabase: HintRule = {
  info: {
    id: 'plain-file-io-on-database',
    languages: ['python', 'javascript', 'typescript', 'tsx', 'go'],
    message:
      "This opens the database file with plain file I/O in a process that also holds SQLite connections to it: closing that descriptor drops all the process's locks on the file, so other writers can corrupt it.",
    severity: 'warning',
    fix: "Copy or read the database through SQLite: the backup API (`conn.backup()` in Python, `db.backup()` in better-sqlite3) or `VACUUM INTO 'copy.db'`.",
  },
  async check(context) {
    const accesses = await accessesOf(context);
    if (accesses === undefined || accesses.connections.length === 0) {
      return [];
    }
    return accesses.plainIo.flatMap((plain): RawFinding[] => {
      const connections = accesses.connections.filter((connection) => samePath(connection.path, plain.path));
      if (connections.length === 0 || beforeEveryConnection(plain, connections)) {
        return [];
      }
      const line = connections[0].node.startPosition.row + 1;
      return [
        {
          range: rangeOf(plain.node),
          message: `${plain.callee} opens ${describePath(plain.path)}, the database this file also opens with SQLite (${connections[0].callee}, line ${line}): closing that descriptor drops all the process's locks on the file, so other writers can corrupt it.`,
        },
      ];
    });
  },
};
