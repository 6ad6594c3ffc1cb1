// Every message the engine's threads and processes take and give.
import type { CancelRequest, EngineRequest, FromEngineCall } from './engineCalls';
import type { FromClient, ToClient } from './clientProtocol';
import type { FromSession, ToSession } from './sessionProtocol';

export type ToEngine = ToSession | ToClient | EngineRequest | CancelRequest;
export type FromEngine = FromSession | FromClient | FromEngineCall;
