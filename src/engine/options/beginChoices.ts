// How the probe's sessions begin their transactions: each preset's own BEGIN, or one mode for all.
import { choiceList, type ValueOf } from './choiceList';

export const beginChoices = choiceList('preset', [
  {
    value: 'preset',
    label: "the preset's own",
    description: 'Each session begins as the scenario says (mostly BEGIN DEFERRED, as most drivers do).',
  },
  {
    value: 'deferred',
    label: 'DEFERRED',
    description:
      'Locks are taken by the first read or write; a read-then-write cannot wait for the write lock.',
  },
  {
    value: 'immediate',
    label: 'IMMEDIATE',
    description: 'The write lock is taken at BEGIN, where the busy timeout applies: the usual fix.',
  },
  {
    value: 'exclusive',
    label: 'EXCLUSIVE',
    description: 'Like IMMEDIATE; in rollback mode it also shuts out readers until the commit.',
  },
] as const);

export type BeginChoice = ValueOf<typeof beginChoices>;
/** A mode SQLite's BEGIN takes. */
export type BeginMode = Exclude<BeginChoice, 'preset'>;

/** The mode every session uses, or undefined for each preset's own. */
export function beginModeOf(choice: BeginChoice): BeginMode | undefined {
  return choice === 'preset' ? undefined : choice;
}
