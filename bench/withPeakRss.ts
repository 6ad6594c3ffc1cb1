// Runs some work with every Node process it starts logging its peak resident set size (through
// bench/peakRss.mjs, preloaded with NODE_OPTIONS); returns the work's value and the records.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PeakRecord {
  pid: number;
  ppid: number;
  script: string;
  maxRssKb: number;
  /** User + system CPU time of the process, in ms. */
  cpuMs: number;
}

/** Runs `work` with every Node process it starts logging its peak RSS; returns the records. */
export async function withPeakRss<T>(
  folder: string,
  work: () => Promise<T>,
): Promise<{ value: T; peaks: PeakRecord[] }> {
  const log = join(folder, 'peak-rss.jsonl');
  rmSync(log, { force: true });
  const preload = pathToFileURL(join(__dirname, '..', '..', 'bench', 'peakRss.mjs')).href;
  const saved = { options: process.env.NODE_OPTIONS, log: process.env.SLD_PEAK_RSS_LOG };
  process.env.NODE_OPTIONS = `${saved.options ?? ''} --import ${preload}`.trim();
  process.env.SLD_PEAK_RSS_LOG = log;
  try {
    const value = await work();
    const peaks = existsSync(log)
      ? readFileSync(log, 'utf8')
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as PeakRecord)
      : [];
    return { value, peaks };
  } finally {
    restore('NODE_OPTIONS', saved.options);
    restore('SLD_PEAK_RSS_LOG', saved.log);
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) {
    delete process.env[name];
  } else {
    process.env[name] = value;
  }
}
