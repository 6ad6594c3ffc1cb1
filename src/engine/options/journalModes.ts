// The journal modes the tool offers: the probe's choice (keep the file's own, or WAL, or DELETE) and
// the journal switch's targets (WAL or DELETE), one description each.
import { choiceList, type Choice, type ValueOf } from './choiceList';

const wal = {
  value: 'wal',
  label: 'WAL',
  description: 'Readers and the writer do not block each other; still one writer at a time.',
} as const satisfies Choice;

const rollback = {
  value: 'delete',
  label: 'DELETE (rollback journal)',
  description: "A writer's commit waits for every reader to finish, and new readers wait for the commit.",
} as const satisfies Choice;

export const journalSwitchTargets = choiceList('wal', [wal, rollback]);
export type JournalTarget = ValueOf<typeof journalSwitchTargets>;

export const journalChoices = choiceList('keep', [
  {
    value: 'keep',
    label: "keep the file's mode",
    description: "The sessions run in the file's own journal mode.",
  },
  wal,
  rollback,
]);
export type JournalChoice = ValueOf<typeof journalChoices>;

/** The probe's journal choices with the file's own mode named in "keep" (when it is known). */
export function journalChoicesFor(currentMode: string | undefined): readonly Choice<JournalChoice>[] {
  if (!currentMode) {
    return journalChoices.choices;
  }
  const own = ` (${currentMode.toUpperCase()})`;
  return journalChoices.choices.map((choice) =>
    choice.value === 'keep'
      ? {
          value: 'keep',
          label: `${choice.label}${own}`,
          description: `${choice.description.slice(0, -1)}${own}.`,
        }
      : choice,
  );
}
