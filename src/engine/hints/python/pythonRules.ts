// The python rules, in the order docs/hints.md lists them.
import type { HintRule } from '../hintRule';

export const pythonRules: readonly HintRule[] = [];
