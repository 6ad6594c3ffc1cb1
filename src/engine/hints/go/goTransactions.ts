// database/sql transactions in a Go function: `tx, err := db.Begin()` / `BeginTx(ctx, opts)` (and
// sqlx's Beginx/MustBegin), and what the transaction does afterwards, read or write, in source order.
import type { Node } from 'web-tree-sitter';
import { sqlStatementKind } from '../sqlStatementKind';
import { isReadable } from '../syntaxTree';
import { assignedName } from './goSqliteOpens';
import { enclosingFunctionBody, methodCalls, sqlTextOf, type GoMethodCall } from './goCalls';

const beginMethods = ['Begin', 'BeginTx', 'Beginx', 'BeginTxx', 'MustBegin', 'MustBeginTx'];
const readMethods = [
  'Query',
  'QueryContext',
  'QueryRow',
  'QueryRowContext',
  'Queryx',
  'QueryxContext',
  'QueryRowx',
  'QueryRowxContext',
  'Get',
  'GetContext',
  'Select',
  'SelectContext',
];
const writeMethods = ['Exec', 'ExecContext', 'MustExec', 'MustExecContext', 'NamedExec', 'NamedExecContext'];

export interface GoTransaction {
  readonly begin: GoMethodCall;
  /** The first read, then the first write after it; undefined when the transaction does not do both. */
  readonly readThenWrite: { readonly read: Node; readonly write: Node } | undefined;
}

type Access = 'read' | 'write' | undefined;

/** What a call on the transaction does: the SQL text decides when it is literal, else the method. */
function accessOf(call: GoMethodCall): Access {
  const byMethod: Access = readMethods.includes(call.method)
    ? 'read'
    : writeMethods.includes(call.method)
      ? 'write'
      : undefined;
  if (byMethod === undefined) {
    return undefined;
  }
  const sql = sqlTextOf(call);
  if (sql === undefined) {
    return byMethod;
  }
  // PRAGMA, SAVEPOINT, a WITH whose verb comes later: not counted either way.
  const kind = sqlStatementKind(sql);
  return kind === 'read' || kind === 'write' ? kind : undefined;
}

function isReadOnly(begin: GoMethodCall): boolean {
  return begin.args.some((arg) => /ReadOnly\s*:\s*true/.test(arg.text));
}

/** The transactions begun in the file, each with its read-then-write if it has one. */
export function goTransactions(root: Node): GoTransaction[] {
  return methodCalls(root).flatMap((begin) => {
    if (!beginMethods.includes(begin.method) || !isReadable(begin.call) || isReadOnly(begin)) {
      return [];
    }
    const tx = assignedName(begin.call);
    const body = enclosingFunctionBody(begin.call);
    if (tx === undefined || body === undefined) {
      return [];
    }
    const inBody = methodCalls(body);
    // The transaction ends at its Commit, or where the same variable gets the next transaction.
    const end = Math.min(
      ...inBody
        .filter(
          (call) =>
            call.call.startIndex > begin.call.endIndex &&
            ((call.receiver === tx && call.method === 'Commit') ||
              (beginMethods.includes(call.method) && assignedName(call.call) === tx)),
        )
        .map((call) => call.call.startIndex),
    );
    const calls = inBody
      .filter(
        (call) =>
          call.receiver === tx && call.call.startIndex > begin.call.endIndex && call.call.startIndex < end,
      )
      .sort((a, b) => a.call.startIndex - b.call.startIndex);
    const read = calls.find((call) => accessOf(call) === 'read');
    const write =
      read === undefined
        ? undefined
        : calls.find((call) => call.call.startIndex > read.call.endIndex && accessOf(call) === 'write');
    return [
      {
        begin,
        readThenWrite:
          read === undefined || write === undefined ? undefined : { read: read.call, write: write.call },
      },
    ];
  });
}
