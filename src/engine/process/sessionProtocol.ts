// Messages between the probe's coordinator and a session running in a worker thread or child process.
import type { EventBatch } from '../probe/eventBatch';
import type { SessionPlan } from '../probe/probeTypes';
import type { SessionSettings } from '../probe/sessionRunner';

export interface SessionInit {
  type: 'session';
  plan: SessionPlan;
  settings: SessionSettings;
  target: string;
  busyTimeoutMs: number;
}

/** Time zero as a decimal string: bigint does not cross process.send's JSON. */
export interface SessionGo {
  type: 'go';
  t0Ns: string;
}

/** The coordinator took one batch of events (sessionOutbox.ts). */
export interface SessionReceived {
  type: 'received';
}

export type ToSession = SessionInit | SessionGo | SessionReceived;

export type FromSession =
  | { type: 'ready' }
  | { type: 'events'; batch: EventBatch }
  | { type: 'done' }
  | { type: 'failed'; message: string };
