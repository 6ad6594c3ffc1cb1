// Parses source files with tree-sitter (web-tree-sitter and the grammars VS Code itself ships in
// @vscode/tree-sitter-wasm). The .wasm files are copied by esbuild.mjs into a `tree-sitter` folder next
// to every bundle, so the CLI, the extension's worker, the tests and the VSIX find them the same way.
import { join } from 'node:path';
import { Language, Parser, Query, type Tree } from 'web-tree-sitter';
import type { HintLanguage } from './hintTypes';

/** The languages parsed with a tree-sitter grammar (Prisma schemas are read by their own reader). */
export type TreeSitterLanguage = Exclude<HintLanguage, 'prisma'>;

/** Grammar file names as @vscode/tree-sitter-wasm ships them; esbuild.mjs copies these. */
export const grammarFiles: Readonly<Record<TreeSitterLanguage, string>> = {
  python: 'tree-sitter-python.wasm',
  javascript: 'tree-sitter-javascript.wasm',
  typescript: 'tree-sitter-typescript.wasm',
  tsx: 'tree-sitter-tsx.wasm',
  go: 'tree-sitter-go.wasm',
};

export const treeSitterFolder = join(__dirname, 'tree-sitter');

let ready: Promise<void> | undefined;
const languages = new Map<TreeSitterLanguage, Promise<Language>>();
const parsers = new Map<TreeSitterLanguage, Parser>();
const queries = new Map<string, Query>();

function init(): Promise<void> {
  ready ??= Parser.init({ locateFile: (name: string) => join(treeSitterFolder, name) });
  return ready;
}

/** The grammar, loaded once per process. */
export async function loadLanguage(language: TreeSitterLanguage): Promise<Language> {
  await init();
  let loaded = languages.get(language);
  if (loaded === undefined) {
    loaded = Language.load(join(treeSitterFolder, grammarFiles[language]));
    languages.set(language, loaded);
  }
  return loaded;
}

/** A syntax tree of `text`; the caller deletes it (`tree.delete()`) when done, wasm memory is not GC'd. */
export async function parseSource(language: TreeSitterLanguage, text: string): Promise<Tree> {
  const grammar = await loadLanguage(language);
  let parser = parsers.get(language);
  if (parser === undefined) {
    parser = new Parser();
    parser.setLanguage(grammar);
    parsers.set(language, parser);
  }
  const tree = parser.parse(text);
  if (tree === null) {
    throw new Error(`tree-sitter returned no tree for a ${language} file`);
  }
  return tree;
}

/** A compiled query, cached per language and source text (compiling costs more than running). */
export async function treeQuery(language: TreeSitterLanguage, source: string): Promise<Query> {
  const key = `${language}\u0000${source}`;
  let query = queries.get(key);
  if (query === undefined) {
    query = new Query(await loadLanguage(language), source);
    queries.set(key, query);
  }
  return query;
}
