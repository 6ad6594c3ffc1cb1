// Which names in a file stand for a module or one of its exports: `import`, `import x = require()`,
// `require()`, dynamic `import()`, destructuring, aliases, and node-sqlite3's `.verbose()`. Rules only
// trust a driver call when the name is bound to the driver in the same file.
import type { Node } from 'web-tree-sitter';
import type { RuleContext } from '../hintRule';
import { queryMatches, stringValue, unwrapExpression } from './javascriptSyntax';

/** A value from a module: the module object itself (`exported` undefined) or one named export. */
export interface ModuleValue {
  readonly module: string;
  readonly exported: string | undefined;
}

export type ModuleBindings = ReadonlyMap<string, ModuleValue>;

/** TypeScript's `import x = require('m')` has no node in the JavaScript grammar. */
function bindingQuery(language: string): string {
  const importRequire =
    language === 'javascript'
      ? ''
      : '(import_statement (import_require_clause (identifier) @name source: (string) @source))';
  return `[
    (import_statement (import_clause) @clause source: (string) @source)
    ${importRequire}
    (variable_declarator name: (_) @pattern value: (_) @value)
  ]`;
}

function bindPattern(pattern: Node, value: ModuleValue, bindings: Map<string, ModuleValue>): void {
  if (pattern.type === 'identifier') {
    bindings.set(pattern.text, value);
    return;
  }
  if (pattern.type !== 'object_pattern' || value.exported !== undefined) {
    return;
  }
  for (const property of pattern.namedChildren) {
    if (property?.type === 'shorthand_property_identifier_pattern') {
      bindings.set(property.text, { module: value.module, exported: property.text });
    } else if (property?.type === 'pair_pattern') {
      const key = property.childForFieldName('key');
      const local = property.childForFieldName('value');
      if (key?.type === 'property_identifier' && local?.type === 'identifier') {
        bindings.set(local.text, { module: value.module, exported: key.text });
      }
    }
  }
}

function bindImportClause(clause: Node, module: string, bindings: Map<string, ModuleValue>): void {
  for (const part of clause.namedChildren) {
    if (part?.type === 'identifier') {
      bindings.set(part.text, { module, exported: undefined });
    } else if (part?.type === 'namespace_import') {
      const name = part.namedChildren.find((child) => child?.type === 'identifier');
      if (name) {
        bindings.set(name.text, { module, exported: undefined });
      }
    } else if (part?.type === 'named_imports') {
      for (const specifier of part.namedChildren) {
        const name = specifier?.childForFieldName('name');
        if (specifier?.type === 'import_specifier' && name) {
          const local = specifier.childForFieldName('alias') ?? name;
          bindings.set(local.text, { module, exported: name.text === 'default' ? undefined : name.text });
        }
      }
    }
  }
}

/** The names bound to `modules` in the file, in document order (later bindings may use earlier ones). */
export async function moduleBindings(
  context: RuleContext,
  modules: readonly string[],
): Promise<ModuleBindings> {
  const bindings = new Map<string, ModuleValue>();
  for (const match of await queryMatches(context, bindingQuery(context.file.language))) {
    const source = stringValue(match.get('source'));
    const pattern = match.get('pattern');
    const value = match.get('value');
    if (source !== undefined && modules.includes(source)) {
      const clause = match.get('clause');
      const name = match.get('name');
      if (clause) {
        bindImportClause(clause, source, bindings);
      } else if (name) {
        bindings.set(name.text, { module: source, exported: undefined });
      }
    } else if (pattern && value) {
      const resolved = resolveModuleValue(value, bindings, modules);
      if (resolved) {
        bindPattern(pattern, resolved, bindings);
      }
    }
  }
  return bindings;
}

/** `require('m')` or `import('m')` of one of `modules`: the module's name. */
function requiredModule(call: Node, modules: readonly string[]): string | undefined {
  const callee = call.childForFieldName('function');
  if (callee?.text !== 'require' && callee?.type !== 'import') {
    return undefined;
  }
  const source = stringValue(call.childForFieldName('arguments')?.namedChildren[0]);
  return source !== undefined && modules.includes(source) ? source : undefined;
}

/**
 * What an expression evaluates to, if it is a module value: a bound name, `require('m')`,
 * `x.Export`, `require('m').verbose()` (node-sqlite3's verbose() returns the module itself).
 */
export function resolveModuleValue(
  node: Node | null | undefined,
  bindings: ModuleBindings,
  modules: readonly string[],
): ModuleValue | undefined {
  if (node === null || node === undefined) {
    return undefined;
  }
  const expression = unwrapExpression(node);
  if (expression.type === 'identifier') {
    return bindings.get(expression.text);
  }
  if (expression.type === 'call_expression') {
    const module = requiredModule(expression, modules);
    if (module !== undefined) {
      return { module, exported: undefined };
    }
    const callee = expression.childForFieldName('function');
    if (callee?.type === 'member_expression' && callee.childForFieldName('property')?.text === 'verbose') {
      const object = resolveModuleValue(callee.childForFieldName('object'), bindings, modules);
      return object?.exported === undefined ? object : undefined;
    }
    return undefined;
  }
  if (expression.type === 'member_expression') {
    const object = resolveModuleValue(expression.childForFieldName('object'), bindings, modules);
    const property = expression.childForFieldName('property');
    if (object !== undefined && object.exported === undefined && property?.type === 'property_identifier') {
      return { module: object.module, exported: property.text };
    }
  }
  return undefined;
}
