// A folder's findings: every source file listSourceFiles finds, read and analysed one after another.
// Files that cannot or should not be analysed are counted with the reason instead of failing the scan.
import { readFile, stat } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { type AnalyzeOptions, analyzeSource } from './analyzeSource';
import { generatedReason } from './generatedSource';
import type { FolderFindings, HintFinding } from './hintTypes';
import { type SourceFileOptions, listSourceFiles } from './sourceFiles';
import { sourceLanguageOf } from './sourceLanguage';

export interface AnalyzeFolderOptions extends AnalyzeOptions, SourceFileOptions {
  /** Larger files are skipped (bundles, data dumps); default 1 MB. */
  readonly maxFileBytes?: number;
}

export const defaultMaxFileBytes = 1_000_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

type ReadOutcome = { readonly text: string } | { readonly skipped: string };

async function readSource(path: string, maxFileBytes: number): Promise<ReadOutcome> {
  try {
    const { size } = await stat(path);
    if (size > maxFileBytes) {
      return { skipped: `larger than ${formatBytes(maxFileBytes)} (${formatBytes(size)})` };
    }
    const bytes = await readFile(path);
    try {
      return { text: utf8.decode(bytes) };
    } catch {
      return { skipped: 'not UTF-8' };
    }
  } catch (error) {
    return { skipped: `unreadable (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
}

function formatBytes(bytes: number): string {
  return bytes >= 1_000_000 ? `${+(bytes / 1_000_000).toFixed(1)} MB` : `${+(bytes / 1_000).toFixed(1)} kB`;
}

export async function analyzeFolder(
  root: string,
  options: AnalyzeFolderOptions = {},
): Promise<FolderFindings> {
  const top = resolve(root);
  const maxFileBytes = options.maxFileBytes ?? defaultMaxFileBytes;
  const paths = await listSourceFiles(top, options);
  const findings: HintFinding[] = [];
  const filesSkipped: { path: string; reason: string }[] = [];
  let filesScanned = 0;
  for (const path of paths) {
    const name = relative(top, path).split(sep).join('/');
    const outcome = await readSource(path, maxFileBytes);
    const reason = 'skipped' in outcome ? outcome.skipped : generatedReason(path, outcome.text);
    if (reason !== undefined || !('text' in outcome)) {
      filesSkipped.push({ path: name, reason: reason ?? 'unreadable' });
      continue;
    }
    try {
      const file = { path: name, text: outcome.text, language: sourceLanguageOf(path)! };
      findings.push(...(await analyzeSource(file, options)));
      filesScanned += 1;
    } catch (error) {
      // One file the parser or a rule chokes on must not hide the rest of the folder's findings.
      filesSkipped.push({ path: name, reason: `could not be analysed (${String(error)})` });
    }
  }
  return { findings, filesScanned, filesSkipped };
}
