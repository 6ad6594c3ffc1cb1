// python-sync-call-in-async: a synchronous database call (SQLAlchemy Session, sqlite3, Django ORM)
// directly in an `async def` route. While it waits for a lock the event loop is blocked, so the
// request that holds the lock cannot run to its commit: the seed's FastAPI app.
import type { Node } from 'web-tree-sitter';
import { type HintRule, type RawFinding, rangeOf } from '../hintRule';
import { asyncRoutes } from './asyncRoutes';
import { djangoOrmCalls } from './djangoOrmCalls';
import {
  importedNames,
  importsFrom,
  inSyntaxError,
  methodCall,
  moduleBindings,
  nameBindings,
  outermostChainCall,
  parameterAnnotations,
  scopeNodes,
} from './pythonSyntax';
import { Sqlite3Handles } from './sqlite3Handles';
import { SyncSessions } from './syncSessions';

/** Session methods that talk to the database (add() only stages, so it is left out). */
const sessionCalls = new Set([
  'commit',
  'flush',
  'execute',
  'scalars',
  'scalar',
  'get',
  'get_one',
  'exec',
  'refresh',
  'merge',
  'bulk_save_objects',
  'bulk_insert_mappings',
  'bulk_update_mappings',
]);
/** `db.query(...)` only runs when its chain ends in one of these. */
const queryEvaluations = new Set([
  'all',
  'first',
  'one',
  'one_or_none',
  'scalar',
  'count',
  'get',
  'update',
  'delete',
]);
const sqlite3Calls = new Set([
  'execute',
  'executemany',
  'executescript',
  'commit',
  'fetchone',
  'fetchall',
  'fetchmany',
]);
/** Calls that run their argument in a worker thread: what is inside them does not block the loop. */
const offloaders = new Set([
  'to_thread',
  'run_in_threadpool',
  'run_in_executor',
  'sync_to_async',
  'run_sync',
]);

function isOffloaded(node: Node, definition: Node): boolean {
  for (let current = node.parent; current !== null && !current.equals(definition); current = current.parent) {
    if (current.type === 'argument_list') {
      const callee = current.parent?.childForFieldName('function');
      const name = callee?.type === 'attribute' ? callee.childForFieldName('attribute')?.text : callee?.text;
      if (offloaders.has(name ?? '')) {
        return true;
      }
    }
  }
  return false;
}

function isQueryEvaluation(call: Node): boolean {
  const outer = outermostChainCall(call);
  const method = outer.equals(call) ? undefined : methodCall(outer)?.method;
  return method !== undefined && queryEvaluations.has(method);
}

export const syncCallInAsync: HintRule = {
  info: {
    id: 'python-sync-call-in-async',
    languages: ['python'],
    message:
      'Synchronous database call inside an async route: while it waits for a lock it blocks the event loop, so the request holding the lock cannot commit.',
    severity: 'warning',
    fix: 'Use the async driver (AsyncSession + aiosqlite, Django a-methods), make the route a plain def, or run the call with asyncio.to_thread / run_in_threadpool.',
    scenario: {
      preset: 'seed',
      model: 'blocking',
      shows:
        "The waiting writer blocks the shared loop, so the holder's commit comes only after the wait times out.",
    },
  },
  async check({ tree }) {
    if (tree === undefined) {
      return [];
    }
    const root = tree.rootNode;
    const imports = await importedNames(root);
    const routes = await asyncRoutes(root, imports);
    if (routes.length === 0) {
      return [];
    }
    const module = moduleBindings(root);
    const sessions = new SyncSessions(imports, module, root);
    const findings = new Map<number, RawFinding>();
    const usesDjango = importsFrom(imports, ['django']);
    for (const route of routes) {
      const body = route.definition.childForFieldName('body');
      if (body === null) {
        continue;
      }
      const scope = scopeNodes(body);
      const sessionNames = sessions.sessionNames(route.definition, scope);
      const sqlite3 = new Sqlite3Handles(
        imports,
        nameBindings(scope),
        module,
        parameterAnnotations(route.definition),
      );
      const calls: { node: Node; what: string }[] = [];
      for (const node of scope) {
        const call = node.type === 'call' ? methodCall(node) : undefined;
        if (call === undefined || call.receiver.type !== 'identifier') {
          continue;
        }
        const receiver = call.receiver.text;
        if (
          sessionNames.has(receiver) &&
          (sessionCalls.has(call.method) || (call.method === 'query' && isQueryEvaluation(node)))
        ) {
          const evaluation =
            call.method === 'query' ? methodCall(outermostChainCall(node))?.method : undefined;
          calls.push({
            node,
            what:
              evaluation === undefined
                ? `${receiver}.${call.method}()`
                : `${receiver}.query(...).${evaluation}()`,
          });
        } else if (sqlite3Calls.has(call.method) && sqlite3.resolve(call.receiver) !== undefined) {
          calls.push({ node, what: `${receiver}.${call.method}()` });
        }
      }
      if (usesDjango) {
        for (const node of djangoOrmCalls(scope, imports)) {
          calls.push({ node, what: 'Django ORM' });
        }
      }
      for (const { node, what } of calls) {
        const reported = outermostChainCall(node);
        if (
          reported.parent?.type === 'await' ||
          inSyntaxError(reported) ||
          isOffloaded(reported, route.definition) ||
          findings.has(reported.startPosition.row)
        ) {
          continue;
        }
        const message =
          what === 'Django ORM'
            ? `Synchronous Django ORM call inside async def ${route.name}: Django raises SynchronousOnlyOperation here (or, with DJANGO_ALLOW_ASYNC_UNSAFE, blocks the event loop while it waits for a lock).`
            : `Synchronous ${what} inside async def ${route.name}: while it waits for a lock it blocks the event loop, so the request holding the lock cannot commit.`;
        findings.set(reported.startPosition.row, { range: rangeOf(reported), message });
      }
    }
    return [...findings.values()];
  },
};
