// Every rule, once. The editor's settings, the CLI's --rule, SARIF's rule list and docs/hints.md read
// their ids and texts from here (a test ties the docs and package.json to this list).
import { anyLanguageRules } from './anyLanguage/anyLanguageRules';
import { goRules } from './go/goRules';
import type { HintRule } from './hintRule';
import { javascriptRules } from './javascript/javascriptRules';
import { pythonRules } from './python/pythonRules';

export const hintRules: readonly HintRule[] = [
  ...pythonRules,
  ...javascriptRules,
  ...goRules,
  ...anyLanguageRules,
];

/** The rule with this id, or undefined. */
export function hintRuleById(id: string): HintRule | undefined {
  return hintRules.find((rule) => rule.info.id === id);
}
