// JavaScript and TypeScript: SQLite connections (`new Database(p)` from better-sqlite3,
// `new DatabaseSync(p)` from node:sqlite, `new sqlite3.Database(p)` from sqlite3) and plain file
// calls from fs, fs/promises and fs-extra (`readFile`, `copyFile`, `createReadStream`, `open`, ...).
import type { Node } from 'web-tree-sitter';
import type { HintLanguage } from '../hintTypes';
import { stringLiteralValue } from '../stringLiteral';
import { isReadable } from '../syntaxTree';
import type { FileAccess, FileAccesses } from './fileAccess';
import { pathReferenceOf } from './pathReference';

const connectionClasses = ['better-sqlite3', 'node:sqlite.DatabaseSync', 'sqlite3.Database'];
const onePath = [
  'readFile',
  'readFileSync',
  'createReadStream',
  'createWriteStream',
  'open',
  'openSync',
  'writeFile',
  'writeFileSync',
];
const twoPaths = ['copyFile', 'copyFileSync', 'cp', 'cpSync', 'copy', 'copySync'];

/** The positions of a plain fs call's path arguments (none for other calls). */
function pathArguments(name: string): readonly number[] {
  const method = name.startsWith('fs.') ? name.slice('fs.'.length) : '';
  return twoPaths.includes(method) ? [0, 1] : onePath.includes(method) ? [0] : [];
}

/** One module name for the file system modules (their calls open files the same way). */
function moduleName(source: string): string {
  return ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra'].includes(source) ? 'fs' : source;
}

/** `require('x')` or `require('x').verbose()`: the module x. */
function requiredModule(value: Node | null): string | undefined {
  let call = value;
  if (call?.type === 'call_expression' && call.childForFieldName('function')?.type === 'member_expression') {
    // require('sqlite3').verbose() returns the module itself.
    const inner = call.childForFieldName('function')?.childForFieldName('object') ?? null;
    if (call.childForFieldName('function')?.childForFieldName('property')?.text === 'verbose') {
      call = inner;
    }
  }
  if (call?.type !== 'call_expression' || call.childForFieldName('function')?.text !== 'require') {
    return undefined;
  }
  const source = call.childForFieldName('arguments')?.namedChildren[0];
  const text = source === undefined ? undefined : stringLiteralValue(source);
  return text === undefined ? undefined : moduleName(text);
}

/** Local name -> what it is bound to: a module (`fs`, `better-sqlite3`) or a member of one (`fs.copyFile`). */
function javascriptBindings(root: Node): Map<string, string> {
  const names = new Map<string, string>();
  for (const declarator of root.descendantsOfType('variable_declarator')) {
    const module = requiredModule(declarator.childForFieldName('value'));
    const name = declarator.childForFieldName('name');
    if (module === undefined || name === null) {
      continue;
    }
    if (name.type === 'identifier') {
      names.set(name.text, module);
    } else if (name.type === 'object_pattern') {
      for (const property of name.namedChildren) {
        if (property.type === 'shorthand_property_identifier_pattern') {
          names.set(property.text, `${module}.${property.text}`);
        } else if (property.type === 'pair_pattern') {
          const key = property.childForFieldName('key')?.text;
          const value = property.childForFieldName('value');
          if (key !== undefined && value?.type === 'identifier') {
            names.set(value.text, key === 'promises' ? module : `${module}.${key}`);
          }
        }
      }
    }
  }
  for (const statement of root.descendantsOfType('import_statement')) {
    const source = statement.childForFieldName('source');
    const text = source === null ? undefined : stringLiteralValue(source);
    if (text === undefined) {
      continue;
    }
    const module = moduleName(text);
    for (const clause of statement.descendantsOfType([
      'import_clause',
      'namespace_import',
      'import_specifier',
    ])) {
      if (clause.type === 'import_clause') {
        const local = clause.namedChildren.find((child) => child.type === 'identifier');
        if (local !== undefined) {
          names.set(local.text, module);
        }
      } else if (clause.type === 'namespace_import') {
        const local = clause.namedChildren.find((child) => child.type === 'identifier');
        if (local !== undefined) {
          names.set(local.text, module);
        }
      } else {
        const imported = clause.childForFieldName('name')?.text;
        const local = clause.childForFieldName('alias')?.text ?? imported;
        if (imported !== undefined && local !== undefined) {
          names.set(local, imported === 'promises' ? module : `${module}.${imported}`);
        }
      }
    }
  }
  return names;
}

function qualifiedName(expression: Node, names: ReadonlyMap<string, string>): string | undefined {
  if (!/^[\w$.]+$/.test(expression.text)) {
    return undefined;
  }
  const [head, ...rest] = expression.text.split('.');
  const bound = names.get(head);
  return bound === undefined ? undefined : [bound, ...rest].join('.').replace(/^fs\.promises\./, 'fs.');
}

export function javascriptFileAccesses(root: Node, language: HintLanguage): FileAccesses {
  const names = javascriptBindings(root);
  const connections: FileAccess[] = [];
  const plainIo: FileAccess[] = [];
  for (const node of root.descendantsOfType(['new_expression', 'call_expression'])) {
    const callee = node.childForFieldName(node.type === 'new_expression' ? 'constructor' : 'function');
    const name = callee === null ? undefined : qualifiedName(callee, names);
    if (callee === null || name === undefined || !isReadable(node)) {
      continue;
    }
    const args = node.childForFieldName('arguments')?.namedChildren ?? [];
    if (node.type === 'new_expression' && connectionClasses.includes(name)) {
      const path = args[0] === undefined ? undefined : pathReferenceOf(args[0], language);
      if (path !== undefined) {
        connections.push({ node, callee: `new ${callee.text}`, path });
      }
    }
    for (const index of node.type === 'call_expression' ? pathArguments(name) : []) {
      const path = args[index] === undefined ? undefined : pathReferenceOf(args[index], language);
      if (path !== undefined) {
        plainIo.push({ node, callee: callee.text, path });
      }
    }
  }
  return { connections, plainIo };
}
