// Which connections a file gives a busy timeout after opening them: `db.exec('PRAGMA busy_timeout =
// 5000')` (node:sqlite, node-sqlite3: exec, run, get, all, each, prepare) or node-sqlite3's
// `db.configure('busyTimeout', 5000)`. A literal 0 sets none; a computed value counts as set.
import type { Node } from 'web-tree-sitter';
import type { RuleContext } from '../hintRule';
import { argumentList, queryMatches, storageKey, stringValue, unwrapExpression } from './javascriptSyntax';

const methodCallQuery = `(call_expression
  function: (member_expression object: (_) @receiver property: (property_identifier) @method)
  arguments: (arguments) @arguments)`;
const sqlMethods = new Set(['run', 'exec', 'get', 'all', 'each', 'prepare']);
/** `PRAGMA busy_timeout = 5000` / `(5000)` / `= ${ms}` anywhere in the text (exec takes scripts). */
const busyTimeoutPragma = /\bPRAGMA\s+(?:\w+\.)?busy_timeout\s*(?:=|\()\s*(\d+|\$\{)/i;

/** Whether this call sets a busy timeout other than 0 on its receiver. */
function setsBusyTimeout(method: string, args: Node[]): boolean {
  if (method === 'configure') {
    const value = args.length >= 2 ? unwrapExpression(args[1]) : undefined;
    return (
      stringValue(args[0]) === 'busyTimeout' &&
      value !== undefined &&
      !(value.type === 'number' && Number(value.text) === 0)
    );
  }
  if (!sqlMethods.has(method) || args.length === 0) {
    return false;
  }
  const sql = unwrapExpression(args[0]);
  const text = sql.type === 'string' || sql.type === 'template_string' ? sql.text : undefined;
  const value = text === undefined ? undefined : busyTimeoutPragma.exec(text)?.[1];
  return value !== undefined && value !== '0';
}

/** The names ("db", "this.db") on which the file sets a busy timeout. */
export async function connectionsWithBusyTimeout(context: RuleContext): Promise<Set<string>> {
  const configured = new Set<string>();
  if (!/busy_?timeout/i.test(context.file.text)) {
    return configured;
  }
  for (const match of await queryMatches(context, methodCallQuery)) {
    const key = storageKey(match.get('receiver'));
    if (
      key !== undefined &&
      setsBusyTimeout(match.get('method')!.text, argumentList(match.get('arguments')!))
    ) {
      configured.add(key);
    }
  }
  return configured;
}
