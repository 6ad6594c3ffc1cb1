// One line per probe preset, shown by the command line, the quick picks and the panel.
import type { PresetChoice } from './panelProtocol';

export const presetDescriptions: Record<PresetChoice, string> = {
  seed: 'The FastAPI article: B writes at 100 ms and holds its write lock 1 s; A writes and commits at 500 ms.',
  upgrade:
    'Deferred read-then-write transactions against a writer: one upgrades while the writer holds its lock, one after it committed.',
  reader: 'A long reader (1 s) against a writer that commits at 100 ms: rollback mode makes the writer wait.',
  burst: 'N writers, K short read-then-write transactions each, as fast as they can.',
};
