// Go method calls as the rules read them: `recv.Method(args)`, the SQL text they carry, and the
// function they sit in.
import type { Node } from 'web-tree-sitter';
import { stringLiteralValue } from '../stringLiteral';
import { enclosingOfType } from '../syntaxTree';

export const goFunctionTypes: readonly string[] = [
  'function_declaration',
  'method_declaration',
  'func_literal',
];

export interface GoMethodCall {
  readonly call: Node;
  /** The receiver expression's text (`db`, `s.db`). */
  readonly receiver: string;
  readonly method: string;
  readonly args: readonly Node[];
}

/** The whole file's calls, read once per tree: several rules walk them. */
const fileCalls = new WeakMap<Node['tree'], GoMethodCall[]>();

/** Every `recv.Method(...)` call under `node`. */
export function methodCalls(node: Node): GoMethodCall[] {
  if (node.parent !== null) {
    return readMethodCalls(node);
  }
  let calls = fileCalls.get(node.tree);
  if (calls === undefined) {
    calls = readMethodCalls(node);
    fileCalls.set(node.tree, calls);
  }
  return calls;
}

function readMethodCalls(node: Node): GoMethodCall[] {
  return node.descendantsOfType('call_expression').flatMap((call) => {
    const callee = call.childForFieldName('function');
    const operand = callee?.type === 'selector_expression' ? callee.childForFieldName('operand') : null;
    const field = callee?.childForFieldName('field');
    if (operand === null || operand === undefined || field === null || field === undefined) {
      return [];
    }
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    return [{ call, receiver: operand.text, method: field.text, args }];
  });
}

/** The SQL text of a database/sql call: the first argument, or the second for the ...Context forms. */
export function sqlTextOf(call: GoMethodCall): string | undefined {
  const sql = call.method.endsWith('Context') ? call.args[1] : call.args[0];
  return sql === undefined ? undefined : stringLiteralValue(sql);
}

/** The body of the innermost function around a node. */
export function enclosingFunctionBody(node: Node): Node | undefined {
  return enclosingOfType(node, goFunctionTypes)?.childForFieldName('body') ?? undefined;
}

/** The 1-based line of a node, as messages name it. */
export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}
