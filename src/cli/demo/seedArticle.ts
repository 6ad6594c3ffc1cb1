// What the real FastAPI app of the seed scenario gives (docs/sqlite-locking.md, "The seed scenario,
// measured"), and how the demo's probe matrix compares with it. Only the demo uses this.
import type { ExecutionModel } from '../../engine/options/executionModels';
import type { ProbeResult } from '../../engine/probe/probeTypes';
import { formatMs } from '../../engine/text/formatMs';
import { outcomeAtMs } from '../../report/resultTables';

interface SessionExpectation {
  outcome: 'committed' | 'failed';
  atMs: number;
  code?: string;
}

export interface SeedExpectation {
  A: SessionExpectation;
  B: SessionExpectation;
  rows: number;
}

/** Same in DELETE and WAL: the cause is the blocked event loop, not the journal. */
export function seedArticleExpectation(model: ExecutionModel): SeedExpectation {
  return model === 'blocking'
    ? {
        A: { outcome: 'failed', atMs: 5500, code: 'SQLITE_BUSY' },
        B: { outcome: 'committed', atMs: 5500 },
        rows: 1,
      }
    : { A: { outcome: 'committed', atMs: 1100 }, B: { outcome: 'committed', atMs: 1100 }, rows: 2 };
}

/** Timers fire late, not early, on a busy machine: allow a little early and more late. */
export const seedTolerance = { earlyMs: 150, lateMs: 1500 };

export function matchesSeedArticle(result: ProbeResult): string[] {
  const expected = seedArticleExpectation(result.config.model);
  const problems: string[] = [];
  for (const name of ['A', 'B'] as const) {
    const session = result.sessions.find((candidate) => candidate.name === name);
    const want = expected[name];
    if (!session) {
      problems.push(`no session ${name}`);
      continue;
    }
    if (session.outcome !== want.outcome) {
      problems.push(`${name} ${session.outcome}, the article: ${want.outcome}`);
    }
    if (want.code && session.error?.code !== want.code) {
      problems.push(`${name} error ${session.error?.code ?? 'none'}, the article: ${want.code}`);
    }
    const at = outcomeAtMs(session);
    if (at === undefined || at < want.atMs - seedTolerance.earlyMs || at > want.atMs + seedTolerance.lateMs) {
      problems.push(
        `${name} at ${at === undefined ? '?' : formatMs(at)}, the article: ${formatMs(want.atMs)}`,
      );
    }
  }
  if (result.rows.found !== expected.rows) {
    problems.push(`${result.rows.found} rows, the article: ${expected.rows}`);
  }
  return problems;
}

export function compareWithSeedArticle(
  cells: { model: ExecutionModel; journal: string; result?: ProbeResult; error?: string }[],
) {
  const lines = ['Compared with the article (the real FastAPI app):'];
  let allMatch = true;
  for (const cell of cells) {
    const problems = cell.result ? matchesSeedArticle(cell.result) : [cell.error ?? 'no result'];
    allMatch &&= problems.length === 0;
    lines.push(
      `  ${cell.model.padEnd(9)} ${cell.journal.padEnd(6)} ${problems.length === 0 ? 'matches' : `differs: ${problems.join('; ')}`}`,
    );
  }
  return { allMatch, lines };
}
