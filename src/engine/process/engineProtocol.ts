// Every message the engine's threads and processes take and give.
import type { FromSession, ToSession } from './sessionProtocol';
import type { FromProbe, ProbeRequestMessage } from './probeProtocol';

export type ToEngine = ToSession | ProbeRequestMessage;
export type FromEngine = FromSession | FromProbe;
