// `npm run bench -- --host` (and part of --full when code-server is installed): starts code-server as
// the integration tests do (scripts/vscode/runInCodeServer.mjs) with bench/hostDelay.ts as the test
// module, and turns its figures into report rows: p99 and max event-loop delay of the extension host
// per scenario, against the probe run on the host's own thread as the baseline.
import type { BenchReport } from './benchReport';
import type { HostDelay } from './hostDelay';
import { runInHost } from './runInHost';

const group = 'The editor never waits: extension host event-loop delay';

export function benchHostDelay(report: BenchReport): void {
  const run = runInHost<HostDelay[]>('out/vscode-test/hostDelay.js', 180);
  if ('failure' in run) {
    report.push(group, { figure: 'code-server run', measured: `not measured: ${run.failure}` });
    return;
  }
  const figures = run.figures;
  const baseline = figures.find((figure) => figure.scenario.startsWith('baseline'));
  report.push(
    group,
    figures.flatMap((figure) => {
      const isBaseline = figure === baseline;
      const against = (value: number | undefined) =>
        isBaseline || value === undefined ? {} : { baseline: value, baselineIs: 'probe on the host thread' };
      return [
        {
          figure: `${figure.scenario}: p99`,
          ...(isBaseline ? {} : { goal: '< 10 ms' }),
          measured: figure.p99Ms,
          unit: 'ms',
        },
        {
          figure: `${figure.scenario}: max`,
          measured: figure.maxMs,
          ...against(baseline?.maxMs),
          unit: 'ms',
        },
      ];
    }),
    'code-server (VS Code 1.139.1, Node 24 extension host) with the development extension; ' +
      '`perf_hooks.monitorEventLoopDelay` (1 ms resolution) in the extension host during each scenario. ' +
      'The probe is the seed in the blocking model with a 5 s busy timeout: A waits 5 s for B. ' +
      'Baseline: that probe run by the engine inside the host, as the first version did. The histogram ' +
      'counts timer ticks, so a 5 s stall is one sample and hardly moves the p99: the max shows it, and ' +
      'the max is compared with the baseline.',
  );
}
