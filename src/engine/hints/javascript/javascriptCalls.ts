// Calls in a JavaScript/TypeScript tree: `receiver.method(...)` parts, the first argument, and the
// file's calls indexed by the name they call, so a rule looks a name up once instead of walking
// every call per question (each node access crosses into wasm).
import type { Node } from 'web-tree-sitter';
import type { RuleContext } from '../hintRule';
import { argumentList, queryMatches, storageKey } from './javascriptSyntax';

const callQuery = '(call_expression function: (_) @function arguments: (arguments) @arguments) @call';

export interface MethodCall {
  readonly call: Node;
  readonly receiver: Node;
  readonly method: Node;
}

/** `receiver.method(...)` calls, or undefined for other calls. */
export function methodCall(call: Node): MethodCall | undefined {
  const callee = call.childForFieldName('function');
  const method = callee?.childForFieldName('property');
  const receiver = callee?.childForFieldName('object');
  if (callee?.type !== 'member_expression' || !method || !receiver) {
    return undefined;
  }
  return { call, receiver, method };
}

/** A call's first argument (comments left out). */
export function firstArgument(call: Node): Node | undefined {
  const args = call.childForFieldName('arguments');
  return args === null ? undefined : argumentList(args)[0];
}

/** The file's calls by the name they call ("transfer", "db.prepare", "transfer.immediate"). */
export type CallIndex = ReadonlyMap<string, readonly Node[]>;

function indexCalls(calls: readonly Node[]): CallIndex {
  const index = new Map<string, Node[]>();
  for (const call of calls) {
    const name = storageKey(call.childForFieldName('function'));
    if (name !== undefined) {
      const named = index.get(name) ?? [];
      named.push(call);
      index.set(name, named);
    }
  }
  return index;
}

/** The file's calls (outside syntax errors), indexed by the name they call. */
export async function callsByName(context: RuleContext): Promise<CallIndex> {
  return indexCalls((await queryMatches(context, callQuery)).map((match) => match.get('call')!));
}
