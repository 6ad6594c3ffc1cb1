// js-better-sqlite3-deferred-transaction: `db.transaction(fn)` runs BEGIN (deferred) when called
// plainly. When fn reads first and writes later, the read takes a SHARED lock that cannot be upgraded
// while another connection writes: SQLITE_BUSY at once, whatever the busy timeout. `.immediate(...)`
// takes the write lock at BEGIN, where the busy timeout applies.
import type { Node } from 'web-tree-sitter';
import { rangeOf, type HintRule, type RawFinding, type RuleContext } from '../hintRule';
import { stringLiteralValue } from '../stringLiteral';
import { sqlScriptKinds, sqlStatementKind, type SqlStatementKind } from '../sqlStatementKind';
import { callsByName, firstArgument, methodCall, type CallIndex } from './javascriptCalls';
import { moduleBindings, resolveModuleValue } from './javascriptModules';
import {
  insertionAt,
  javascriptLanguages,
  queryMatches,
  storageKey,
  storedAt,
  unwrapExpression,
} from './javascriptSyntax';

const modules = ['better-sqlite3'];
const openQuery = `[
  (new_expression constructor: (_) @constructor) @open
  (call_expression function: (_) @constructor) @open
]`;
const functionQuery = `[
  (function_declaration name: (identifier) @name) @function
  (variable_declarator name: (identifier) @name value: [(arrow_function) (function_expression)] @function)
]`;
const statementMethods: Readonly<Record<string, SqlStatementKind>> = {
  get: 'read',
  all: 'read',
  iterate: 'read',
  run: 'write',
};

/** The SQL text of a literal; a template's `${}` reads as `?` (its leading keyword still tells). */
function sqlText(node: Node | undefined): string | undefined {
  return node === undefined ? undefined : stringLiteralValue(unwrapExpression(node), '?');
}

/** Statement methods that return the statement itself (`db.prepare(sql).pluck().get()`). */
const statementModifiers = new Set(['pluck', 'raw', 'expand', 'safeIntegers', 'bind']);

/** The statement a method is called on, past `.pluck()`, `.raw()` and the like. */
function statementOf(receiver: Node): Node {
  let statement = unwrapExpression(receiver);
  for (let modifier = methodCall(statement); modifier !== undefined; modifier = methodCall(statement)) {
    if (!statementModifiers.has(modifier.method.text)) {
      break;
    }
    statement = unwrapExpression(modifier.receiver);
  }
  return statement;
}

/** What the file knows about its better-sqlite3 connections and their prepared statements. */
interface Connections {
  readonly databases: ReadonlySet<string>;
  /** Statement name ("insertUser", "this.insert") -> its SQL, or undefined when not a literal. */
  readonly statements: ReadonlyMap<string, string | undefined>;
}

/** The reads and writes a transaction function runs, in source order. */
function operations(body: Node, connections: Connections): SqlStatementKind[] {
  const kinds: SqlStatementKind[] = [];
  for (const call of body.descendantsOfType('call_expression')) {
    const parts = call === null ? undefined : methodCall(call);
    if (parts === undefined) {
      continue;
    }
    const method = parts.method.text;
    if (method === 'exec' && connections.databases.has(storageKey(parts.receiver) ?? '')) {
      const sql = sqlText(firstArgument(call));
      kinds.push(...(sql === undefined ? [] : sqlScriptKinds(sql)));
      continue;
    }
    const byMethod = statementMethods[method];
    if (byMethod === undefined) {
      continue;
    }
    const receiver = statementOf(parts.receiver);
    const prepared = receiver.type === 'call_expression' ? methodCall(receiver) : undefined;
    let sql: string | undefined;
    if (
      prepared?.method.text === 'prepare' &&
      connections.databases.has(storageKey(prepared.receiver) ?? '')
    ) {
      sql = sqlText(firstArgument(prepared.call));
    } else if (connections.statements.has(storageKey(receiver) ?? '')) {
      sql = connections.statements.get(storageKey(receiver)!);
    } else {
      continue;
    }
    kinds.push(sql === undefined ? byMethod : sqlStatementKind(sql));
  }
  return kinds.filter((kind) => kind === 'read' || kind === 'write');
}

function readsThenWrites(kinds: SqlStatementKind[]): boolean {
  return kinds[0] === 'read' && kinds.includes('write');
}

