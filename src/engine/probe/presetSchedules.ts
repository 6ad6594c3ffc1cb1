// The probe's built-in scenarios. Each is a schedule of steps per session; times are ms after time zero.
// Their names, labels and descriptions, and the burst's limits, are in ../options/presets.ts.
import { checkedWholeNumber } from '../checkedWholeNumber';
import { burstTransactions, burstWriters, type PresetName } from '../options/presets';
import type { JournalFamily } from './lockModel';
import type { SessionPlan } from './probeTypes';

export interface PresetOptions {
  /** burst: how many writers. */
  writers?: number;
  /** burst: transactions per writer. */
  transactions?: number;
  /** The probe's busy timeout, ms: forgotten-cursor keeps its cursor open past it. */
  busyTimeoutMs?: number;
  /** The journal family the sessions run in: forgotten-cursor's writer writes enough to pass the
   * auto-checkpoint threshold in WAL, once in rollback mode (where each commit waits the timeout). */
  family?: JournalFamily;
}

/** forgotten-cursor: the longest the cursor stays open (a longer busy timeout makes the writer wait). */
const longestCursorMs = 10_000;
/** forgotten-cursor in WAL: commits of one page each, past wal_autocheckpoint's default 1000 pages. */
const walWriterTransactions = 2000;
/** checkpoint-starvation: commits per writer; two writers pass wal_autocheckpoint's 1000 pages twice. */
const starvingWriterTransactions = 1000;

export function buildPreset(name: PresetName, options: PresetOptions = {}): SessionPlan[] {
  switch (name) {
    case 'seed':
      // Session names as in the article: A commits at 500 ms, B flushes at 100 ms and commits 1 s later.
      return [
        { name: 'A', steps: [{ op: 'begin', at: 500 }, { op: 'write' }, { op: 'commit' }] },
        {
          name: 'B',
          steps: [{ op: 'begin', at: 100 }, { op: 'write' }, { op: 'hold', ms: 1000 }, { op: 'commit' }],
        },
      ];
    case 'upgrade':
      return [
        {
          name: 'writer',
          steps: [
            { op: 'begin', at: 100, mode: 'immediate' },
            { op: 'write' },
            { op: 'hold', ms: 400 },
            { op: 'commit' },
          ],
        },
        {
          name: 'early',
          steps: [{ op: 'begin', at: 0 }, { op: 'read' }, { op: 'write', at: 300 }, { op: 'commit' }],
        },
        {
          name: 'late',
          steps: [{ op: 'begin', at: 0 }, { op: 'read' }, { op: 'write', at: 800 }, { op: 'commit' }],
        },
      ];
    case 'reader':
      return [
        {
          name: 'reader',
          steps: [{ op: 'begin', at: 0 }, { op: 'read' }, { op: 'hold', ms: 1000 }, { op: 'commit' }],
        },
        { name: 'writer', steps: [{ op: 'begin', at: 100 }, { op: 'write' }, { op: 'commit' }] },
      ];
    case 'no-timeout':
      // Both latecomers meet the holder's write lock; only the one without a busy timeout fails.
      return [
        {
          name: 'holder',
          steps: [{ op: 'begin', at: 100 }, { op: 'write' }, { op: 'hold', ms: 500 }, { op: 'commit' }],
        },
        {
          name: 'no-timeout',
          busyTimeoutMs: 0,
          steps: [{ op: 'begin', at: 300 }, { op: 'write' }, { op: 'commit' }],
        },
        { name: 'waits', steps: [{ op: 'begin', at: 300 }, { op: 'write' }, { op: 'commit' }] },
      ];
    case 'forgotten-cursor': {
      const openMs = Math.min((options.busyTimeoutMs ?? 5000) + 500, longestCursorMs);
      return [
        {
          name: 'cursor',
          steps: [{ op: 'cursor', at: 0 }, { op: 'hold', ms: openMs }, { op: 'close' }],
        },
        {
          name: 'writer',
          repeat: options.family === 'wal' ? walWriterTransactions : 1,
          steps: [{ op: 'begin', at: 100 }, { op: 'write' }, { op: 'commit' }],
        },
      ];
    }
    case 'shared-cache':
      return [
        {
          name: 'writer',
          sharedCache: true,
          steps: [{ op: 'begin', at: 100 }, { op: 'write' }, { op: 'hold', ms: 500 }, { op: 'commit' }],
        },
        {
          name: 'shared',
          sharedCache: true,
          steps: [{ op: 'begin', at: 300 }, { op: 'read' }, { op: 'commit' }],
        },
        { name: 'own-cache', steps: [{ op: 'begin', at: 300 }, { op: 'read' }, { op: 'commit' }] },
      ];
    case 'checkpoint-starvation': {
      const writer = (name: string): SessionPlan => ({
        name,
        repeat: starvingWriterTransactions,
        steps: [{ op: 'begin', at: 100 }, { op: 'write' }, { op: 'commit' }],
      });
      return [
        {
          name: 'reader',
          steps: [{ op: 'begin', at: 0 }, { op: 'read' }, { op: 'hold', ms: 2000 }, { op: 'commit' }],
        },
        writer('w1'),
        writer('w2'),
      ];
    }
    case 'burst': {
      const writers = checkedWholeNumber(burstWriters, options.writers ?? burstWriters.default);
      const transactions = checkedWholeNumber(
        burstTransactions,
        options.transactions ?? burstTransactions.default,
      );
      return Array.from({ length: writers }, (_, index) => ({
        name: `w${index + 1}`,
        repeat: transactions,
        steps: [{ op: 'begin', at: 0 }, { op: 'read' }, { op: 'write' }, { op: 'commit' }],
      }));
    }
  }
}
