// Which names in a function are the standard library's sqlite3 connections and cursors: bound to
// `sqlite3.connect(...)` (in the function or at module level), a cursor of one, or a parameter
// annotated `sqlite3.Connection` / `sqlite3.Cursor`. Anything else is unknown, and rules say nothing.
import type { Node } from 'web-tree-sitter';
import { type ImportedNames, keywordArgument, methodCall, qualifiedName } from './pythonSyntax';

export interface Sqlite3Handle {
  readonly kind: 'connection' | 'cursor';
  /** The same for a connection and all its cursors. */
  readonly connection: string;
  /** `autocommit=False` (Python >= 3.12): a deferred transaction is always open. */
  readonly alwaysInTransaction: boolean;
}

const connectNames = new Set(['sqlite3.connect', 'sqlite3.dbapi2.connect']);
const handleTypes: ReadonlyMap<string, Sqlite3Handle['kind']> = new Map([
  ['sqlite3.Connection', 'connection'],
  ['sqlite3.Cursor', 'cursor'],
]);

export function isSqlite3Connect(call: Node, imports: ImportedNames): boolean {
  return (
    call.type === 'call' && connectNames.has(qualifiedName(call.childForFieldName('function'), imports) ?? '')
  );
}

/** Name -> bound value for `x = value` and `with value as x` among these nodes (the last one wins). */
export function nameBindings(nodes: readonly Node[]): Map<string, Node> {
  const bindings = new Map<string, Node>();
  for (const node of nodes) {
    if (node.type === 'assignment') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left?.type === 'identifier' && right !== null) {
        bindings.set(left.text, right);
      }
    } else if (node.type === 'as_pattern' && node.parent?.type === 'with_item') {
      const target = node.childForFieldName('alias')?.namedChild(0);
      const value = node.namedChild(0);
      if (target?.type === 'identifier' && value !== null) {
        bindings.set(target.text, value);
      }
    }
  }
  return bindings;
}

/** The names of a function's parameters with their annotation (if any). */
export function parameterAnnotations(fn: Node): Map<string, Node | undefined> {
  const parameters = new Map<string, Node | undefined>();
  for (const parameter of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    const name =
      parameter.type === 'identifier'
        ? parameter
        : (parameter.childForFieldName('name') ??
          (parameter.type === 'typed_parameter' ? parameter.namedChild(0) : null));
    if (name?.type === 'identifier') {
      parameters.set(name.text, parameter.childForFieldName('type')?.namedChild(0) ?? undefined);
    }
  }
  return parameters;
}

export class Sqlite3Handles {
  constructor(
    private readonly imports: ImportedNames,
    /** The function's own bindings, then the module's. */
    private readonly local: ReadonlyMap<string, Node>,
    private readonly module: ReadonlyMap<string, Node>,
    private readonly parameters: ReadonlyMap<string, Node | undefined>,
  ) {}

  /** The handle an expression evaluates to, or undefined when it is not clearly one. */
  resolve(node: Node | null, depth = 0): Sqlite3Handle | undefined {
    if (node === null || depth > 8) {
      return undefined;
    }
    if (node.type === 'identifier') {
      return this.resolveName(node.text, depth);
    }
    if (isSqlite3Connect(node, this.imports)) {
      const autocommit = keywordArgument(node, 'autocommit');
      return {
        kind: 'connection',
        connection: `connect@${node.startIndex}`,
        alwaysInTransaction: autocommit?.type === 'false',
      };
    }
    const call = node.type === 'call' ? methodCall(node) : undefined;
    if (call !== undefined && ['cursor', 'execute', 'executemany'].includes(call.method)) {
      const owner = this.resolve(call.receiver, depth + 1);
      return owner === undefined ? undefined : { ...owner, kind: 'cursor' };
    }
    return undefined;
  }

  private resolveName(name: string, depth: number): Sqlite3Handle | undefined {
    const local = this.local.get(name);
    if (local !== undefined) {
      return this.resolve(local, depth + 1);
    }
    if (this.parameters.has(name)) {
      const annotation = qualifiedName(this.parameters.get(name) ?? null, this.imports);
      const kind = handleTypes.get(annotation ?? '');
      return kind === undefined
        ? undefined
        : { kind, connection: `parameter ${name}`, alwaysInTransaction: false };
    }
    const global = this.module.get(name);
    return global === undefined ? undefined : this.resolve(global, depth + 1);
  }
}
