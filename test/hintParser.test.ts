// The grammars load from the copied .wasm files and parse every language the rules read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { grammarFiles, parseSource, type TreeSitterLanguage } from '../src/engine/hints/sourceParser';
import { sourceLanguageOf } from '../src/engine/hints/sourceLanguage';

const samples: Record<TreeSitterLanguage, string> = {
  python: 'async def read_items():\n    return db.query(Item).all()\n',
  javascript: "const db = new DatabaseSync('app.db');\n",
  typescript: "const db: Database = new DatabaseSync('app.db', { timeout: 5000 });\n",
  tsx: 'export const App = () => <div>{db.prepare("SELECT 1").get()}</div>;\n',
  go: 'package main\nfunc main() { db, _ := sql.Open("sqlite3", "app.db"); _ = db }\n',
};

for (const language of Object.keys(grammarFiles) as TreeSitterLanguage[]) {
  test(`a ${language} file parses without syntax errors`, async () => {
    const tree = await parseSource(language, samples[language]);
    try {
      assert.equal(tree.rootNode.hasError, false, tree.rootNode.toString());
      assert.ok(tree.rootNode.namedChildCount > 0);
    } finally {
      tree.delete();
    }
  });
}

test('a broken file still parses, with the error marked (rules skip what they cannot read)', async () => {
  const tree = await parseSource('python', 'async def (:\n');
  try {
    assert.equal(tree.rootNode.hasError, true);
  } finally {
    tree.delete();
  }
});

test('files are analysed by their extension; declaration files and unknown kinds are not', () => {
  assert.equal(sourceLanguageOf('app/main.py'), 'python');
  assert.equal(sourceLanguageOf('src/db.mts'), 'typescript');
  assert.equal(sourceLanguageOf('src/App.tsx'), 'tsx');
  assert.equal(sourceLanguageOf('prisma/schema.prisma'), 'prisma');
  assert.equal(sourceLanguageOf('types/index.d.ts'), undefined);
  assert.equal(sourceLanguageOf('README.md'), undefined);
});
