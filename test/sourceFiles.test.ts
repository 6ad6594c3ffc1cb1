// The folder walk behind the workspace scan and `hints DIR`: the files it lists are the ones git itself
// calls untracked-and-not-ignored (git is the independent judge of .gitignore semantics), minus other
// people's code, minus the editor's excludes, never through a symbolic link.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { listSourceFiles } from '../src/engine/hints/sourceFiles';
import { sourceLanguageOf } from '../src/engine/hints/sourceLanguage';
import { tempFolderFor } from './support/tempDatabase';
import { writeTree } from './support/sourceTree';

const code = 'x = 1\n';

async function listed(root: string, excludeGlobs?: string[]): Promise<string[]> {
  const files = await listSourceFiles(root, excludeGlobs === undefined ? {} : { excludeGlobs });
  return files.map((path) => relative(root, path));
}

/** What git lists as untracked and not ignored under `folder`, source files only, relative to it. */
function gitUntracked(folder: string): string[] {
  const output = execFileSync('git', ['ls-files', '--others', '--exclude-standard'], {
    cwd: folder,
    encoding: 'utf8',
  });
  return output
    .split('\n')
    .filter((path) => path !== '' && sourceLanguageOf(path) !== undefined)
    .sort();
}

function gitRepository(t: { after: (fn: () => void) => void }): string {
  const root = tempFolderFor(t);
  execFileSync('git', ['init', '--quiet'], { cwd: root });
  writeTree(root, {
    '.gitignore': '*.gen.py\n!keep.gen.py\nbuild/\n/top_only.py\nlogs/**/*.js\n',
    '.git/info/exclude': 'scratch/\n',
    'app.py': code,
    'top_only.py': code,
    'a.gen.py': code,
    'keep.gen.py': code,
    'build/out.js': code,
    'scratch/try.go': code,
    'logs/2026/x.js': code,
    'notes.txt': code,
    'src/main.go': code,
    'src/types.d.ts': code,
    'src/top_only.py': code,
    'src/deep/.gitignore': 'local_*.py\n!local_keep.py\n*.ts\n',
    'src/deep/local_a.py': code,
    'src/deep/local_keep.py': code,
    'src/deep/index.ts': code,
    'src/deep/index.tsx': code,
    'src/deep/b.gen.py': code,
    'web/schema.prisma': code,
  });
  return root;
}

test('a git repository: exactly the source files git reports as not ignored', async (t) => {
  const root = gitRepository(t);
  const files = await listed(root);
  assert.deepEqual(files, gitUntracked(root));
  // The walk is not vacuous: nested rules, negations and info/exclude all took part.
  assert.ok(files.includes('src/deep/local_keep.py') && !files.includes('src/deep/local_a.py'));
  assert.ok(files.includes('keep.gen.py') && !files.includes('a.gen.py'));
  assert.ok(!files.some((path) => path.startsWith('scratch/') || path.startsWith('build/')));
});

test('a subfolder of a repository: the .gitignore files above it still apply', async (t) => {
  const root = gitRepository(t);
  const files = await listed(join(root, 'src'));
  assert.deepEqual(files, gitUntracked(join(root, 'src')));
  assert.ok(!files.includes('deep/b.gen.py'), 'the top .gitignore ignores *.gen.py in src/deep too');
});

test('dependencies and Python environments are skipped even where no .gitignore lists them', async (t) => {
  const root = tempFolderFor(t);
  writeTree(root, {
    'app.py': code,
    'web/server.js': code,
    'node_modules/express/index.js': code,
    'web/node_modules/lib/index.js': code,
    'vendor/github.com/mattn/go-sqlite3/sqlite3.go': code,
    'env/pyvenv.cfg': 'home = /usr/bin\n',
    'env/lib/python3.12/site-packages/sqlalchemy/orm.py': code,
    'conda/conda-meta/history': '',
    'conda/lib/thing.py': code,
    '.git/hooks/hook.py': code,
  });
  assert.deepEqual(await listed(root), ['app.py', 'web/server.js']);
});

test("the editor's exclude globs leave out matching files and folders", async (t) => {
  const root = tempFolderFor(t);
  writeTree(root, {
    'app.py': code,
    'app.test.ts': code,
    'src/generated/client.ts': code,
    'src/handwritten.ts': code,
    'docs/example.py': code,
    'docs/deeper/example.py': code,
    '.hidden/tool.py': code,
  });
  const files = await listed(root, ['**/*.test.ts', '**/generated', 'docs/*.py', '{.hidden,other}']);
  assert.deepEqual(files, ['app.py', 'docs/deeper/example.py', 'src/handwritten.ts']);
});

test('symbolic links are not followed: no file twice, no loop, nothing from outside', async (t) => {
  const root = tempFolderFor(t);
  const outside = tempFolderFor(t);
  writeTree(root, { 'app.py': code, 'lib/util.py': code });
  writeTree(outside, { 'elsewhere.py': code });
  symlinkSync(join(root, 'lib'), join(root, 'lib-link'));
  symlinkSync(root, join(root, 'lib', 'loop'));
  symlinkSync(outside, join(root, 'outside'));
  symlinkSync(join(root, 'app.py'), join(root, 'app-link.py'));
  assert.deepEqual(await listed(root), ['app.py', 'lib/util.py']);
});

test('a folder without sources lists nothing; a missing folder is an error for the caller', async (t) => {
  const root = tempFolderFor(t);
  mkdirSync(join(root, 'empty'));
  writeTree(root, { 'README.md': '# x\n' });
  assert.deepEqual(await listed(root), []);
  await assert.rejects(listSourceFiles(join(root, 'missing')), { code: 'ENOENT' });
});
