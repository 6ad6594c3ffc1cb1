// js-database-sync-no-timeout: node:sqlite's DatabaseSync waits 0 ms for a lock unless given
// `timeout`, so the first write that meets another connection's lock fails with SQLITE_BUSY.
import type { Node } from 'web-tree-sitter';
import { rangeOf, type HintRule, type RawFinding, type RuleContext } from '../hintRule';
import type { HintEdit } from '../hintTypes';
import { connectionsWithBusyTimeout } from './busyTimeoutSettings';
import { moduleBindings, resolveModuleValue } from './javascriptModules';
import {
  argumentList,
  insertionAt,
  javascriptLanguages,
  newExpressionQuery,
  objectHasKey,
  queryMatches,
  storedAt,
  stringValue,
} from './javascriptSyntax';

const modules = ['node:sqlite'];
const timeoutOption = 'timeout: 5000';

/** The edit that adds the timeout, or undefined when the options are not a plain object literal. */
function addTimeout(args: Node[]): HintEdit | undefined {
  const title = 'Add `timeout: 5000` (wait up to 5 s for a lock)';
  if (args.length === 1) {
    return insertionAt(args[0], 'end', `, { ${timeoutOption} }`, title);
  }
  const options = args[1];
  if (options.type !== 'object' || options.namedChildren.some((child) => child?.type === 'spread_element')) {
    return undefined;
  }
  const first = options.namedChildren.find((child) => child !== null && child.type !== 'comment');
  if (first === undefined || first === null) {
    return { title, range: rangeOf(options), newText: `{ ${timeoutOption} }` };
  }
  return insertionAt(first, 'start', `${timeoutOption}, `, title);
}

export const databaseSyncNoTimeout: HintRule = {
  info: {
    id: 'js-database-sync-no-timeout',
    languages: javascriptLanguages,
    message:
      "new DatabaseSync() without a `timeout` option: node:sqlite waits 0 ms for a lock, so a write that meets another connection's lock fails at once with SQLITE_BUSY.",
    severity: 'warning',
    fix: 'Pass `{ timeout: 5000 }` (milliseconds) as the second argument of `new DatabaseSync(path, options)`.',
    scenario: {
      preset: 'no-timeout',
      model: 'processes',
      shows:
        "The connection without a timeout fails with SQLITE_BUSY the moment it meets the holder's write lock; the one with a timeout waits and commits.",
    },
  },
  async check(context: RuleContext): Promise<RawFinding[]> {
    if (!context.file.text.includes('node:sqlite')) {
      return [];
    }
    const bindings = await moduleBindings(context, modules);
    const configured = await connectionsWithBusyTimeout(context);
    const findings: RawFinding[] = [];
    for (const match of await queryMatches(context, newExpressionQuery)) {
      const constructor = resolveModuleValue(match.get('constructor'), bindings, modules);
      if (constructor?.exported !== 'DatabaseSync') {
        continue;
      }
      const args = argumentList(match.get('arguments')!);
      const path = args.length === 0 ? undefined : stringValue(args[0]);
      if (args.length === 0 || args[0].type === 'spread_element' || path?.includes(':memory:') === true) {
        continue;
      }
      if (args.length >= 2 && (args[1].type !== 'object' || objectHasKey(args[1], 'timeout'))) {
        continue;
      }
      const opened = match.get('new')!;
      const stored = storedAt(opened);
      const quickFix = addTimeout(args);
      if (quickFix === undefined || (stored !== undefined && configured.has(stored))) {
        continue;
      }
      findings.push({ range: rangeOf(opened), quickFix });
    }
    return findings;
  },
};
