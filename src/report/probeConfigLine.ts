// The configuration of a probe in one line, the same words in every report.
import type { ProbeResult } from '../engine/probe/probeTypes';
import { formatMs } from '../engine/text/formatMs';
import { clientProfileFacts } from '../engine/options/clientProfiles';
import { describeJournal } from './resultTables';

/** Label/value pairs: "model" → "blocking", "journal" → "keep (ran in wal)", ... */
export function configFacts(result: ProbeResult): [string, string][] {
  const config = result.config;
  const facts: [string, string][] = [
    config.scenario ? ['scenario', config.scenario.file] : ['preset', config.preset],
    ...(config.poolSize !== undefined ? [['pool size', String(config.poolSize)] as [string, string]] : []),
    ...(config.clientProfile !== undefined ? [['client', config.clientProfile] as [string, string]] : []),
    ['model', config.model],
    ['journal', describeJournal(config.journal, config.journalMode)],
    ['busy_timeout', formatMs(config.busyTimeoutMs)],
  ];
  if (config.begin) {
    const fromClient =
      config.clientProfile !== undefined &&
      clientProfileFacts[config.clientProfile].begin.value === config.begin;
    facts.push(['BEGIN', `${config.begin} (${fromClient ? "the client's" : 'forced'})`]);
  }
  facts.push(
    ['sessions', String(config.sessions.length || result.sessions.length)],
    ['SQLite', result.sqliteVersion],
    ['duration', formatMs(result.durationMs)],
  );
  return facts;
}

/** "/data/app.db, probed on a scratch copy (/tmp/x/app.db)", or "..., probed in place". */
export function describeTarget(result: ProbeResult): string {
  const { database, target, inPlace } = result.config;
  return inPlace ? `${database}, probed in place` : `${database}, probed on a scratch copy (${target})`;
}
