// python-deferred-read-then-write: with the standard library's sqlite3, a write after a read in the
// same deferred transaction. The transaction holds a read lock (or a WAL snapshot) and asks for the
// write lock: when another connection writes, SQLite returns SQLITE_BUSY at once, without calling the
// busy handler, whatever `timeout` says. Three shapes, each checked in one function's statements:
// - an explicit `BEGIN` / `BEGIN DEFERRED`, then a SELECT, then a write before COMMIT/ROLLBACK;
// - a connection opened with `autocommit=False` (a deferred transaction is always open), a SELECT
//   then a write before commit();
// - a write on the connection inside a `for` loop over a SELECT that is still being read.
// With the default isolation_level alone a SELECT runs outside the transaction, which sqlite3 opens
// just before the write, so the write can wait: that is not reported.
import type { Node } from 'web-tree-sitter';
import { type HintRule, type RawFinding, rangeOf } from '../hintRule';
import type { HintEdit } from '../hintTypes';
import { treeQuery } from '../sourceParser';
import {
  importedNames,
  inSyntaxError,
  methodCall,
  nameBindings,
  parameterAnnotations,
  positionalArguments,
  scopeNodes,
  stringValue,
} from './pythonSyntax';
import { type Sqlite3Handle, Sqlite3Handles } from './sqlite3Handles';
import { type SqlStatementKind, sqlStatementKind } from '../sqlStatementKind';

interface Statement {
  readonly call: Node;
  readonly handle: Sqlite3Handle;
  readonly kind: SqlStatementKind;
  /** The SQL literal, for BEGIN's quick fix. */
  readonly sql?: Node;
}

const functionQuery = '(function_definition) @definition';
const executeMethods = new Set(['execute', 'executemany']);

function enclosingBlock(node: Node): Node | null {
  let current = node.parent;
  while (current !== null && current.type !== 'block' && current.type !== 'module') {
    current = current.parent;
  }
  return current;
}

/** `earlier` sits in the write's block or in one around it (not in a sibling branch). */
function encloses(earlier: Node, write: Node): boolean {
  const block = enclosingBlock(earlier);
  for (let current: Node | null = write; current !== null; current = current.parent) {
    if (block !== null && current.equals(block)) {
      return true;
    }
  }
  return false;
}

function statementsOf(
  scope: readonly Node[],
  handles: Sqlite3Handles,
  local: ReadonlyMap<string, Node>,
): Statement[] {
  const statements: Statement[] = [];
  for (const node of scope) {
    const call = node.type === 'call' ? methodCall(node) : undefined;
    const handle = call === undefined ? undefined : handles.resolve(call.receiver);
    if (call === undefined || handle === undefined) {
      continue;
    }
    if (call.method === 'commit' || call.method === 'rollback' || call.method === 'executescript') {
      statements.push({ call: node, handle, kind: 'end' });
    } else if (executeMethods.has(call.method)) {
      let sql: Node | null = positionalArguments(node)[0] ?? null;
      if (sql?.type === 'identifier') {
        sql = local.get(sql.text) ?? null;
      }
      const text = stringValue(sql, true);
      if (text !== undefined && sql !== null) {
        statements.push({ call: node, handle, kind: sqlStatementKind(text), sql });
      }
    }
  }
  return statements;
}

function beginFix(begin: Statement): HintEdit | undefined {
  const content =
    begin.sql?.type === 'string' ? begin.sql.namedChildren.filter((c) => c.type === 'string_content') : [];
  if (content.length !== 1) {
    return undefined;
  }
  const newText = content[0].text.replace(/^(\s*)BEGIN(\s+DEFERRED)?/i, '$1BEGIN IMMEDIATE');
  return newText === content[0].text
    ? undefined
    : { title: 'Take the write lock at BEGIN (BEGIN IMMEDIATE)', range: rangeOf(content[0]), newText };
}

/**
 * The transaction a write runs in, read backwards from it: the statements on the same connection
 * that sit in the write's block or a block around it (a COMMIT in an `if` that raises does not end
 * the transaction for the code after the `if`).
 */
function writeAfterRead(
  write: Statement,
  earlier: readonly Statement[],
): { read: Statement; begin?: Statement } | undefined {
  let read: Statement | undefined;
  for (let index = earlier.length - 1; index >= 0; index--) {
    const statement = earlier[index];
    if (statement.handle.connection !== write.handle.connection || !encloses(statement.call, write.call)) {
      continue;
    }
    switch (statement.kind) {
      case 'read':
        read = statement;
        break;
      case 'write':
      case 'begin-locking':
        // The transaction already holds the write lock, or took it at BEGIN.
        return undefined;
      case 'begin-deferred':
        return read === undefined ? undefined : { read, begin: statement };
      case 'end':
        // autocommit=False opens the next deferred transaction at once.
        return read !== undefined && write.handle.alwaysInTransaction ? { read } : undefined;
      default:
        break;
    }
  }
  return read !== undefined && write.handle.alwaysInTransaction ? { read } : undefined;
}

