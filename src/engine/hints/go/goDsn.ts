// A Go DSN as far as the source shows it: a string literal, a constant or variable set once to one,
// `path + "?..."`, or `fmt.Sprintf("file:%s?...", path)`. The query string is known when its literal
// text is; values written as format verbs (`busy_timeout(%d)`) are known to be there, not what they are.
import type { Node } from 'web-tree-sitter';
import type { HintEdit } from '../hintTypes';
import { closingQuoteOf, stringLiteralValue } from '../stringLiteral';

export interface GoDsn {
  /** The expression passed as the DSN. */
  readonly node: Node;
  /** The literal text the DSN starts with ('' when it starts with a variable). */
  readonly prefix: string;
  /** The whole DSN text when it is all literal, else undefined. */
  readonly text: string | undefined;
  /** The query string after '?', '' when the DSN has none; undefined when the source does not show it. */
  readonly query: string | undefined;
  /** The literal the DSN ends with: parameters are appended before its closing quote. */
  readonly tail: Node | undefined;
}

/** One `key=value` of the query, decoded as url.ParseQuery does. */
export interface DsnParameter {
  readonly key: string;
  readonly value: string;
}

const maxDepth = 4;

export function resolveGoDsn(node: Node, root: Node, depth = 0): GoDsn | undefined {
  if (depth > maxDepth) {
    return undefined;
  }
  const literal = stringLiteralValue(node);
  if (literal !== undefined) {
    return fromParts(node, [{ literal, node }]);
  }
  if (node.type === 'identifier') {
    const value = singleDefinition(node.text, root);
    const resolved = value === undefined ? undefined : resolveGoDsn(value, root, depth + 1);
    return resolved === undefined ? undefined : { ...resolved, node };
  }
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+') {
    return fromParts(node, concatenationParts(node));
  }
  if (node.type === 'call_expression' && node.childForFieldName('function')?.text === 'fmt.Sprintf') {
    const format = node.childForFieldName('arguments')?.namedChildren[0];
    const text = format === undefined ? undefined : stringLiteralValue(format);
    if (format === undefined || text === undefined) {
      return undefined;
    }
    const firstVerb = text.search(/%[^%]/);
    const prefix = firstVerb < 0 ? text : text.slice(0, firstVerb);
    const dsn = fromParts(node, [{ literal: text, node: format }]);
    if (dsn === undefined || (firstVerb >= 0 && !text.includes('?'))) {
      // `fmt.Sprintf("file:%s", path)`: the argument may carry a query of its own.
      return dsn === undefined ? undefined : { ...dsn, prefix, text: undefined, query: undefined };
    }
    return { ...dsn, prefix, text: firstVerb < 0 ? text : undefined };
  }
  return undefined;
}

interface Part {
  /** undefined for a part that is not a literal. */
  readonly literal: string | undefined;
  readonly node: Node;
}

function concatenationParts(node: Node): Part[] {
  if (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    return left === null || right === null
      ? [{ literal: undefined, node }]
      : [...concatenationParts(left), ...concatenationParts(right)];
  }
  return [{ literal: stringLiteralValue(node), node }];
}

function fromParts(node: Node, parts: readonly Part[]): GoDsn | undefined {
  const prefix = parts[0].literal ?? '';
  const last = parts[parts.length - 1];
  const tail = last.literal === undefined ? undefined : last.node;
  const allLiteral = parts.every((part) => part.literal !== undefined);
  const text = allLiteral ? parts.map((part) => part.literal).join('') : undefined;
  // The query is known from the last '?' onwards when everything after it is literal text.
  let query: string | undefined;
  for (let index = parts.length - 1; index >= 0; index -= 1) {
    const literal = parts[index].literal;
    if (literal === undefined) {
      break;
    }
    const mark = literal.indexOf('?');
    if (mark >= 0) {
      query = [literal.slice(mark + 1), ...parts.slice(index + 1).map((part) => part.literal)].join('');
      break;
    }
  }
  if (query === undefined && allLiteral) {
    query = '';
  }
  return { node, prefix, text, query, tail };
}

/** The value of a constant or variable defined once in the file and never assigned again. */
function singleDefinition(name: string, root: Node): Node | undefined {
  const values: Node[] = [];
  for (const spec of root.descendantsOfType(['const_spec', 'var_spec'])) {
    const index = spec.childrenForFieldName('name').findIndex((identifier) => identifier.text === name);
    if (index >= 0) {
      const value = spec.childForFieldName('value')?.namedChildren[index];
      if (value === undefined) {
        return undefined;
      }
      values.push(value);
    }
  }
  for (const statement of root.descendantsOfType(['short_var_declaration', 'assignment_statement'])) {
    const left = statement.childForFieldName('left')?.namedChildren ?? [];
    const index = left.findIndex(
      (identifier) => identifier.type === 'identifier' && identifier.text === name,
    );
    if (index < 0) {
      continue;
    }
    const right = statement.childForFieldName('right')?.namedChildren ?? [];
    if (statement.type === 'assignment_statement' || right.length !== left.length) {
      return undefined;
    }
    values.push(right[index]);
  }
  return values.length === 1 ? values[0] : undefined;
}

/** The query's parameters; a piece that is a bare format verb makes the whole list unknown. */
export function dsnParameters(query: string): DsnParameter[] | undefined {
  const parameters: DsnParameter[] = [];
  for (const piece of query.split('&')) {
    if (piece === '') {
      continue;
    }
    const equals = piece.indexOf('=');
    const key = decode(equals < 0 ? piece : piece.slice(0, equals));
    if (key.includes('%')) {
      return undefined;
    }
    parameters.push({ key, value: equals < 0 ? '' : decode(piece.slice(equals + 1)) });
  }
  return parameters;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** The values given for a key (url.Values.Get reads the first). */
export function parameterValues(parameters: readonly DsnParameter[], key: string): string[] {
  return parameters.filter((parameter) => parameter.key === key).map((parameter) => parameter.value);
}

/** True for `:memory:` and `mode=memory` DSNs: private in-memory databases never wait for another process. */
export function isInMemory(dsn: GoDsn, parameters: readonly DsnParameter[]): boolean {
  return (
    dsn.prefix.includes(':memory:') || parameterValues(parameters, 'mode').some((mode) => mode === 'memory')
  );
}

/** An edit adding `key=value` at the end of the DSN's literal tail, or undefined when there is none. */
export function appendParameterEdit(dsn: GoDsn, parameter: string, title: string): HintEdit | undefined {
  if (dsn.tail === undefined || dsn.query === undefined) {
    return undefined;
  }
  const tailText = stringLiteralValue(dsn.tail) ?? '';
  const hasMark = dsn.text === undefined || dsn.text.includes('?');
  const separator = !hasMark ? '?' : /[?&]$/.test(tailText) ? '' : '&';
  const at = closingQuoteOf(dsn.tail);
  return {
    title,
    range: { startLine: at.line, startColumn: at.column, endLine: at.line, endColumn: at.column },
    newText: `${separator}${parameter}`,
  };
}
