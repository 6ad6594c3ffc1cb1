// Django ORM calls that run a query synchronously: a manager chain (`Article.objects.filter(...)`)
// that ends in an evaluating method (get, create, count, first, update, ...), iterated by a plain
// `for`, or passed to list()/len(); and save()/delete() on a model instance bound in the same function.
// The async variants (aget, acreate, `async for`) are never matched.
import type { Node } from 'web-tree-sitter';
import {
  type ImportedNames,
  methodCall,
  nameBindings,
  outermostChainCall,
  positionalArguments,
  qualifiedName,
} from './pythonSyntax';

const evaluatingMethods = new Set([
  'get',
  'create',
  'get_or_create',
  'update_or_create',
  'count',
  'exists',
  'first',
  'last',
  'earliest',
  'latest',
  'update',
  'delete',
  'bulk_create',
  'bulk_update',
  'aggregate',
  'in_bulk',
  'iterator',
  'contains',
]);
/** Chains whose result is one model instance. */
const instanceMethods = new Set(['get', 'create', 'first', 'last', 'earliest', 'latest']);
const instanceWrites = new Set(['save', 'delete', 'refresh_from_db']);
const evaluatingBuiltins = new Set(['list', 'len', 'bool', 'tuple', 'set']);

/** `qs[:10]` -> `qs`: slicing a queryset does not run it, evaluating the slice does. */
function unsliced(node: Node | null | undefined): Node | null {
  let current = node ?? null;
  while (current?.type === 'subscript') {
    current = current.childForFieldName('value');
  }
  return current;
}

/** The methods of `X.objects.a(...).b(...)`, innermost first; undefined when not a manager chain. */
function managerChain(call: Node): string[] | undefined {
  const methods: string[] = [];
  for (let node: Node | null = call; node?.type === 'call';) {
    const callee = node.childForFieldName('function');
    if (callee?.type !== 'attribute') {
      return undefined;
    }
    methods.unshift(callee.childForFieldName('attribute')?.text ?? '');
    const object = callee.childForFieldName('object');
    if (object?.type === 'attribute' && object.childForFieldName('attribute')?.text === 'objects') {
      return ['identifier', 'attribute'].includes(object.childForFieldName('object')?.type ?? '')
        ? methods
        : undefined;
    }
    node = object;
  }
  return undefined;
}

function isEvaluatingChain(call: Node): boolean {
  const methods = managerChain(call);
  return methods !== undefined && evaluatingMethods.has(methods[methods.length - 1]);
}

/** A model class imported from an app's models module (`from .models import Article`). */
function isModelClass(callee: Node | null, imports: ImportedNames): boolean {
  const name = qualifiedName(callee, imports) ?? '';
  return /(^|\.)models\.[A-Z]\w*$/.test(name) && !name.startsWith('django.');
}

/** The ORM calls among a function's nodes (each the outermost call of its chain). */
export function djangoOrmCalls(scope: readonly Node[], imports: ImportedNames): Node[] {
  const instances = new Set<string>();
  for (const [name, value] of nameBindings(scope)) {
    const methods = value.type === 'call' ? managerChain(value) : undefined;
    if (
      (methods !== undefined && instanceMethods.has(methods[methods.length - 1])) ||
      (value.type === 'call' && isModelClass(value.childForFieldName('function'), imports))
    ) {
      instances.add(name);
    }
  }
  const found: Node[] = [];
  for (const node of scope) {
    if (node.type === 'for_statement' && node.child(0)?.type !== 'async') {
      const iterated = unsliced(node.childForFieldName('right'));
      if (iterated?.type === 'call' && managerChain(iterated) !== undefined) {
        found.push(iterated);
      }
      continue;
    }
    if (node.type !== 'call' || outermostChainCall(node) !== node) {
      continue;
    }
    const callee = node.childForFieldName('function');
    const first = unsliced(positionalArguments(node)[0]);
    const call = methodCall(node);
    if (
      isEvaluatingChain(node) ||
      (callee?.type === 'identifier' &&
        evaluatingBuiltins.has(callee.text) &&
        first?.type === 'call' &&
        managerChain(first) !== undefined) ||
      (call?.receiver.type === 'identifier' &&
        instances.has(call.receiver.text) &&
        instanceWrites.has(call.method))
    ) {
      found.push(node);
    }
  }
  return found;
}
