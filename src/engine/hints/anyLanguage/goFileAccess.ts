// Go: SQLite connections opened through database/sql with a driver that locks with POSIX locks
// (mattn, modernc, glebarez; ncruces uses OFD locks on Linux, which another descriptor's close
// leaves alone) and plain file calls from os (`Open`, `OpenFile`, `ReadFile`, `WriteFile`, `Create`).
import type { Node } from 'web-tree-sitter';
import { stringLiteralValue } from '../stringLiteral';
import { isReadable } from '../syntaxTree';
import { goSqliteFile, type GoSqliteOpen } from '../go/goSqliteOpens';
import type { FileAccess, FileAccesses } from './fileAccess';
import { normalizePath, pathReferenceOf, type PathReference } from './pathReference';

const plainCalls: Readonly<Record<string, readonly string[]>> = {
  os: ['Open', 'OpenFile', 'ReadFile', 'WriteFile', 'Create'],
  'io/ioutil': ['ReadFile', 'WriteFile'],
};

/** The path inside a DSN: `file:app.db?x=y` -> app.db; `"file:" + path + "?x=y"` -> path. */
function dsnPath(dsn: Node): PathReference | undefined {
  const literal = stringLiteralValue(dsn);
  if (literal !== undefined) {
    const path = literal.replace(/^file:/, '').replace(/\?.*$/s, '');
    return path === '' || path.startsWith(':memory:')
      ? undefined
      : { kind: 'literal', value: normalizePath(path) };
  }
  if (dsn.type === 'binary_expression') {
    const parts: Node[] = [];
    const flatten = (node: Node): void => {
      if (node.type === 'binary_expression') {
        node.namedChildren.forEach(flatten);
      } else {
        parts.push(node);
      }
    };
    flatten(dsn);
    const variable = parts.filter((part) => {
      const text = stringLiteralValue(part);
      return text === undefined || !(text === 'file:' || text.startsWith('?'));
    });
    return variable.length === 1 ? pathReferenceOf(variable[0], 'go') : undefined;
  }
  if (dsn.type === 'call_expression' && dsn.childForFieldName('function')?.text === 'fmt.Sprintf') {
    const [format, path, ...rest] = dsn.childForFieldName('arguments')?.namedChildren ?? [];
    const text = format === undefined ? undefined : stringLiteralValue(format);
    return text !== undefined &&
      path !== undefined &&
      rest.length === 0 &&
      /^(?:file:)?%s(?:\?[^%]*)?$/.test(text)
      ? pathReferenceOf(path, 'go')
      : undefined;
  }
  return pathReferenceOf(dsn, 'go');
}

function locksWithPosix(open: GoSqliteOpen): boolean {
  return open.driver === undefined ? open.driverName === 'sqlite' : open.driver !== 'ncruces';
}

export function goFileAccesses(root: Node): FileAccesses {
  const file = goSqliteFile(root);
  const connections: FileAccess[] = file.opens.flatMap((open) => {
    const args = open.call.childForFieldName('arguments')?.namedChildren ?? [];
    const dsn = args[args.length - 1];
    const path = dsn === undefined || !locksWithPosix(open) ? undefined : dsnPath(dsn);
    return path === undefined
      ? []
      : [{ node: open.call, callee: open.call.childForFieldName('function')?.text ?? 'sql.Open', path }];
  });
  const plainIo: FileAccess[] = [];
  for (const call of root.descendantsOfType('call_expression')) {
    const callee = call.childForFieldName('function');
    const operand =
      callee?.type === 'selector_expression' ? callee.childForFieldName('operand')?.text : undefined;
    const field = callee?.childForFieldName('field')?.text;
    const module = [...file.imports].find(([, name]) => name === operand)?.[0];
    const arg = call.childForFieldName('arguments')?.namedChildren[0];
    if (
      callee === null ||
      module === undefined ||
      field === undefined ||
      arg === undefined ||
      !plainCalls[module]?.includes(field) ||
      !isReadable(call)
    ) {
      continue;
    }
    const path = pathReferenceOf(arg, 'go');
    if (path !== undefined) {
      plainIo.push({ node: call, callee: callee.text, path });
    }
  }
  return { connections, plainIo };
}
