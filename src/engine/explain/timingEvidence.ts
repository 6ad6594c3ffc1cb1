// What an error's text says about time: the busy timeout it was configured with, how long the failing
// call took, and whether a deferred transaction read before it wrote. Read only when written out
// plainly, never inferred: "timeout=10" without a unit is not read (seconds in Python, ms elsewhere).

/** "well before": a failure within this fraction of the configured timeout did not wait it out. */
export const earlyFraction = 0.5;

const number = String.raw`(\d[\d_,]*(?:\.\d+)?)`;
const unit = String.raw`(ms|msec|milliseconds?|s|secs?|seconds?)`;

/** busy_timeout, busyTimeout, _busy_timeout, "busy timeout": SQLite's unit, milliseconds, unless one is named. */
const busyTimeoutValue = new RegExp(
  String.raw`(?<![A-Za-z])busy[_ ]?timeout\b\W{0,4}?${number}\s*${unit}?(?![\w.])`,
  'gi',
);
/** sqlite3.connect(..., timeout=N): seconds. */
const pythonConnectTimeout = new RegExp(String.raw`sqlite3\.connect\([^)]*\btimeout\s*=\s*${number}`, 'g');
/** "timeout: 30s", "timeout=5000 ms": only with a unit. */
const timeoutWithUnit = new RegExp(String.raw`\btimeout\b\W{0,4}?${number}\s*${unit}(?![\w.])`, 'gi');
const elapsedValue = new RegExp(
  String.raw`\b(?:after|took|elapsed|waited|duration)\b\W{0,4}?${number}\s*${unit}(?![\w.])`,
  'gi',
);
/** Rails: "Completed 500 Internal Server Error in 5060ms". */
const railsCompleted = new RegExp(String.raw`\bCompleted \d{3}\b.*?\bin ${number}\s*(ms)\b`, 'g');

function toMs(value: string, unitText: string | undefined, defaultUnit: 'ms' | 's'): number {
  const amount = Number(value.replace(/[_,]/g, ''));
  const seconds = unitText === undefined ? defaultUnit === 's' : /^s/i.test(unitText);
  return seconds ? amount * 1000 : amount;
}

function allMatches(pattern: RegExp, text: string, defaultUnit: 'ms' | 's'): number[] {
  return [...text.matchAll(pattern)].map((match) => toMs(match[1], match[2], defaultUnit));
}

/** The busy timeouts the text names, in ms (a setting, a log line, a DSN). */
export function configuredTimeoutsMs(text: string): number[] {
  return [
    ...allMatches(busyTimeoutValue, text, 'ms'),
    ...allMatches(pythonConnectTimeout, text, 's'),
    ...allMatches(timeoutWithUnit, text, 'ms'),
  ].filter((ms) => Number.isFinite(ms));
}

/** How long the failing call took, in ms, when the text says so. */
export function elapsedMs(text: string): number | undefined {
  const found = [...allMatches(elapsedValue, text, 'ms'), ...allMatches(railsCompleted, text, 'ms')];
  return found.find((ms) => Number.isFinite(ms));
}

export interface EarlyFailure {
  elapsedMs: number;
  timeoutMs: number;
}

/** The failure came within `earlyFraction` of the (smallest non-zero) configured timeout. */
export function earlyFailure(
  elapsed: number | undefined,
  configuredMs: readonly number[],
): EarlyFailure | undefined {
  const timeouts = configuredMs.filter((ms) => ms > 0);
  if (elapsed === undefined || timeouts.length === 0) {
    return undefined;
  }
  const timeoutMs = Math.min(...timeouts);
  return elapsed < timeoutMs * earlyFraction ? { elapsedMs: elapsed, timeoutMs } : undefined;
}

/** The busy timeout is set to 0 (and to nothing else). */
export function zeroTimeout(configuredMs: readonly number[]): boolean {
  return configuredMs.length > 0 && configuredMs.every((ms) => ms === 0);
}

const deferredBegin = /\bBEGIN(?:\s+DEFERRED)?(?:\s+TRANSACTION)?\b(?!\s+(?:IMMEDIATE|EXCLUSIVE))/i;
const readStatement = /\bSELECT\b/i;
const writeStatement = /\b(?:INSERT|UPDATE|DELETE|REPLACE)\b/i;

/** The lines before the error show a deferred BEGIN, then a SELECT, then the write that failed. */
export function deferredUpgradeEvident(linesBefore: readonly string[], errorLine: string): boolean {
  const begin = linesBefore.findLastIndex(
    (line) => deferredBegin.test(line) && !/\b(?:IMMEDIATE|EXCLUSIVE)\b/i.test(line),
  );
  if (begin < 0) {
    return false;
  }
  const after = linesBefore.slice(begin + 1);
  const read = after.findIndex((line) => readStatement.test(line));
  if (read < 0) {
    return false;
  }
  const wrote =
    after.slice(read + 1).some((line) => writeStatement.test(line)) || writeStatement.test(errorLine);
  return wrote && !after.some((line) => /\b(?:COMMIT|ROLLBACK|END)\b/i.test(line));
}
