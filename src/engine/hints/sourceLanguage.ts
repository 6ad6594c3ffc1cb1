// Which language a file is analysed as, by its name; undefined for files no rule reads.
import { basename, extname } from 'node:path';
import type { HintLanguage } from './hintTypes';

const byExtension: Readonly<Record<string, HintLanguage>> = {
  '.py': 'python',
  '.pyi': 'python',
  '.js': 'javascript',
  '.cjs': 'javascript',
  '.mjs': 'javascript',
  '.jsx': 'javascript',
  '.ts': 'typescript',
  '.cts': 'typescript',
  '.mts': 'typescript',
  '.tsx': 'tsx',
  '.go': 'go',
  '.prisma': 'prisma',
};

export function sourceLanguageOf(path: string): HintLanguage | undefined {
  if (basename(path).endsWith('.d.ts')) {
    return undefined;
  }
  return byExtension[extname(path).toLowerCase()];
}
