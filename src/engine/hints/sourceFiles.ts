// The source files of a folder that the hints read: what a person would call "my code". Git's ignore
// rules apply (nested .gitignore files, .git/info/exclude), and so do the editor's exclude globs;
// dependencies and environments are skipped even where no .gitignore lists them. Symbolic links are
// not followed (as ripgrep does): a linked folder may loop or leave the tree, a linked file would be
// reported twice.
import type { Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { type IgnoreLevels, ignoreLevelsAbove, ignoreLevelsInside, isGitIgnored } from './gitIgnoreRules';
import { sourceLanguageOf } from './sourceLanguage';

export interface SourceFileOptions {
  /** VS Code style globs relative to the root (the keys of files.exclude / search.exclude). */
  readonly excludeGlobs?: readonly string[];
}

/** Folders of other people's code or of tools, by name: never the user's sources. */
const dependencyFolders: ReadonlySet<string> = new Set([
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  'bower_components',
  'jspm_packages',
  'vendor',
  'site-packages',
  '__pycache__',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.venv',
]);

/** Marker files of a Python environment (virtualenv/venv, conda) whatever the folder is called. */
const environmentMarkers: readonly string[] = ['pyvenv.cfg', 'conda-meta'];

function isEnvironment(entries: readonly Dirent[]): boolean {
  return entries.some((entry) => environmentMarkers.includes(entry.name));
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** Absolute paths of the files under `root` that a hint rule reads (sourceLanguageOf knows them), sorted. */
export async function listSourceFiles(root: string, options: SourceFileOptions = {}): Promise<string[]> {
  const top = resolve(root);
  const excluded = picomatch([...(options.excludeGlobs ?? [])], { dot: true });
  const isExcluded = (path: string): boolean =>
    (options.excludeGlobs?.length ?? 0) > 0 && excluded(toPosix(relative(top, path)));
  const found: string[] = [];

  async function walk(folder: string, levels: IgnoreLevels): Promise<void> {
    const entries = await readdir(folder, { withFileTypes: true });
    if (folder !== top && isEnvironment(entries)) {
      return;
    }
    const inside = await ignoreLevelsInside(folder, levels);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!dependencyFolders.has(entry.name) && !isExcluded(path) && !isGitIgnored(path, true, inside)) {
          await walkReadable(path, inside);
        }
      } else if (
        entry.isFile() &&
        sourceLanguageOf(entry.name) !== undefined &&
        !isExcluded(path) &&
        !isGitIgnored(path, false, inside)
      ) {
        found.push(path);
      }
    }
  }

  /** A subfolder that cannot be listed (permissions) is left out, as git and ripgrep do. */
  async function walkReadable(folder: string, levels: IgnoreLevels): Promise<void> {
    try {
      await walk(folder, levels);
    } catch (error) {
      if (!isFileSystemError(error)) {
        throw error;
      }
    }
  }

  // The root itself must be listable: its failure is the caller's to report.
  await walk(top, await ignoreLevelsAbove(top));
  return found.sort();
}

function isFileSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
