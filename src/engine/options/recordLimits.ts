// The recorder's knobs: how often it samples the locks and how long it records. Checked here for the
// command line, the recorder process and (later) the extension.
import { quotedInput } from '../text/quotedInput';
import type { WholeNumberLimit } from './wholeNumberLimit';

/**
 * The sampling interval. The default is measured (npm run bench -- --record, docs/record.md): on the
 * loaded 2-core test machine 10 ms costs about 2 % of a core with no client and 5 % with 10 busy ones
 * (5 ms: 3 % and 6.5 %), and catches most holds of 10 ms and nearly all of 20 ms; --interval 5 or less
 * catches shorter ones for about twice the CPU.
 */
export const recordInterval: WholeNumberLimit = {
  name: '--interval',
  unit: 'ms',
  min: 1,
  max: 10_000,
  default: 10,
  description: 'How often the locks are sampled: shorter catches shorter transactions and costs more CPU.',
};

/** A recording of more than a day is not a diagnosis any more. */
export const maxRecordMs = 24 * 60 * 60 * 1000;

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * "30s", "5m", "1h", "1.5s", "250ms" or a bare number of milliseconds. Returns the milliseconds, or one
 * sentence saying what is wrong, naming `flag`.
 */
export function parseDuration(text: string, flag: string): { ms: number } | { problem: string } {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(text);
  const problem = `${flag} must be a duration like 30s, 5m, 1h or a number of ms (at most 24h), not ${quotedInput(text)}`;
  if (match === null) {
    return { problem };
  }
  const ms = Math.round(Number(match[1]) * units[(match[2] ?? 'ms').toLowerCase()]);
  if (!Number.isFinite(ms) || ms <= 0 || ms > maxRecordMs) {
    return { problem };
  }
  return { ms };
}
