// The anyLanguage rules, in the order docs/hints.md lists them.
import type { HintRule } from '../hintRule';
import { plainFileIoOnDatabase } from './plainFileIoOnDatabase';
import { sharedCacheUri } from './sharedCacheUri';

export const anyLanguageRules: readonly HintRule[] = [sharedCacheUri, plainFileIoOnDatabase];
