// Python: SQLite connections (`sqlite3.connect`, `aiosqlite.connect`, `sqlite:///` URLs for
// SQLAlchemy) and plain file calls (`open`, `os.open`, `io.open`, `shutil.copy*`, `Path(p).read_bytes()`).
import type { Node } from 'web-tree-sitter';
import { interpolatedExpressions, stringLiteralTypes } from '../stringLiteral';
import { importedNames, qualifiedName, type ImportedNames } from '../python/pythonSyntax';
import { isReadable } from '../syntaxTree';
import type { FileAccess, FileAccesses } from './fileAccess';
import { normalizePath, pathReferenceOf } from './pathReference';
import { interpolationMark, sqliteUriOf } from './sqliteUri';

const connectCalls = ['sqlite3.connect', 'sqlite3.dbapi2.connect', 'aiosqlite.connect'];
/** Plain calls and the positions of their path arguments. */
const plainCalls: Readonly<Record<string, readonly number[]>> = {
  open: [0],
  'io.open': [0],
  'os.open': [0],
  'shutil.copy': [0, 1],
  'shutil.copy2': [0, 1],
  'shutil.copyfile': [0, 1],
};
const pathMethods = ['read_bytes', 'read_text', 'write_bytes', 'write_text', 'open'];

/** The dotted name a callee stands for; `open` is the builtin unless the file imports another. */
function calleeName(callee: Node, imports: ImportedNames): string | undefined {
  return callee.type === 'identifier' && callee.text === 'open' && !imports.has('open')
    ? 'open'
    : qualifiedName(callee, imports);
}

function argument(call: Node, index: number): Node | undefined {
  return call.childForFieldName('arguments')?.namedChildren.filter((arg) => arg.type !== 'keyword_argument')[
    index
  ];
}

/** The path inside a `file:` URI literal (`file:app.db?mode=ro` -> app.db). */
function connectPath(arg: Node): ReturnType<typeof pathReferenceOf> {
  const uri = sqliteUriOf(arg);
  if (uri !== undefined && !uri.path.includes(interpolationMark)) {
    return uri.path === '' || uri.path.startsWith(':memory:')
      ? undefined
      : { kind: 'literal', value: normalizePath(uri.path) };
  }
  return pathReferenceOf(arg, 'python');
}

export async function pythonFileAccesses(root: Node): Promise<FileAccesses> {
  const imports = await importedNames(root);
  const connections: FileAccess[] = [];
  const plainIo: FileAccess[] = [];
  for (const call of root.descendantsOfType('call')) {
    const callee = call.childForFieldName('function');
    if (callee === null || !isReadable(call)) {
      continue;
    }
    const name = calleeName(callee, imports);
    if (name !== undefined && connectCalls.includes(name)) {
      const arg = argument(call, 0);
      const path = arg === undefined ? undefined : connectPath(arg);
      if (path !== undefined) {
        connections.push({ node: call, callee: callee.text, path });
      }
    }
    for (const index of name === undefined ? [] : (plainCalls[name] ?? [])) {
      const arg = argument(call, index);
      const path = arg === undefined ? undefined : pathReferenceOf(arg, 'python');
      if (path !== undefined) {
        plainIo.push({ node: call, callee: callee.text, path });
      }
    }
    // Path(p).read_bytes()
    const inner = callee.type === 'attribute' ? callee.childForFieldName('object') : null;
    const method = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text : undefined;
    const innerCallee = inner?.type === 'call' ? inner.childForFieldName('function') : null;
    if (
      innerCallee !== null &&
      innerCallee !== undefined &&
      inner !== null &&
      method !== undefined &&
      pathMethods.includes(method) &&
      calleeName(innerCallee, imports) === 'pathlib.Path'
    ) {
      const arg = argument(inner, 0);
      const path = arg === undefined ? undefined : pathReferenceOf(arg, 'python');
      if (path !== undefined) {
        plainIo.push({ node: call, callee: `Path(...).${method}`, path });
      }
    }
  }
  // SQLAlchemy URLs: `sqlite:///app.db`, `f"sqlite:///{DB_PATH}"`.
  for (const literal of root.descendantsOfType([...stringLiteralTypes])) {
    const uri = sqliteUriOf(literal);
    if (uri?.scheme !== 'url' || !isReadable(literal)) {
      continue;
    }
    const expressions = interpolatedExpressions(literal);
    const path =
      uri.path === interpolationMark && expressions.length === 1
        ? pathReferenceOf(expressions[0], 'python')
        : uri.path.includes(interpolationMark) || uri.path === '' || uri.path.startsWith(':memory:')
          ? undefined
          : ({ kind: 'literal', value: normalizePath(uri.path) } as const);
    if (path !== undefined) {
      connections.push({ node: literal, callee: 'create_engine', path });
    }
  }
  return { connections, plainIo };
}
