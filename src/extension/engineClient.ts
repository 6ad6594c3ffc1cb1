// The extension's only way to SQLite: each call runs in a child process (child_process.fork of
// dist/engine-process.js), never in the extension host, which other extensions share (a file opened
// and closed here could drop their SQLite locks) and which must never block.
import { callEngine, type EngineCallOptions } from '../engine/process/callEngine';
import type { JournalTarget } from '../engine/options/journalModes';
import type { ProbeOptions } from '../engine/probe/runProbe';

export const engineClient = {
  inspect: (file: string) => callEngine({ type: 'inspect', file }),
  switchJournal: (file: string, target: JournalTarget, busyTimeoutMs: number, force = false) =>
    callEngine({ type: 'switchJournal', file, target, options: { busyTimeoutMs, force } }),
  probe: (options: Omit<ProbeOptions, 'onEvent' | 'onPrepared' | 'signal'>, callOptions: EngineCallOptions) =>
    callEngine({ type: 'probe', options }, callOptions),
  readScenario: (text: string, file: string) => callEngine({ type: 'readScenario', text, file }),
  findDatabases: (files: string[]) => callEngine({ type: 'findDatabases', files }),
  checkpoint: (file: string) => callEngine({ type: 'checkpoint', file, mode: 'PASSIVE' }),
};
