// prisma-sqlite-concurrent-writers: Prisma's built-in engine (Prisma <= 6, the `url` in the schema)
// reports SQLITE_BUSY as a timeout ("Timed out during query execution", "Socket timeout") and has no
// busy-timeout setting, so concurrent writers fail. Prisma 7 schemas have no `url` (it moved to
// prisma.config.ts with a driver adapter, where the driver's own timeout applies): not reported.
import type { HintRule, RawFinding, RuleContext } from '../hintRule';
import { prismaString, readPrismaSchema, type PrismaBlock } from './prismaSchema';

function setting(block: PrismaBlock, key: string): PrismaBlock['settings'][number] | undefined {
  return block.settings.find((entry) => entry.key === key);
}

/** `previewFeatures = ["driverAdapters"]`: queries may run through a JavaScript driver instead. */
function usesDriverAdapters(blocks: PrismaBlock[]): boolean {
  return blocks.some(
    (block) =>
      block.kind === 'generator' &&
      (setting(block, 'previewFeatures')?.value.includes('"driverAdapters"') ?? false),
  );
}

/** `connection_limit=1` in a literal URL: the process's own queries no longer compete for the lock. */
function limitedToOneConnection(url: string | undefined): boolean {
  return url !== undefined && /[?&]connection_limit=1(?:&|$)/.test(url);
}

export const prismaSqliteConcurrentWriters: HintRule = {
  info: {
    id: 'prisma-sqlite-concurrent-writers',
    languages: ['prisma'],
    message:
      'Prisma with SQLite: concurrent writers fail, because Prisma reports SQLITE_BUSY as a timeout ("Timed out during query execution", "Socket timeout") and offers no busy-timeout setting.',
    severity: 'information',
    fix: 'Add `?connection_limit=1` to the SQLite URL (one connection per process, as Prisma suggests), keep writes in one process, or use Prisma 7 with the better-sqlite3 driver adapter.',
  },
  check(context: RuleContext): RawFinding[] {
    const blocks = readPrismaSchema(context.file.text);
    if (usesDriverAdapters(blocks)) {
      return [];
    }
    return blocks.flatMap((block) => {
      const provider = setting(block, 'provider');
      const url = setting(block, 'url');
      if (
        block.kind !== 'datasource' ||
        provider === undefined ||
        prismaString(provider.value) !== 'sqlite'
      ) {
        return [];
      }
      if (url === undefined || limitedToOneConnection(prismaString(url.value))) {
        return [];
      }
      return [
        {
          range: {
            startLine: provider.line,
            startColumn: provider.startColumn,
            endLine: provider.line,
            endColumn: provider.endColumn,
          },
        },
      ];
    });
  },
};
