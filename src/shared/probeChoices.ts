// The probe's choices and the one line each that explains it, for the quick picks and the panel's form,
// so both say the same thing (the preset lines are the command line's too).
import type { ExecutionModel, JournalChoice } from '../engine/probe/probeTypes';
import type { BeginChoice, PresetChoice } from './panelProtocol';
import { presetDescriptions } from './presetDescriptions';

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint: string;
}

export const presetChoices: readonly Choice<PresetChoice>[] = [
  { value: 'seed', label: 'seed: two writers, one holds its lock', hint: presetDescriptions.seed },
  { value: 'upgrade', label: 'upgrade: read, then write', hint: presetDescriptions.upgrade },
  { value: 'reader', label: 'reader: a long reader and a writer', hint: presetDescriptions.reader },
  { value: 'burst', label: 'burst: many short writers', hint: presetDescriptions.burst },
];

export const modelChoices: readonly Choice<ExecutionModel>[] = [
  {
    value: 'processes',
    label: 'processes',
    hint: 'Each session is its own OS process, like the workers of a web app.',
  },
  {
    value: 'threads',
    label: 'threads',
    hint: "Each session is its own worker thread, like an async driver's connection thread.",
  },
  {
    value: 'blocking',
    label: 'blocking (one event loop)',
    hint: 'All sessions share one thread; a statement waiting for a lock blocks them all, like a synchronous driver inside async handlers.',
  },
];

/** `current` is the file's own mode, named in the hint for "keep". */
export function journalChoices(current: string | undefined): Choice<JournalChoice>[] {
  const own = current ? ` (${current.toUpperCase()})` : '';
  return [
    {
      value: 'keep',
      label: `keep the file's mode${own}`,
      hint: `The sessions run in the file's own journal mode${own}.`,
    },
    {
      value: 'wal',
      label: 'WAL',
      hint: 'Readers and the writer do not block each other; still one writer at a time.',
    },
    {
      value: 'delete',
      label: 'DELETE (rollback journal)',
      hint: "A writer's commit waits for every reader to finish, and new readers wait for the commit.",
    },
  ];
}

export const beginChoices: readonly Choice<BeginChoice>[] = [
  {
    value: 'preset',
    label: "the preset's own",
    hint: 'Each session begins as the scenario says (mostly BEGIN DEFERRED, as most drivers do).',
  },
  {
    value: 'deferred',
    label: 'DEFERRED',
    hint: 'Locks are taken by the first read or write; a read-then-write cannot wait for the write lock.',
  },
  {
    value: 'immediate',
    label: 'IMMEDIATE',
    hint: 'The write lock is taken at BEGIN, where the busy timeout applies: the usual fix.',
  },
  {
    value: 'exclusive',
    label: 'EXCLUSIVE',
    hint: 'Like IMMEDIATE; in rollback mode it also shuts out readers until the commit.',
  },
];

export function hintOf<T extends string>(choices: readonly Choice<T>[], value: T): string {
  return choices.find((choice) => choice.value === value)?.hint ?? '';
}
