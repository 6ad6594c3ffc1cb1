// Every rule, once. The editor's settings, the CLI's --rule, SARIF's rule list and docs/hints.md read
// their ids and texts from here (a test ties the docs and package.json to this list).
import type { HintRule } from './hintRule';

export const hintRules: readonly HintRule[] = [];

/** The rule with this id, or undefined. */
export function hintRuleById(id: string): HintRule | undefined {
  return hintRules.find((rule) => rule.info.id === id);
}
