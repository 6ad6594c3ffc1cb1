// Small readers of Python syntax trees shared by the Python rules: what a name was imported as, the
// value of a literal, a call's arguments, the statements of one function without its nested ones.
import type { Node, Tree } from 'web-tree-sitter';
import { treeQuery } from '../sourceParser';

/** Local name -> the dotted name it was imported as ("Session" -> "sqlalchemy.orm.Session"). */
export type ImportedNames = ReadonlyMap<string, string>;

const importQuerySource = '[(import_statement) (import_from_statement)] @import';

/** Read once per tree: every Python rule asks for them. */
const importsByTree = new WeakMap<Tree, Promise<ImportedNames>>();

/** Every import of the file (module level and inside functions); relative modules keep their dots. */
export function importedNames(root: Node): Promise<ImportedNames> {
  let names = importsByTree.get(root.tree);
  if (names === undefined) {
    names = readImports(root);
    importsByTree.set(root.tree, names);
  }
  return names;
}

async function readImports(root: Node): Promise<ImportedNames> {
  const names = new Map<string, string>();
  for (const { node } of (await treeQuery('python', importQuerySource)).captures(root)) {
    if (node.hasError) {
      continue;
    }
    const from =
      node.type === 'import_from_statement' ? node.childForFieldName('module_name')?.text : undefined;
    for (const imported of node.childrenForFieldName('name')) {
      const dotted = imported.type === 'aliased_import' ? imported.childForFieldName('name') : imported;
      const alias =
        imported.type === 'aliased_import' ? imported.childForFieldName('alias')?.text : undefined;
      if (dotted === null) {
        continue;
      }
      if (from !== undefined) {
        names.set(alias ?? dotted.text, `${from}${from.endsWith('.') ? '' : '.'}${dotted.text}`);
      } else if (alias !== undefined) {
        names.set(alias, dotted.text);
      } else {
        // `import a.b` binds `a`.
        const first = dotted.text.split('.')[0];
        names.set(first, first);
      }
    }
  }
  return names;
}

/** The dotted name an expression refers to through the imports (`orm.Session` -> "sqlalchemy.orm.Session"). */
export function qualifiedName(node: Node | null, imports: ImportedNames): string | undefined {
  if (node === null) {
    return undefined;
  }
  if (node.type === 'identifier') {
    return imports.get(node.text);
  }
  if (node.type === 'attribute') {
    const object = qualifiedName(node.childForFieldName('object'), imports);
    const attribute = node.childForFieldName('attribute')?.text;
    return object === undefined || attribute === undefined ? undefined : `${object}.${attribute}`;
  }
  return undefined;
}

/** Whether any import comes from one of these top-level packages. */
export function importsFrom(imports: ImportedNames, packages: readonly string[]): boolean {
  return [...imports.values()].some((name) => packages.includes(name.split('.')[0]));
}

/**
 * The text of a string literal (adjacent literals joined), or undefined when it is not a plain
 * literal. With `prefixOnly`, an f-string gives the text before its first `{...}`.
 */
export function stringValue(node: Node | null, prefixOnly = false): string | undefined {
  if (node === null) {
    return undefined;
  }
  if (node.type === 'concatenated_string') {
    let text = '';
    for (const part of node.namedChildren) {
      const value = stringValue(part, prefixOnly);
      if (value === undefined) {
        return undefined;
      }
      text += value;
      if (prefixOnly && part.namedChildren.some((child) => child.type === 'interpolation')) {
        return text;
      }
    }
    return text;
  }
  if (node.type !== 'string') {
    return undefined;
  }
  let text = '';
  for (const child of node.namedChildren) {
    if (child.type === 'interpolation') {
      return prefixOnly ? text : undefined;
    }
    if (child.type === 'string_content' || child.type === 'escape_sequence') {
      text += child.text;
    }
  }
  return text;
}

/** A number literal's value; undefined for anything else. */
export function numberValue(node: Node | null): number | undefined {
  if (node === null || (node.type !== 'integer' && node.type !== 'float')) {
    return undefined;
  }
  const value = Number(node.text.replace(/_/g, ''));
  return Number.isNaN(value) ? undefined : value;
}

/** The value given for keyword `name` in a call, or undefined. */
export function keywordArgument(call: Node, name: string): Node | undefined {
  for (const argument of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (argument.type === 'keyword_argument' && argument.childForFieldName('name')?.text === name) {
      return argument.childForFieldName('value') ?? undefined;
    }
  }
  return undefined;
}

