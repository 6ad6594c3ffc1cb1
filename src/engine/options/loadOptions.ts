// The load test's knobs: how many requests, how many in flight, which HTTP method. The defaults are
// the seed article's test: 20 requests, 10 at a time. Pure: the webview and quick picks may read them.
import { choiceList, type ValueOf } from './choiceList';
import type { WholeNumberLimit } from './wholeNumberLimit';

export const loadRequests: WholeNumberLimit = {
  name: 'the number of requests',
  unit: '',
  min: 1,
  max: 100_000,
  default: 20,
  description: 'How many requests the load test sends in all, taking the URLs in turn.',
};

export const loadConcurrency: WholeNumberLimit = {
  name: 'the concurrency',
  unit: '',
  min: 1,
  max: 1000,
  default: 10,
  description: 'How many requests are in flight at once.',
};

/** How long `load --run` waits for the app to listen before it gives up. */
export const appStartTimeoutMs = 30_000;

export const httpMethods = choiceList('GET', [
  { value: 'GET', label: 'GET', description: 'Read; the default without --body.' },
  { value: 'POST', label: 'POST', description: 'Create; the default with --body.' },
  { value: 'PUT', label: 'PUT', description: 'Replace.' },
  { value: 'PATCH', label: 'PATCH', description: 'Change.' },
  { value: 'DELETE', label: 'DELETE', description: 'Delete.' },
] as const);

export type HttpMethod = ValueOf<typeof httpMethods>;
