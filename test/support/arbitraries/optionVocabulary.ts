// Every choice list and whole-number limit the command line, settings and panel accept, by name, so
// generated cases cover each of them.
import { beginChoices } from '../../../src/engine/options/beginChoices';
import type { ChoiceList } from '../../../src/engine/options/choiceList';
import { checkpointModes } from '../../../src/engine/options/checkpointModes';
import { clientProfiles } from '../../../src/engine/options/clientProfiles';
import { executionModels } from '../../../src/engine/options/executionModels';
import { exportFormats } from '../../../src/engine/options/exportFormats';
import { journalChoices, journalSwitchTargets } from '../../../src/engine/options/journalModes';
import { httpMethods, loadConcurrency, loadRequests } from '../../../src/engine/options/loadOptions';
import { probeClients, probeRequestGap, probeRequests } from '../../../src/engine/options/loadShape';
import { burstTransactions, burstWriters, poolSize, presets } from '../../../src/engine/options/presets';
import { recordInterval } from '../../../src/engine/options/recordLimits';
import {
  checkpointBusyTimeout,
  journalSwitchBusyTimeout,
  lockPollInterval,
  probeBusyTimeout,
} from '../../../src/engine/options/timeLimits';
import type { WholeNumberLimit } from '../../../src/engine/options/wholeNumberLimit';

export const choiceLists: Record<string, ChoiceList<string>> = {
  '--begin': beginChoices,
  '--mode': checkpointModes,
  '--client': clientProfiles,
  '--model': executionModels,
  '--format': exportFormats,
  '--journal': journalChoices,
  '--set': journalSwitchTargets,
  '--method': httpMethods,
  '--preset': presets,
};

export const wholeNumberLimits: Record<string, WholeNumberLimit> = {
  '--busy-timeout': probeBusyTimeout,
  'journal switch busy timeout': journalSwitchBusyTimeout,
  'checkpoint busy timeout': checkpointBusyTimeout,
  'lock poll interval': lockPollInterval,
  '--writers': burstWriters,
  '--transactions': burstTransactions,
  '--pool-size': poolSize,
  '--requests': probeRequests,
  '--clients': probeClients,
  '--gap': probeRequestGap,
  'load --requests': loadRequests,
  '--concurrency': loadConcurrency,
  '--interval': recordInterval,
};
