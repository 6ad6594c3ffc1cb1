// Source trees for the folder-scan tests: files written from a path -> content table, and the corpus's
// positive samples (test/fixtures/hints), whose marked lines say what a scan must find.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const hintCorpus = join(__dirname, '..', '..', 'test', 'fixtures', 'hints');

/** Writes every file (parents made as needed) under `root`. */
export function writeTree(root: string, files: Readonly<Record<string, string | Buffer>>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

export interface MarkedSample {
  /** The file's name in the corpus, e.g. "python-sync-call-in-async/sync_app.py". */
  readonly name: string;
  readonly text: string;
  /** "line:rule-id" per marked line, 1-based. */
  readonly expected: readonly string[];
}

const marker = /expect-hint:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;

/** "line:rule-id" for every line marked `expect-hint: <rule-id>` (1-based, as an editor shows them). */
export function expectedFindings(text: string): string[] {
  return text.split('\n').flatMap((line, index) => {
    const match = marker.exec(line);
    return match === null ? [] : match[1].split(',').map((id) => `${index + 1}:${id.trim()}`);
  });
}

/** Every file under `folder`, recursively. */
export function corpusFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? corpusFiles(path) : [path];
  });
}

/** The corpus's samples that some rule flags (empty while no rule has landed). */
export function markedSamples(): MarkedSample[] {
  let paths: string[];
  try {
    paths = corpusFiles(hintCorpus);
  } catch {
    return [];
  }
  return paths.sort().flatMap((path) => {
    const text = readFileSync(path, 'utf8');
    const expected = expectedFindings(text);
    return expected.length === 0 ? [] : [{ name: path.slice(hintCorpus.length + 1), text, expected }];
  });
}
