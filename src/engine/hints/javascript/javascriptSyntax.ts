// Small readings of the JavaScript/TypeScript syntax tree shared by the family's rules: the languages,
// a query's matches, string values, where a value is stored ("db", "this.db"), argument lists and
// insertion edits.
import type { Node } from 'web-tree-sitter';
import { rangeOf, type RuleContext } from '../hintRule';
import type { HintEdit, HintLanguage } from '../hintTypes';
import { treeQuery, type TreeSitterLanguage } from '../sourceParser';
import { stringLiteralValue } from '../stringLiteral';
import { isReadable } from '../syntaxTree';

/** The grammars the rules of this family read (TypeScript's extend JavaScript's node types). */
export const javascriptLanguages: readonly HintLanguage[] = ['javascript', 'typescript', 'tsx'];

/** Each match of `querySource` as capture name -> node; matches inside syntax errors are left out. */
export async function queryMatches(
  context: RuleContext,
  querySource: string,
): Promise<Array<Map<string, Node>>> {
  if (context.tree === undefined) {
    return [];
  }
  const query = await treeQuery(context.file.language as TreeSitterLanguage, querySource);
  return query
    .matches(context.tree.rootNode)
    .map((match) => new Map(match.captures.map((capture) => [capture.name, capture.node])))
    .filter((captures) => [...captures.values()].every(isReadable));
}

const transparentTypes = new Set([
  'parenthesized_expression',
  'await_expression',
  'as_expression',
  'satisfies_expression',
  'non_null_expression',
  'type_assertion',
]);

/** The expression inside parentheses, `await`, `as T`, `satisfies T`, `!` and `<T>`. */
export function unwrapExpression(node: Node): Node {
  let current = node;
  while (transparentTypes.has(current.type)) {
    // `<T>value` puts the type first; the others put the expression first.
    const children = current.namedChildren;
    const inner = current.type === 'type_assertion' ? children[children.length - 1] : children[0];
    if (inner === undefined || inner === null) {
      return current;
    }
    current = inner;
  }
  return current;
}

/** A string literal's value, or a template's when it has no `${}`; undefined for anything else. */
export function stringValue(node: Node | null | undefined): string | undefined {
  return node === null || node === undefined ? undefined : stringLiteralValue(unwrapExpression(node));
}

/**
 * "db" for an identifier, "this.db" or "app.locals.db" for a member chain of names; undefined for
 * other expressions (a call's result, a computed member).
 */
export function storageKey(node: Node | null | undefined): string | undefined {
  if (node === null || node === undefined) {
    return undefined;
  }
  const expression = unwrapExpression(node);
  if (expression.type === 'identifier' || expression.type === 'this') {
    return expression.text;
  }
  if (expression.type === 'member_expression') {
    const object = storageKey(expression.childForFieldName('object'));
    const property = expression.childForFieldName('property');
    return object !== undefined && property?.type === 'property_identifier'
      ? `${object}.${property.text}`
      : undefined;
  }
  return undefined;
}

/**
 * Where the value of `node` is kept: `const db = <node>` -> "db", `this.db = <node>` -> "this.db",
 * a class field `db = <node>` -> "this.db", `const sql = { insert: <node> }` -> "sql.insert";
 * undefined when it is passed on, returned or discarded.
 */
export function storedAt(node: Node): string | undefined {
  let value = node;
  while (value.parent !== null && transparentTypes.has(value.parent.type)) {
    value = value.parent;
  }
  const parent = value.parent;
  if (parent === null) {
    return undefined;
  }
  if (parent.type === 'variable_declarator' && parent.childForFieldName('value')?.equals(value) === true) {
    const name = parent.childForFieldName('name');
    return name?.type === 'identifier' ? name.text : undefined;
  }
  if (parent.type === 'assignment_expression' && parent.childForFieldName('right')?.equals(value) === true) {
    return storageKey(parent.childForFieldName('left'));
  }
  if (parent.type === 'pair' && parent.childForFieldName('value')?.equals(value) === true) {
    const key = parent.childForFieldName('key');
    const object = parent.parent?.type === 'object' ? storedAt(parent.parent) : undefined;
    return object !== undefined && key?.type === 'property_identifier' ? `${object}.${key.text}` : undefined;
  }
  if (
    (parent.type === 'public_field_definition' || parent.type === 'field_definition') &&
    parent.childForFieldName('value')?.equals(value) === true
  ) {
    const name = parent.childForFieldName('name') ?? parent.childForFieldName('property');
    return name?.type === 'property_identifier' ? `this.${name.text}` : undefined;
  }
  return undefined;
}

/** The statement that holds `node` directly in a block or the program, or undefined. */
export function enclosingStatement(node: Node): Node | undefined {
  let current: Node | null = node;
  while (current !== null && current.parent !== null) {
    if (['program', 'statement_block', 'class_body'].includes(current.parent.type)) {
      return current;
    }
    current = current.parent;
  }
  return undefined;
}

/** The arguments without comments. */
export function argumentList(argumentsNode: Node): Node[] {
  return argumentsNode.namedChildren.filter(
    (child): child is Node => child !== null && child.type !== 'comment',
  );
}

/** Whether an object literal names `key` (as `key: v`, `'key': v` or shorthand `key`). */
export function objectHasKey(object: Node, key: string): boolean {
  return object.namedChildren.some((property) => {
    if (property?.type === 'shorthand_property_identifier') {
      return property.text === key;
    }
    const name = property?.type === 'pair' ? property.childForFieldName('key') : undefined;
    return name !== undefined && name !== null && (name.text === key || stringValue(name) === key);
  });
}

/** `new C(args)`: the constructor, the arguments and the whole expression. */
export const newExpressionQuery =
  '(new_expression constructor: (_) @constructor arguments: (arguments) @arguments) @new';

/** An edit that inserts `newText` right before (`'start'`) or after (`'end'`) `node`. */
export function insertionAt(node: Node, side: 'start' | 'end', newText: string, title: string): HintEdit {
  const range = rangeOf(node);
  const line = side === 'start' ? range.startLine : range.endLine;
  const column = side === 'start' ? range.startColumn : range.endColumn;
  return {
    title,
    range: { startLine: line, startColumn: column, endLine: line, endColumn: column },
    newText,
  };
}
