// The sentences every rendering of an explanation shares (terminal, Markdown): the headline, the
// counts by kind, where the lines are.
import type { LockErrorAnswer, LockErrorExplanation } from '../../engine/explain/explainLockError';

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export function explainHeadline(explanation: LockErrorExplanation): string {
  const lines = plural(explanation.linesRead, 'line');
  if (!explanation.recognised) {
    const where = explanation.linesRead === 1 ? 'this line' : `these ${lines}`;
    return `Not recognised: no SQLite lock error (SQLITE_BUSY, SQLITE_LOCKED, "database is locked", Prisma's timeout, a blocked checkpoint) in ${where}.`;
  }
  const causes = explanation.answers.length === 1 ? 'one cause' : `${explanation.answers.length} causes`;
  return `Recognised ${plural(
    explanation.answers.reduce((sum, answer) => sum + answer.count, 0),
    'lock-error line',
  )} in ${lines}: ${causes}.`;
}

/** "3 lines: database is locked ×2, SQLITE_BUSY ×1". */
export function kindCounts(answer: LockErrorAnswer): string {
  const kinds = Object.entries(answer.kinds).map(([kind, count]) => `${kind} ×${count}`);
  return `${plural(answer.count, 'line')}: ${kinds.join(', ')}`;
}

/** "line 4" / "lines 4, 9, 12 and 30 more". */
export function lineList(answer: LockErrorAnswer, shown = 8): string {
  const listed = answer.lines.slice(0, shown).join(', ');
  const more = answer.count - Math.min(shown, answer.lines.length);
  return `${answer.count === 1 ? 'line' : 'lines'} ${listed}${more > 0 ? ` and ${more} more` : ''}`;
}
