// `PRAGMA wal_checkpoint(MODE)`'s modes, as SQLite names them (https://sqlite.org/c3ref/wal_checkpoint_v2.html).
import { choiceList, type ValueOf } from './choiceList';

export const checkpointModes = choiceList('PASSIVE', [
  {
    value: 'PASSIVE',
    label: 'passive',
    description: 'Copies what it can without waiting for other connections.',
  },
  {
    value: 'FULL',
    label: 'full',
    description:
      'Waits (busy timeout) for the writer and for readers of older snapshots, then copies every frame.',
  },
  {
    value: 'RESTART',
    label: 'restart',
    description: 'Like FULL, and also waits until the next writer can start the WAL from its beginning.',
  },
  {
    value: 'TRUNCATE',
    label: 'truncate',
    description: 'Like RESTART, and also truncates the -wal file to 0 bytes.',
  },
] as const);

export type CheckpointMode = ValueOf<typeof checkpointModes>;
