// The probe's scenarios by name (their schedules are in ../probe/presetSchedules.ts) and the burst's sizes.
import { choiceList, type ValueOf } from './choiceList';
import type { WholeNumberLimit } from './wholeNumberLimit';

export const presets = choiceList('seed', [
  {
    value: 'seed',
    label: 'seed: two writers, one holds its lock',
    description:
      'Two writers, as in a FastAPI app: B writes at 100 ms and holds its write lock 1 s; A writes and commits at 500 ms.',
  },
  {
    value: 'upgrade',
    label: 'upgrade: read, then write',
    description:
      'Deferred read-then-write transactions against a writer: one upgrades while the writer holds its lock, one after it committed.',
  },
  {
    value: 'reader',
    label: 'reader: a long reader and a writer',
    description:
      'A long reader (1 s) against a writer that commits at 100 ms: rollback mode makes the writer wait.',
  },
  {
    value: 'burst',
    label: 'burst: many short writers',
    description: 'N writers, K short read-then-write transactions each, as fast as they can.',
  },
  {
    value: 'no-timeout',
    label: 'no-timeout: busy timeout 0 meets a writer',
    description:
      'A holder writes at 100 ms and holds its lock 0.5 s; at 300 ms a connection with busy timeout 0 fails at once, one with the busy timeout waits and commits.',
  },
  {
    value: 'forgotten-cursor',
    label: 'forgotten-cursor: an unfinished SELECT and a writer',
    description:
      'A SELECT stepped once and left unfinished keeps its read transaction past the busy timeout: in rollback mode the writer’s COMMIT waits and fails; in WAL 2000 commits cannot be checkpointed and the WAL grows.',
  },
  {
    value: 'shared-cache',
    label: 'shared-cache: two connections share a cache',
    description:
      'Two connections of one process opened with cache=shared: while one writes, the other gets SQLITE_LOCKED at once, whatever the busy timeout; a third with a cache of its own reads. Needs one process: --model threads or blocking.',
  },
  {
    value: 'checkpoint-starvation',
    label: 'checkpoint-starvation: a long reader and many commits',
    description:
      'In WAL, a reader keeps its snapshot 2 s while two writers commit 1000 times each: no checkpoint can pass the reader, so the WAL grows past the auto-checkpoint size (its size over time is in the result).',
  },
  {
    value: 'pool',
    label: 'pool: a connection pool against a writer',
    description:
      'A writer holds its lock while 3 requests reach a pool of N connections in one process (Go database/sql, SQLAlchemy QueuePool): with several connections they queue at the lock and the last waits past the busy timeout; with --pool-size 1 they queue in the pool and none fails.',
  },
] as const);

export type PresetName = ValueOf<typeof presets>;

export const burstWriters: WholeNumberLimit = {
  name: 'the number of writers',
  unit: '',
  min: 2,
  max: 64,
  default: 4,
  description: 'burst: how many writers run at once.',
};

export const burstTransactions: WholeNumberLimit = {
  name: 'the number of transactions',
  unit: '',
  min: 1,
  max: 10000,
  default: 25,
  description: 'burst: how many transactions each writer runs.',
};

export const poolSize: WholeNumberLimit = {
  name: 'the pool size',
  unit: '',
  min: 1,
  max: 16,
  default: 4,
  description:
    'pool: how many connections the pool opens (Go SetMaxOpenConns, SQLAlchemy pool_size); 1 makes requests queue in the pool.',
};