/** Writes after a read in a deferred transaction. */
function transactionFindings(statements: readonly Statement[]): RawFinding[] {
  return statements.flatMap((statement, index) => {
    const found =
      statement.kind === 'write' ? writeAfterRead(statement, statements.slice(0, index)) : undefined;
    if (found === undefined) {
      return [];
    }
    const { read, begin } = found;
    const opened =
      begin === undefined
        ? 'autocommit=False keeps a deferred transaction open'
        : `BEGIN on line ${begin.call.startPosition.row + 1} is deferred`;
    const quickFix = begin === undefined ? undefined : beginFix(begin);
    return [
      {
        range: rangeOf(statement.call),
        message: `Write after a read in the same transaction (${opened}, SELECT on line ${read.call.startPosition.row + 1}): if another connection writes meanwhile, this fails at once with "database is locked", whatever the timeout.`,
        ...(quickFix === undefined ? {} : { quickFix }),
      },
    ];
  });
}

/** Writes on the connection inside `for row in conn.execute("SELECT ...")` (the SELECT still runs). */
function loopFindings(scope: readonly Node[], statements: readonly Statement[]): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const loop of scope) {
    if (loop.type !== 'for_statement' || loop.child(0)?.type === 'async') {
      continue;
    }
    const iterated = loop.childForFieldName('right');
    const body = loop.childForFieldName('body');
    // The SELECT that feeds the loop: executed in the `for` itself, or the last execute on the
    // iterated cursor before it.
    const select =
      statements.find((statement) => iterated !== null && statement.call.equals(iterated)) ??
      (iterated?.type === 'identifier'
        ? statements
            .filter(
              (statement) =>
                statement.call.endIndex <= loop.startIndex &&
                methodCall(statement.call)?.receiver.text === iterated.text,
            )
            .pop()
        : undefined);
    if (select?.kind !== 'read' || body === null) {
      continue;
    }
    const write = statements.find(
      (statement) =>
        statement.kind === 'write' &&
        statement.handle.connection === select.handle.connection &&
        statement.call.startIndex >= body.startIndex &&
        statement.call.endIndex <= body.endIndex &&
        // Executing on the iterated cursor itself ends the SELECT instead.
        !(iterated?.type === 'identifier' && methodCall(statement.call)?.receiver.text === iterated.text),
    );
    if (write !== undefined) {
      findings.push({
        range: rangeOf(write.call),
        message: `Write while the SELECT on line ${select.call.startPosition.row + 1} is still being read on the same connection: its read lock cannot become a write lock while another connection writes, so this fails at once with "database is locked", whatever the timeout.`,
      });
    }
  }
  return findings;
}

export const deferredReadThenWrite: HintRule = {
  info: {
    id: 'python-deferred-read-then-write',
    languages: ['python'],
    message:
      'Write after a read in a deferred transaction: if another connection writes meanwhile, SQLite returns "database is locked" at once, whatever the timeout.',
    severity: 'warning',
    fix: 'Begin with BEGIN IMMEDIATE (isolation_level=None and execute("BEGIN IMMEDIATE")), or read all rows (fetchall) before writing.',
    scenario: {
      preset: 'upgrade',
      model: 'processes',
      shows: 'The transaction that read first fails on its write at once, while the writer holds its lock.',
    },
  },
  async check({ tree }) {
    if (tree === undefined) {
      return [];
    }
    const root = tree.rootNode;
    const imports = await importedNames(root);
    if (!imports.has('sqlite3') && ![...imports.values()].some((name) => name.startsWith('sqlite3.'))) {
      return [];
    }
    const moduleScope = scopeNodes(root);
    const module = nameBindings(moduleScope);
    const scopes: { scope: Node[]; local: Map<string, Node>; definition?: Node }[] = [
      { scope: moduleScope, local: module },
    ];
    for (const { node } of (await treeQuery('python', functionQuery)).captures(root)) {
      const body = node.childForFieldName('body');
      if (body !== null) {
        const scope = scopeNodes(body);
        scopes.push({ scope, local: nameBindings(scope), definition: node });
      }
    }
    const findings = new Map<number, RawFinding>();
    for (const { scope, local, definition } of scopes) {
      const parameters = definition === undefined ? new Map() : parameterAnnotations(definition);
      const handles = new Sqlite3Handles(imports, local, module, parameters);
      const statements = statementsOf(scope, handles, local).filter(
        (statement) => !inSyntaxError(statement.call),
      );
      for (const finding of [...transactionFindings(statements), ...loopFindings(scope, statements)]) {
        if (!findings.has(finding.range.startLine)) {
          findings.set(finding.range.startLine, finding);
        }
      }
    }
    return [...findings.values()];
  },
};
