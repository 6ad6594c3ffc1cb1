// How the probe runs its sessions: the execution model decides whether a waiting statement can hold up
// the session that holds the lock.
import { choiceList, type ValueOf } from './choiceList';

export const executionModels = choiceList('processes', [
  {
    value: 'processes',
    label: 'processes',
    description: 'Each session is its own OS process, like the workers of a web app.',
  },
  {
    value: 'threads',
    label: 'threads',
    description: "Each session is its own worker thread, like an async driver's connection thread.",
  },
  {
    value: 'blocking',
    label: 'blocking (one event loop)',
    description:
      'All sessions share one thread; a statement waiting for a lock blocks them all, like a synchronous driver inside async handlers.',
  },
] as const);

export type ExecutionModel = ValueOf<typeof executionModels>;
