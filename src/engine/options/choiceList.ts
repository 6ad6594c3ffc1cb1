// A closed list of choices (presets, execution models, journal modes...), each with the label a
// dropdown or quick pick shows and one line saying what it means. Every surface (command line,
// settings, panel messages, quick picks, the webview form) reads its values from such a list, and a
// test ties package.json's enums to them. Pure: the webview imports this folder.

import { quotedInput } from '../text/quotedInput';

export interface Choice<V extends string = string> {
  readonly value: V;
  /** A short name for a dropdown or a quick pick. */
  readonly label: string;
  /** One line: what the choice means for the user. */
  readonly description: string;
}

export interface ChoiceList<V extends string> {
  readonly choices: readonly Choice<V>[];
  readonly values: readonly V[];
  readonly default: V;
}

/** The union of a list's values: `ValueOf<typeof executionModels>` is 'processes' | 'threads' | 'blocking'. */
export type ValueOf<L> = L extends ChoiceList<infer V> ? V : never;

export function choiceList<const V extends string>(
  defaultValue: NoInfer<V>,
  choices: readonly Choice<V>[],
): ChoiceList<V> {
  return { choices, values: choices.map((choice) => choice.value), default: defaultValue };
}

export function isChoice<V extends string>(list: ChoiceList<V>, value: unknown): value is V {
  return typeof value === 'string' && (list.values as readonly string[]).includes(value);
}

/** One sentence for a value the list does not have: `--model must be one of processes, threads, blocking, not "x"`. */
export function choiceProblem<V extends string>(
  list: ChoiceList<V>,
  subject: string,
  value: string,
  spell: (value: V) => string = (same) => same,
): string {
  return `${subject} must be one of ${list.values.map(spell).join(', ')}, not ${quotedInput(value)}`;
}
