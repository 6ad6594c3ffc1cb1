// The go rules, in the order docs/hints.md lists them.
import type { HintRule } from '../hintRule';
import { goDsnDeferredTxlock } from './goDsnDeferredTxlock';
import { goDsnNoBusyTimeout } from './goDsnNoBusyTimeout';
import { goPragmaBusyTimeoutOnPool } from './goPragmaBusyTimeoutOnPool';
import { goRowsNotClosed } from './goRowsNotClosed';

export const goRules: readonly HintRule[] = [
  goDsnNoBusyTimeout,
  goDsnDeferredTxlock,
  goPragmaBusyTimeoutOnPool,
  goRowsNotClosed,
];