/** The call's positional arguments, in order (stops at `*args`, whose length is unknown). */
export function positionalArguments(call: Node): Node[] {
  const positional: Node[] = [];
  for (const argument of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (argument.type === 'list_splat' || argument.type === 'dictionary_splat') {
      break;
    }
    if (argument.type !== 'keyword_argument' && argument.type !== 'comment') {
      positional.push(argument);
    }
  }
  return positional;
}

/** For `a.b(...)`: ["a" node, "b"]; undefined for other calls. */
export function methodCall(call: Node): { receiver: Node; method: string } | undefined {
  const callee = call.childForFieldName('function');
  if (callee?.type !== 'attribute') {
    return undefined;
  }
  const receiver = callee.childForFieldName('object');
  const method = callee.childForFieldName('attribute')?.text;
  return receiver === null || method === undefined ? undefined : { receiver, method };
}

/** The `key: value` pairs of a dict literal whose keys are plain strings. */
export function dictionaryPairs(dictionary: Node): { key: string; pair: Node; value: Node }[] {
  return dictionary.namedChildren.flatMap((pair) => {
    const key = pair.type === 'pair' ? stringValue(pair.childForFieldName('key')) : undefined;
    const value = pair.childForFieldName('value');
    return key === undefined || value === null ? [] : [{ key, pair, value }];
  });
}

/** Whether the node is in or contains a syntax error: the tree may not mean what it shows. */
export function inSyntaxError(node: Node): boolean {
  for (let current: Node | null = node; current !== null; current = current.parent) {
    if (current.isError || (current === node && current.hasError)) {
      return true;
    }
  }
  return false;
}

const nestedScopes = new Set(['function_definition', 'lambda', 'class_definition']);

/** Every node of a function's body in source order, without the bodies of nested defs, lambdas, classes. */
export function scopeNodes(body: Node): Node[] {
  const nodes: Node[] = [];
  const visit = (node: Node): void => {
    nodes.push(node);
    for (const child of node.namedChildren) {
      if (!nestedScopes.has(child.type)) {
        visit(child);
      }
    }
  };
  visit(body);
  return nodes;
}

/** Name -> bound value for `x = value` and `with value as x` among these nodes (the last one wins). */
export function nameBindings(nodes: readonly Node[]): Map<string, Node> {
  const bindings = new Map<string, Node>();
  for (const node of nodes) {
    if (node.type === 'assignment') {
      const left = node.childForFieldName('left');
      const right = node.childForFieldName('right');
      if (left?.type === 'identifier' && right !== null) {
        bindings.set(left.text, right);
      }
    } else if (node.type === 'as_pattern' && node.parent?.type === 'with_item') {
      const target = node.childForFieldName('alias')?.namedChild(0);
      const value = node.namedChild(0);
      if (target?.type === 'identifier' && value !== null) {
        bindings.set(target.text, value);
      }
    }
  }
  return bindings;
}

/** The names of a function's parameters with their annotation (if any). */
export function parameterAnnotations(fn: Node): Map<string, Node | undefined> {
  const parameters = new Map<string, Node | undefined>();
  for (const parameter of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    const name =
      parameter.type === 'identifier'
        ? parameter
        : (parameter.childForFieldName('name') ??
          (parameter.type === 'typed_parameter' ? parameter.namedChild(0) : null));
    if (name?.type === 'identifier') {
      parameters.set(name.text, parameter.childForFieldName('type')?.namedChild(0) ?? undefined);
    }
  }
  return parameters;
}

/** The module's own bindings (not those inside functions or classes). */
export function moduleBindings(root: Node): Map<string, Node> {
  return nameBindings(scopeNodes(root));
}

/** A string literal, or a module-level name assigned one (`DB_URI = "sqlite:///app.db"`). */
export function literalOrConstant(
  node: Node | null,
  constants: ReadonlyMap<string, Node>,
): string | undefined {
  if (node?.type === 'identifier') {
    return stringValue(constants.get(node.text) ?? null);
  }
  return stringValue(node);
}

/** For a call in a chain (`a.b(x).c().d()`): the outermost call of that chain. */
export function outermostChainCall(call: Node): Node {
  let current = call;
  for (;;) {
    const attribute = current.parent;
    const next = attribute?.parent;
    if (
      attribute?.type === 'attribute' &&
      attribute.childForFieldName('object')?.equals(current) === true &&
      next?.type === 'call' &&
      next.childForFieldName('function')?.equals(attribute) === true
    ) {
      current = next;
    } else {
      return current;
    }
  }
}
