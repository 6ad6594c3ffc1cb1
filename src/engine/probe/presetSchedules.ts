// The probe's built-in scenarios. Each is a schedule of steps per session; times are ms after time zero.
// Their names, labels and descriptions, and the burst's limits, are in ../options/presets.ts.
import { checkedWholeNumber } from '../checkedWholeNumber';
import { burstTransactions, burstWriters, poolSize, type PresetName } from '../options/presets';
import type { JournalFamily } from './lockModel';
import type { SessionPlan } from './probeTypes';

export interface PresetOptions {
  /** burst: how many writers. */
  writers?: number;
  /** burst: transactions per writer. */
  transactions?: number;
  /** The probe's busy timeout, ms: forgotten-cursor keeps its cursor open past it. */
  busyTimeoutMs?: number;
  /** The journal family the sessions run in: forgotten-cursor's (and checkpoint-starvation's) writers write enough to pass the
   * auto-checkpoint threshold in WAL, once in rollback mode (where each commit waits the timeout). */
  family?: JournalFamily;
  /** pool: how many connections the pool has. */
  poolSize?: number;
}

/** forgotten-cursor: the longest the cursor stays open (a longer busy timeout makes the writer wait). */
const longestCursorMs = 10_000;
/** forgotten-cursor in WAL: commits of one page each, past wal_autocheckpoint's default 1000 pages. */
const walWriterTransactions = 2000;
/** pool: the requests that reach the pool at once. */
export const poolRequests = 3;
/** pool: when the requests arrive, ms; the outside writer holds its lock from 100 ms. */
const poolArrivalMs = 200;

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
      // In rollback mode there is no WAL to grow: each writer meets the reader once. (A thousand commits
      // there would each wait out the busy timeout behind the reader, for minutes in the blocking model.)
      const writer = (name: string): SessionPlan => ({
        name,
        repeat: options.family === 'rollback' ? 1 : starvingWriterTransactions,
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
    case 'pool':
      return poolPlans(
        checkedWholeNumber(poolSize, options.poolSize ?? poolSize.default),
        options.busyTimeoutMs ?? 5000,
      );
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

/**
 * pool: an outside writer holds its lock while `poolRequests` write requests reach a pool in one
 * process. Each connection is a session that serves its share of the requests one after another, as a
 * pool hands a free connection to the next request. Times scale with the busy timeout T (a quarter of
 * it, u): the first request waits u at the lock and each request holds it 2u, so with three
 * connections the third would wait 5u > T and fails, while one connection queues them in the pool and
 * each waits at most u at the lock. The margins are u either side, wider than the busy handler's
 * 100 ms polling once T is 1 s or more.
 */
function poolPlans(size: number, busyTimeoutMs: number): SessionPlan[] {
  const unitMs = Math.max(Math.round(busyTimeoutMs / 4), 50);
  const connections = Math.min(size, poolRequests);
  const writer: SessionPlan = {
    name: 'writer',
    steps: [
      { op: 'begin', at: 100 },
      { op: 'write' },
      { op: 'hold', ms: poolArrivalMs - 100 + unitMs },
      { op: 'commit' },
    ],
  };
  const pooled = Array.from({ length: connections }, (_, index): SessionPlan => {
    // Request r goes to connection r mod size: connection i serves ceil((requests - i) / size) of them.
    const served = Math.ceil((poolRequests - index) / connections);
    return {
      name: `pool${index + 1}`,
      pooled: true,
      ...(served > 1 ? { repeat: served } : {}),
      steps: [
        { op: 'begin', at: poolArrivalMs },
        { op: 'write' },
        { op: 'hold', ms: 2 * unitMs },
        { op: 'commit' },
      ],
    };
  });
  return [writer, ...pooled];
}