/** The function a transaction wraps: inline, or declared by name in the file. */
function transactionBody(argument: Node | undefined, functions: ReadonlyMap<string, Node>): Node | undefined {
  if (argument === undefined) {
    return undefined;
  }
  const fn = unwrapExpression(argument);
  if (fn.type === 'arrow_function' || fn.type === 'function_expression' || fn.type === 'function') {
    return fn;
  }
  return fn.type === 'identifier' ? functions.get(fn.text) : undefined;
}

/**
 * The plain and `.deferred(...)` calls of the transaction function `name`; undefined when it is only
 * called `.immediate(...)`/`.exclusive(...)`.
 */
function deferredCallSites(name: string, calls: CallIndex): RawFinding[] | undefined {
  const title = `Call \`${name}.immediate(...)\` (BEGIN IMMEDIATE: wait for the write lock first)`;
  const message = `\`${name}(...)\` runs a deferred transaction that reads, then writes: when another connection writes in between, it fails with SQLITE_BUSY at once, whatever the busy timeout. Call \`${name}.immediate(...)\`.`;
  const plain = (calls.get(name) ?? []).map((call) => ({
    range: rangeOf(call),
    message,
    quickFix: insertionAt(call.childForFieldName('function')!, 'end', '.immediate', title),
  }));
  const deferred = (calls.get(`${name}.deferred`) ?? []).map((call) => ({
    range: rangeOf(call),
    message,
    quickFix: { title, range: rangeOf(methodCall(call)!.method), newText: 'immediate' },
  }));
  const sites = [...plain, ...deferred];
  const safeCalls =
    (calls.get(`${name}.immediate`) ?? []).length + (calls.get(`${name}.exclusive`) ?? []).length;
  return sites.length === 0 && safeCalls > 0 ? undefined : sites;
}

export const betterSqlite3DeferredTransaction: HintRule = {
  info: {
    id: 'js-better-sqlite3-deferred-transaction',
    languages: javascriptLanguages,
    message:
      'This better-sqlite3 transaction reads, then writes, and runs deferred: when another connection writes in between, it fails with SQLITE_BUSY at once, whatever the busy timeout.',
    severity: 'warning',
    fix: 'Call the transaction function as `fn.immediate(...)` (BEGIN IMMEDIATE), so it waits for the write lock before it reads.',
    scenario: {
      preset: 'upgrade',
      model: 'processes',
      client: 'better-sqlite3',
      shows:
        'The deferred transaction that read first fails with SQLITE_BUSY at once when it tries to write.',
    },
  },
  async check(context: RuleContext): Promise<RawFinding[]> {
    if (!context.file.text.includes('better-sqlite3')) {
      return [];
    }
    const bindings = await moduleBindings(context, modules);
    const databases = new Set<string>();
    for (const match of await queryMatches(context, openQuery)) {
      const opened = resolveModuleValue(match.get('constructor'), bindings, modules);
      const key =
        opened?.exported === undefined && opened !== undefined ? storedAt(match.get('open')!) : undefined;
      if (key !== undefined) {
        databases.add(key);
      }
    }
    if (databases.size === 0) {
      return [];
    }
    const calls = await callsByName(context);
    const statements = new Map<string, string | undefined>();
    const transactions: Node[] = [];
    for (const database of databases) {
      for (const prepare of calls.get(`${database}.prepare`) ?? []) {
        const stored = storedAt(prepare);
        if (stored !== undefined) {
          statements.set(stored, sqlText(firstArgument(prepare)));
        }
      }
      transactions.push(...(calls.get(`${database}.transaction`) ?? []));
    }
    const functions = new Map(
      (await queryMatches(context, functionQuery)).map((match) => [
        match.get('name')!.text,
        match.get('function')!,
      ]),
    );
    const findings: RawFinding[] = [];
    for (const transaction of transactions) {
      const body = transactionBody(firstArgument(transaction), functions);
      if (body === undefined || !readsThenWrites(operations(body, { databases, statements }))) {
        continue;
      }
      const name = storedAt(transaction);
      const sites = name === undefined ? [] : deferredCallSites(name, calls);
      if (sites === undefined) {
        continue;
      }
      const usedAs = transaction.parent?.type === 'member_expression' ? transaction.parent : undefined;
      const mode = usedAs?.childForFieldName('property')?.text;
      if (name === undefined && (mode === 'immediate' || mode === 'exclusive')) {
        continue;
      }
      findings.push(
        ...(sites.length > 0 ? sites : [{ range: rangeOf(transaction.childForFieldName('function')!) }]),
      );
    }
    return findings;
  },
};
