// Preloaded into every Node process of a measured run (NODE_OPTIONS=--import, bench/burstAtLimits.ts):
// each appends its peak resident set size (and its CPU time) to the log named by SLD_PEAK_RSS_LOG when it
// exits.
import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';

const log = process.env.SLD_PEAK_RSS_LOG;
if (log) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const record = {
      pid: process.pid,
      ppid: process.ppid,
      script: basename(process.argv[1] ?? ''),
      maxRssKb: usage.maxRSS,
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    };
    appendFileSync(log, `${JSON.stringify(record)}\n`);
  });
}
