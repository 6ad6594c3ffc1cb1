// The `async def` functions that a web framework runs on its event loop: FastAPI/Starlette/Quart/
// Django Ninja route decorators (`@app.post(...)`, `@router.get(...)`), and Django async views
// (`async def view(request, ...)`, or such a method of a class, in a module that imports Django).
import type { Node } from 'web-tree-sitter';
import { treeQuery } from '../sourceParser';
import { type ImportedNames, importsFrom, inSyntaxError } from './pythonSyntax';

export interface AsyncRoute {
  readonly definition: Node;
  readonly name: string;
  readonly framework: 'asgi' | 'django';
}

/** Frameworks whose route decorators register handlers that run on the event loop. */
const asgiFrameworks = ['fastapi', 'starlette', 'quart', 'ninja'];
const routeMethods = new Set([
  'get',
  'post',
  'put',
  'patch',
  'delete',
  'head',
  'options',
  'trace',
  'route',
  'api_route',
  'websocket',
  'websocket_route',
]);

const asyncDefinitionQuery = '(function_definition "async") @definition';

function hasRouteDecorator(definition: Node): boolean {
  const decorated = definition.parent;
  if (decorated?.type !== 'decorated_definition') {
    return false;
  }
  return decorated.namedChildren.some((decorator) => {
    const call = decorator.type === 'decorator' ? decorator.namedChild(0) : null;
    const callee = call?.type === 'call' ? call.childForFieldName('function') : null;
    return (
      callee?.type === 'attribute' && routeMethods.has(callee.childForFieldName('attribute')?.text ?? '')
    );
  });
}

/** A Django view takes the request first (after `self` in a class-based view). */
function looksLikeDjangoView(definition: Node): boolean {
  const parameters = (definition.childForFieldName('parameters')?.namedChildren ?? []).map((parameter) =>
    parameter.type === 'identifier'
      ? parameter.text
      : (parameter.childForFieldName('name')?.text ?? parameter.namedChild(0)?.text),
  );
  const owner = (definition.parent?.type === 'decorated_definition' ? definition.parent : definition).parent;
  if (owner?.type === 'module') {
    return parameters[0] === 'request';
  }
  const inClass = owner?.type === 'block' && owner.parent?.type === 'class_definition';
  return inClass && parameters[0] === 'self' && parameters[1] === 'request';
}

export async function asyncRoutes(root: Node, imports: ImportedNames): Promise<AsyncRoute[]> {
  const asgi = importsFrom(imports, asgiFrameworks);
  const django = importsFrom(imports, ['django']);
  if (!asgi && !django) {
    return [];
  }
  const routes: AsyncRoute[] = [];
  for (const { node } of (await treeQuery('python', asyncDefinitionQuery)).captures(root)) {
    if (inSyntaxError(node)) {
      continue;
    }
    const name = node.childForFieldName('name')?.text ?? '';
    if (asgi && hasRouteDecorator(node)) {
      routes.push({ definition: node, name, framework: 'asgi' });
    } else if (django && looksLikeDjangoView(node)) {
      routes.push({ definition: node, name, framework: 'django' });
    }
  }
  return routes;
}
