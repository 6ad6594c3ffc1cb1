// "Explain this error": which public cause a pasted error or log shows, the preset that reproduces it and
// the fix. Each line is classified by the ONE list of lock-error kinds (../appOutput/lockErrorKinds.ts);
// the text around it (timeouts, elapsed time, a deferred BEGIN, the driver) picks the cause. Nothing
// matched means "not recognised", never a guess. Pure: no Node, no vscode.
import { classifyLockError, type LockErrorKind } from '../appOutput/lockErrorKinds';
import { errorSourceAt, type ErrorSource } from './errorSources';
import { explainScenario, type ExplainScenario, type ExplainScenarioId } from './explainScenarios';
import {
  configuredTimeoutsMs,
  deferredUpgradeEvident,
  earlyFailure,
  elapsedMs,
  zeroTimeout,
} from './timingEvidence';

/** A pasted error is read whole for its driver; in a longer log, only the lines around each error. */
const wholeTextLines = 200;
const contextLines = 20;
/** How far from the error its elapsed time may be printed (Rails prints it two lines later). */
const elapsedLines = 5;
/** Line numbers kept per answer (the count is still exact). */
export const shownLineNumbers = 100;

export interface LockErrorAnswer {
  readonly scenario: ExplainScenario;
  /** Lines recognised for this scenario. */
  readonly count: number;
  /** How many lines of each kind, in the lock-error list's order. */
  readonly kinds: Partial<Record<LockErrorKind, number>>;
  /** 1-based, the first `shownLineNumbers`. */
  readonly lines: number[];
  /** The first recognised line, as written (the caller escapes it for its medium). */
  readonly example: string;
  /** The drivers or frameworks whose words the text carries, first seen first. */
  readonly sources: ErrorSource[];
  /** Why this cause rather than the plain meaning of the message, when the text showed it. */
  readonly evidence?: string;
}

export interface LockErrorExplanation {
  readonly recognised: boolean;
  readonly linesRead: number;
  /** One per cause, most lines first. */
  readonly answers: LockErrorAnswer[];
}

interface LineVerdict {
  scenario: ExplainScenarioId;
  evidence?: string;
}

/** The failing call's time: on its own line, else on the nearest line within `elapsedLines`. */
function nearestElapsedMs(lines: readonly string[], index: number): number | undefined {
  for (let distance = 0; distance <= elapsedLines; distance++) {
    for (const at of distance === 0 ? [index] : [index - distance, index + distance]) {
      const found = at >= 0 && at < lines.length ? elapsedMs(lines[at]) : undefined;
      if (found !== undefined) {
        return found;
      }
    }
  }
  return undefined;
}

function busyVerdict(lines: readonly string[], index: number, timeoutsMs: readonly number[]): LineVerdict {
  const line = lines[index];
  const early = earlyFailure(nearestElapsedMs(lines, index), timeoutsMs);
  if (early !== undefined) {
    return {
      scenario: 'failed-before-timeout',
      evidence: `it failed after ${early.elapsedMs} ms with a ${early.timeoutMs} ms busy timeout`,
    };
  }
  if (deferredUpgradeEvident(lines.slice(Math.max(0, index - contextLines), index), line)) {
    return {
      scenario: 'deferred-upgrade',
      evidence: 'a deferred BEGIN, then a SELECT, then the write that failed',
    };
  }
  if (zeroTimeout(timeoutsMs)) {
    return { scenario: 'no-timeout', evidence: 'the text sets the busy timeout to 0' };
  }
  return { scenario: 'busy-timeout-exceeded' };
}

function verdictFor(
  kind: LockErrorKind,
  lines: readonly string[],
  index: number,
  timeoutsMs: readonly number[],
): LineVerdict {
  switch (kind) {
    case 'checkpoint blocked':
      return { scenario: 'checkpoint-blocked' };
    case 'SQLITE_BUSY_SNAPSHOT':
      return { scenario: 'deferred-upgrade', evidence: 'SQLITE_BUSY_SNAPSHOT (517) is only returned there' };
    case 'SQLITE_LOCKED':
    case 'database table is locked':
      return { scenario: 'shared-cache-locked' };
    case 'SQLITE_BUSY_RECOVERY':
      return { scenario: 'wal-recovery' };
    case 'prisma timeout':
      return { scenario: 'prisma-timeout' };
    case 'SQLITE_BUSY':
    case 'database is locked':
      return busyVerdict(lines, index, timeoutsMs);
  }
}

interface Tally {
  verdict: LineVerdict;
  count: number;
  kinds: Partial<Record<LockErrorKind, number>>;
  lines: number[];
  example: string;
  sources: ErrorSource[];
}

/** Explains every lock error in `text` (an error message, a traceback or log lines). */
export function explainLockError(text: string): LockErrorExplanation {
  // A final line break ends the last line; it does not start another.
  const lines = text.replace(/(?:\r\n|\r|\n)$/, '').split(/\r\n|\r|\n/);
  const tallies = new Map<ExplainScenarioId, Tally>();
  const timeoutsMs = configuredTimeoutsMs(text);
  lines.forEach((line, index) => {
    const kind = classifyLockError(line);
    if (kind === undefined) {
      return;
    }
    const verdict = verdictFor(kind, lines, index, timeoutsMs);
    const context =
      lines.length <= wholeTextLines
        ? text
        : lines.slice(Math.max(0, index - contextLines), index + contextLines + 1).join('\n');
    const source = errorSourceAt(line, context);
    let tally = tallies.get(verdict.scenario);
    if (tally === undefined) {
      tally = { verdict, count: 0, kinds: {}, lines: [], example: line.trim(), sources: [] };
      tallies.set(verdict.scenario, tally);
    }
    tally.count += 1;
    tally.kinds[kind] = (tally.kinds[kind] ?? 0) + 1;
    if (tally.lines.length < shownLineNumbers) {
      tally.lines.push(index + 1);
    }
    if (source !== undefined && !tally.sources.some((known) => known.id === source.id)) {
      tally.sources.push(source);
    }
  });
  const answers = [...tallies.values()]
    .sort((a, b) => b.count - a.count || a.lines[0] - b.lines[0])
    .map((tally): LockErrorAnswer => ({
      scenario: explainScenario(tally.verdict.scenario),
      count: tally.count,
      kinds: tally.kinds,
      lines: tally.lines,
      example: tally.example,
      sources: tally.sources,
      ...(tally.verdict.evidence === undefined ? {} : { evidence: tally.verdict.evidence }),
    }));
  return { recognised: answers.length > 0, linesRead: lines.length, answers };
}
