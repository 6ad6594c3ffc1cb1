// go-rows-not-closed: `rows, err := db.Query(...)` whose rows are never closed. Until Close (or a
// loop that reads them to the end) the statement stays open, and with it the connection's read
// transaction: in rollback mode a writer waits on it, in WAL it pins the snapshot. A `for
// rows.Next()` loop that runs to the end closes them itself; one that returns or breaks early does not.
import type { Node } from 'web-tree-sitter';
import { rangeOf, type HintRule, type RawFinding } from '../hintRule';
import { descendantsOutside, isReadable } from '../syntaxTree';
import { assignedName, goSqliteFile, usesSqlite } from './goSqliteOpens';
import { enclosingFunctionBody, lineOf, methodCalls } from './goCalls';

const queryMethods = ['Query', 'QueryContext', 'Queryx', 'QueryxContext', 'NamedQuery', 'NamedQueryContext'];
/** Methods that read rows without handing them on. */
const rowMethods = [
  'Next',
  'Scan',
  'Err',
  'Columns',
  'ColumnTypes',
  'NextResultSet',
  'StructScan',
  'MapScan',
  'SliceScan',
];
const loopTypes = [
  'for_statement',
  'expression_switch_statement',
  'type_switch_statement',
  'select_statement',
];

/** How the rows variable is used in the function: closed (anywhere), or handed on after the query. */
function usesOf(name: string, body: Node, declaration: Node): { closed: boolean; escapes: boolean } {
  let closed = false;
  let escapes = false;
  for (const identifier of body.descendantsOfType('identifier')) {
    if (identifier.text !== name) {
      continue;
    }
    const parent = identifier.parent;
    const field =
      parent?.type === 'selector_expression' &&
      parent.childForFieldName('operand')?.equals(identifier) === true
        ? (parent.childForFieldName('field')?.text ?? '')
        : undefined;
    // A deferred close may be written before the query (`defer func() { ... rows.Close() }()`).
    closed ||= field === 'Close';
    if (identifier.startIndex <= declaration.endIndex || field === 'Close') {
      continue;
    }
    const assignedTo =
      parent?.type === 'expression_list' && parent.parent?.childForFieldName('left')?.equals(parent) === true;
    // Returned, passed to a function, stored: whoever gets it may close it.
    escapes ||= field === undefined ? !assignedTo : !rowMethods.includes(field);
  }
  return { closed, escapes };
}

/** The first statement that leaves a `for rows.Next()` loop before the rows run out. */
function earlyExit(loop: Node): Node | undefined {
  const body = loop.childForFieldName('body');
  if (body === null) {
    return undefined;
  }
  const returns = descendantsOutside(body, ['return_statement', 'goto_statement'], ['func_literal']);
  // An unlabelled break leaves the innermost loop, switch or select: only those directly in this loop count.
  const breaks = descendantsOutside(body, ['break_statement'], ['func_literal', ...loopTypes]);
  const labelled = descendantsOutside(body, ['break_statement'], ['func_literal']).filter(
    (statement) => statement.namedChildCount > 0,
  );
  return [...returns, ...breaks, ...labelled].sort((a, b) => a.startIndex - b.startIndex)[0];
}

function nextLoop(name: string, body: Node): Node | undefined {
  return body
    .descendantsOfType('for_statement')
    .find((loop) =>
      loop.namedChildren.some(
        (child) => child.type === 'call_expression' && child.text.replace(/\s/g, '') === `${name}.Next()`,
      ),
    );
}

export const goRowsNotClosed: HintRule = {
  info: {
    id: 'go-rows-not-closed',
    languages: ['go'],
    message:
      'These rows are never closed: the statement keeps its read transaction open, so a writer waits (rollback mode) or the WAL cannot be checkpointed past it.',
    severity: 'warning',
    fix: 'Add `defer rows.Close()` right after checking the error from Query.',
    scenario: {
      preset: 'forgotten-cursor',
      model: 'processes',
      shows:
        "The unfinished query keeps its read transaction: in rollback mode the writer's COMMIT fails after the busy timeout; in WAL the -wal file grows past the checkpoint size.",
    },
  },
  check({ tree }) {
    if (tree === undefined || !usesSqlite(goSqliteFile(tree.rootNode))) {
      return [];
    }
    return methodCalls(tree.rootNode).flatMap((query): RawFinding[] => {
      if (!queryMethods.includes(query.method) || query.args.length === 0) {
        return [];
      }
      const name = assignedName(query.call);
      const statement = query.call.parent?.parent;
      const body = enclosingFunctionBody(query.call);
      const target = statement?.childForFieldName('left')?.namedChildren[0];
      if (
        name === undefined ||
        body === undefined ||
        statement === null ||
        statement === undefined ||
        target === undefined ||
        !isReadable(body.parent ?? body)
      ) {
        return [];
      }
      const { closed, escapes } = usesOf(name, body, statement);
      if (closed || escapes) {
        return [];
      }
      const loop = nextLoop(name, body);
      if (loop === undefined) {
        const reads = body
          .descendantsOfType('selector_expression')
          .some((selector) => selector.text === `${name}.Next`);
        return reads
          ? [
              {
                range: rangeOf(target),
                message: `${name} is read without a loop to the end and never closed: the statement keeps its read transaction open, so a writer waits (rollback mode) or the WAL cannot be checkpointed past it.`,
              },
            ]
          : [{ range: rangeOf(target) }];
      }
      const exit = earlyExit(loop);
      if (exit === undefined) {
        return [];
      }
      return [
        {
          range: rangeOf(target),
          message: `${name} is never closed, and the loop can leave early (line ${lineOf(exit)}): the statement then keeps its read transaction open, so a writer waits (rollback mode) or the WAL cannot be checkpointed past it.`,
        },
      ];
    });
  },
};
