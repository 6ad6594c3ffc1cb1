// python-sqlite3-timeout-zero: `sqlite3.connect(..., timeout=0)` (or aiosqlite's, or SQLAlchemy's
// `connect_args={"timeout": 0}` on a sqlite URL): no busy timeout, so any lock held for an instant
// by another connection fails the statement at once with "database is locked".
import type { Node } from 'web-tree-sitter';
import { type HintRule, type RawFinding, rangeOf } from '../hintRule';
import { treeQuery } from '../sourceParser';
import {
  dictionaryPairs,
  importedNames,
  importsFrom,
  inSyntaxError,
  keywordArgument,
  literalOrConstant,
  moduleBindings,
  numberValue,
  positionalArguments,
  qualifiedName,
} from './pythonSyntax';

const connectFunctions = new Set(['sqlite3.connect', 'sqlite3.dbapi2.connect', 'aiosqlite.connect']);
const engineFunctions = new Set([
  'sqlalchemy.create_engine',
  'sqlalchemy.engine.create_engine',
  'sqlalchemy.ext.asyncio.create_async_engine',
  'sqlmodel.create_engine',
]);
/** Only calls whose name can be one of the above (the imports decide which ones really are). */
const callQuery = `[
  (call function: (identifier) @name)
  (call function: (attribute attribute: (identifier) @name))
] @call (#any-of? @name "connect" "create_engine" "create_async_engine")`;
const driverPackages = ['sqlite3', 'aiosqlite', 'sqlalchemy', 'sqlmodel'];

/** The `timeout` value node when it is the literal 0 (or 0.0). */
function zero(node: Node | undefined): Node | undefined {
  return node !== undefined && numberValue(node) === 0 ? node : undefined;
}

function connectTimeout(call: Node, name: string): Node | undefined {
  const keyword = keywordArgument(call, 'timeout');
  if (keyword !== undefined || name === 'aiosqlite.connect') {
    return zero(keyword);
  }
  // sqlite3.connect(database, timeout=5.0, ...): the second positional argument.
  return zero(positionalArguments(call)[1]);
}

function engineTimeout(call: Node, constants: ReadonlyMap<string, Node>): Node | undefined {
  const url = literalOrConstant(
    positionalArguments(call)[0] ?? keywordArgument(call, 'url') ?? null,
    constants,
  );
  if (url === undefined || !/^sqlite(\+\w+)?:/.test(url)) {
    return undefined;
  }
  const connectArgs = keywordArgument(call, 'connect_args');
  if (connectArgs?.type === 'dictionary') {
    return zero(dictionaryPairs(connectArgs).find((entry) => entry.key === 'timeout')?.value);
  }
  if (connectArgs?.type === 'call' && connectArgs.childForFieldName('function')?.text === 'dict') {
    return zero(keywordArgument(connectArgs, 'timeout'));
  }
  return undefined;
}

export const sqlite3TimeoutZero: HintRule = {
  info: {
    id: 'python-sqlite3-timeout-zero',
    languages: ['python'],
    message:
      'timeout=0 turns off the busy timeout: any statement that meets another connection\'s lock fails at once with "database is locked".',
    severity: 'warning',
    fix: 'Give a busy timeout of a few seconds (timeout=5, the default), or leave timeout out.',
    scenario: {
      preset: 'no-timeout',
      model: 'processes',
      shows:
        'The connection without a busy timeout fails with SQLITE_BUSY at once; the one with a timeout waits for the holder and commits.',
    },
  },
  async check({ tree }) {
    if (tree === undefined) {
      return [];
    }
    const root = tree.rootNode;
    const imports = await importedNames(root);
    if (!importsFrom(imports, driverPackages)) {
      return [];
    }
    const constants = moduleBindings(root);
    const findings: RawFinding[] = [];
    const captures = (await treeQuery('python', callQuery)).captures(root);
    for (const { node: call } of captures.filter((capture) => capture.name === 'call')) {
      const name = qualifiedName(call.childForFieldName('function'), imports) ?? '';
      const timeout = connectFunctions.has(name)
        ? connectTimeout(call, name)
        : engineFunctions.has(name)
          ? engineTimeout(call, constants)
          : undefined;
      if (timeout === undefined || inSyntaxError(call)) {
        continue;
      }
      findings.push({
        range: rangeOf(timeout),
        quickFix: { title: 'Wait up to 5 s for locks (timeout=5)', range: rangeOf(timeout), newText: '5' },
      });
    }
    return findings;
  },
};
