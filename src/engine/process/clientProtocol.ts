// Messages between the load shape's coordinator and a client running in a worker thread or child
// process: the client opens its connection and says ready; after 'go' it runs each request it is handed
// and reports it, until 'stop'. Events travel as the sessions' do (sessionOutbox.ts).
import type { RequestOrder, ClientRequestRecord } from '../probe/load/runRequest';
import type { SessionPlan } from '../probe/probeTypes';
import type { SessionSettings } from '../probe/sessionRunner';

export interface ClientInit {
  type: 'client';
  name: string;
  /** The request kinds; a request names its kind by index. */
  kinds: SessionPlan[];
  /** Whether the client's connection shares its cache (every kind asks for it). */
  sharedCache: boolean;
  settings: SessionSettings;
  target: string;
  busyTimeoutMs: number;
  gapMs: number;
}

export interface ClientRequest extends RequestOrder {
  type: 'request';
  kind: number;
}

export type ToClient = ClientInit | ClientRequest | { type: 'stop' };

export type FromClient = { type: 'requestDone'; record: ClientRequestRecord };
