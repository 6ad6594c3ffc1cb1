// How a file path is written at a call: a string literal, or a name (a variable, a constant, an
// attribute chain like `settings.DB_PATH`) together with the scope that binds it, so that two
// `path` parameters of two functions never count as the same file.
import type { Node } from 'web-tree-sitter';
import type { HintLanguage } from '../hintTypes';
import { stringLiteralValue } from '../stringLiteral';

export type PathReference =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'name'; readonly text: string; readonly scope: number };

const functionTypes: Readonly<Record<string, readonly string[]>> = {
  python: ['function_definition', 'lambda'],
  javascript: [
    'function_declaration',
    'function_expression',
    'arrow_function',
    'method_definition',
    'generator_function_declaration',
  ],
  go: ['function_declaration', 'method_declaration', 'func_literal'],
};
const classTypes = ['class_definition', 'class_declaration', 'class'];
/** Parent types under which an identifier is being bound (a parameter, a declaration). */
const bindingParents = new Set([
  'parameters',
  'default_parameter',
  'typed_parameter',
  'typed_default_parameter',
  'formal_parameters',
  'required_parameter',
  'optional_parameter',
  'assignment_pattern',
  'parameter_declaration',
  'var_spec',
  'const_spec',
  'for_statement',
  'for_in_statement',
  'for_in_clause',
  'as_pattern_target',
  'pattern_list',
  'tuple_pattern',
]);
const fileScope = -1;

function familyOf(language: HintLanguage): string {
  return language === 'python' || language === 'go' ? language : 'javascript';
}

/** True when the function binds `name` itself: a parameter, or a local declaration or assignment. */
function binds(fn: Node, name: string): boolean {
  return fn.descendantsOfType('identifier').some((identifier) => {
    if (identifier.text !== name) {
      return false;
    }
    const parent = identifier.parent;
    if (parent === null) {
      return false;
    }
    if (bindingParents.has(parent.type)) {
      return true;
    }
    if (parent.type === 'variable_declarator' || parent.type === 'assignment') {
      return (
        parent.childForFieldName(parent.type === 'assignment' ? 'left' : 'name')?.equals(identifier) === true
      );
    }
    // Go: `path := ...`, `for _, path := range ...`
    const statement = parent.parent;
    return (
      parent.type === 'expression_list' &&
      (statement?.type === 'short_var_declaration' || statement?.type === 'range_clause') &&
      statement.childForFieldName('left')?.equals(parent) === true
    );
  });
}

/** The innermost function that binds the name, or the file when none does. */
function scopeOf(node: Node, name: string, language: HintLanguage): number {
  const types = functionTypes[familyOf(language)];
  for (let parent = node.parent; parent !== null; parent = parent.parent) {
    if (types.includes(parent.type) && binds(parent, name)) {
      return parent.id;
    }
  }
  return fileScope;
}

const nameTypes = new Set(['identifier', 'attribute', 'member_expression', 'selector_expression']);

/** How the path argument is written, or undefined when it is anything else (a call, a concatenation). */
export function pathReferenceOf(node: Node, language: HintLanguage): PathReference | undefined {
  const literal = stringLiteralValue(node);
  if (literal !== undefined) {
    return literal === '' || literal === ':memory:'
      ? undefined
      : { kind: 'literal', value: normalizePath(literal) };
  }
  if (!nameTypes.has(node.type) || !/^[A-Za-z_][\w.]*$/.test(node.text)) {
    return undefined;
  }
  const root = node.text.split('.')[0];
  if (root === 'self' || root === 'this') {
    // `self.db_path`: the same attribute within one class.
    let owner = node.parent;
    while (owner !== null && !classTypes.includes(owner.type)) {
      owner = owner.parent;
    }
    return { kind: 'name', text: node.text, scope: owner?.id ?? fileScope };
  }
  return { kind: 'name', text: node.text, scope: scopeOf(node, root, language) };
}

/** `./app.db` and `app.db` name the same file. */
export function normalizePath(path: string): string {
  return path.replace(/^(?:\.\/)+/, '');
}

export function samePath(a: PathReference, b: PathReference): boolean {
  return a.kind === 'literal'
    ? b.kind === 'literal' && a.value === b.value
    : b.kind === 'name' && a.text === b.text && a.scope === b.scope;
}

/** How a message names the path. */
export function describePath(path: PathReference): string {
  return path.kind === 'literal' ? `"${path.value}"` : path.text;
}
