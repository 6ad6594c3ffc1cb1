// Git's ignore rules for a folder walk: every .gitignore on the way down (nested ones too), those of the
// folders between the repository's top and the scanned folder, and .git/info/exclude. The `ignore`
// package matches the patterns as git does; this file only decides which rules apply where.
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** The rules of one folder's .gitignore (or info/exclude, which applies from the top). */
interface IgnoreLevel {
  /** The folder the patterns are relative to, absolute. */
  readonly base: string;
  readonly rules: Ignore;
}

/** The levels that apply inside a folder, deepest first: git's order of precedence. */
export type IgnoreLevels = readonly IgnoreLevel[];

async function readIgnoreFile(path: string): Promise<Ignore | undefined> {
  try {
    return ignore().add(await readFile(path, 'utf8'));
  } catch {
    // Absent or unreadable: no rules, as git behaves.
    return undefined;
  }
}

async function isGitTop(folder: string): Promise<boolean> {
  try {
    await stat(join(folder, '.git'));
    return true;
  } catch {
    return false;
  }
}

/** The repository's top folder holding `folder`, or undefined outside a repository. */
async function gitTopOf(folder: string): Promise<string | undefined> {
  for (let current = folder; ; current = dirname(current)) {
    if (await isGitTop(current)) {
      return current;
    }
    if (dirname(current) === current) {
      return undefined;
    }
  }
}

/**
 * The levels in force above `root` (absolute): the .gitignore files of its ancestors up to the
 * repository's top, then info/exclude. Root's own .gitignore comes with ignoreLevelsInside(root).
 */
export async function ignoreLevelsAbove(root: string): Promise<IgnoreLevels> {
  const top = await gitTopOf(root);
  if (top === undefined) {
    return [];
  }
  const levels: IgnoreLevel[] = [];
  for (let folder = root; folder !== top;) {
    folder = dirname(folder);
    const rules = await readIgnoreFile(join(folder, '.gitignore'));
    if (rules !== undefined) {
      levels.push({ base: folder, rules });
    }
  }
  const exclude = await readIgnoreFile(join(top, '.git', 'info', 'exclude'));
  return exclude === undefined ? levels : [...levels, { base: top, rules: exclude }];
}

/** The levels inside `folder`: its own .gitignore (if any) on top of its parent's levels. */
export async function ignoreLevelsInside(folder: string, parentLevels: IgnoreLevels): Promise<IgnoreLevels> {
  const rules = await readIgnoreFile(join(folder, '.gitignore'));
  return rules === undefined ? parentLevels : [{ base: folder, rules }, ...parentLevels];
}

/**
 * Whether git ignores `path` (absolute). The deepest level that says something decides: a deeper
 * `!pattern` re-includes what a shallower one excluded.
 */
export function isGitIgnored(path: string, isFolder: boolean, levels: IgnoreLevels): boolean {
  for (const level of levels) {
    const relativePath = relative(level.base, path).split(sep).join('/');
    const verdict = level.rules.test(isFolder ? `${relativePath}/` : relativePath);
    if (verdict.ignored || verdict.unignored) {
      return verdict.ignored;
    }
  }
  return false;
}
