// What a probe session's step does: the one list that the schedules, the scenario files' schema (its
// completion texts) and the timeline's lock model name.
import { choiceList, type ValueOf } from './choiceList';

export const stepOps = choiceList('write', [
  {
    value: 'begin',
    label: 'begin',
    description: 'BEGIN a transaction (DEFERRED unless `mode` says otherwise).',
  },
  {
    value: 'read',
    label: 'read',
    description: "A SELECT: the probe's own, or your statement in `sql`.",
  },
  {
    value: 'write',
    label: 'write',
    description: "An INSERT into the probe's table, or your statement in `sql` (then the probe's row too).",
  },
  {
    value: 'hold',
    label: 'hold',
    description: 'Keep what the session holds for `ms` milliseconds (slow work inside the transaction).',
  },
  { value: 'commit', label: 'commit', description: 'COMMIT the open transaction.' },
  { value: 'rollback', label: 'rollback', description: 'ROLLBACK the open transaction.' },
  {
    value: 'cursor',
    label: 'cursor',
    description:
      'Step a multi-row SELECT once and leave it unfinished (an iterator not consumed): it keeps its read transaction until `close`.',
  },
  { value: 'close', label: 'close', description: 'Reset the unfinished SELECT of `cursor`.' },
] as const);

export type StepOp = ValueOf<typeof stepOps>;
