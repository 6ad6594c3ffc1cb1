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
