// Footprint (issue 9, item 6): the production bundles' sizes, each platform's VSIX size (against the
// better-sqlite3 binary it carries, measured in the same run), and the extension's activation:
// `require` + `activate` of the production dist/extension.js in a fresh Node process with a stub
// `vscode` module (bench/activateWithStub.mjs), and (full mode) VS Code's own activation of it in a real
// extension host (code-server, bench/hostActivation.ts), beside it. Runs last: the production build
// replaces dist/ and out/, and the development build is restored afterwards.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchReport, BenchRow } from './benchReport';
import type { HostActivation } from './hostActivation';
import { runInHost } from './runInHost';

const root = join(__dirname, '..', '..');

function build(production: boolean): void {
  execFileSync(process.execPath, ['esbuild.mjs', ...(production ? ['--production'] : [])], {
    cwd: root,
    stdio: 'inherit',
  });
}

function kb(file: string): number {
  return statSync(join(root, file)).size / 1024;
}

interface Activation {
  requireMs: number;
  activateMs: number;
  registrations: number;
}

function activateOnce(): Activation {
  try {
    const output = execFileSync(
      process.execPath,
      [join(root, 'bench', 'activateWithStub.mjs'), join(root, 'dist', 'extension.js'), root],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    return JSON.parse(output) as Activation;
  } catch (error) {
    // The error line only: the minified bundle's source line is one very long line.
    const stderr = String((error as { stderr?: unknown }).stderr ?? error);
    const line = stderr.split('\n').find((text) => /^\w*Error\b/.test(text)) ?? stderr.slice(0, 200);
    throw new Error(`activating dist/extension.js with a stub vscode failed: ${line}`, { cause: error });
  }
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

const activationGroup = 'Footprint: activation';

/** Median of `count` fresh processes; a failure is reported as the row's text, not thrown. */
function pushActivation(report: BenchReport, count: number, hosts: number): void {
  const note =
    `Median of ${count} fresh Node processes, the production bundle with a stub \`vscode\` module ` +
    "(bench/activateWithStub.mjs): the extension's own work, not VS Code's. " +
    (hosts > 0
      ? `Then VS Code's own activation in a real extension host (code-server, median of ${hosts} fresh ` +
        'hosts, bench/hostActivation.ts): `getExtension(...).activate()` in a host that has not loaded ' +
        'the extension yet, which loads dist/extension.js and calls activate(); against the stub figure. '
      : '') +
    'No goal is set.';
  let runs: Activation[];
  try {
    runs = Array.from({ length: count }, activateOnce);
  } catch (error) {
    report.push(activationGroup, { figure: 'require + activate', measured: (error as Error).message }, note);
    return;
  }
  const requireMs = median(runs.map((run) => run.requireMs));
  const activateMs = median(runs.map((run) => run.activateMs));
  report.push(
    activationGroup,
    [
      { figure: 'require dist/extension.js', measured: requireMs, unit: 'ms' },
      { figure: `activate (${runs[0].registrations} registrations)`, measured: activateMs, unit: 'ms' },
    ],
    note,
  );
  if (hosts > 0) {
    pushHostActivation(report, hosts, requireMs + activateMs);
  }
}

/** VS Code's activation in `hosts` fresh code-server hosts, against the stub's require + activate. */
function pushHostActivation(report: BenchReport, hosts: number, stubMs: number): void {
  const figures: HostActivation[] = [];
  for (let host = 0; host < hosts; host++) {
    const run = runInHost<HostActivation>('out/vscode-test/hostActivation.js', 120);
    if ('failure' in run) {
      report.push(activationGroup, {
        figure: 'real extension host',
        measured: `not measured: ${run.failure}`,
      });
      return;
    }
    if (run.figures.wasActive) {
      report.push(activationGroup, {
        figure: 'real extension host',
        measured: 'not measured: the extension was already active when the measurement began',
      });
      return;
    }
    figures.push(run.figures);
  }
  const { vscodeVersion, nodeVersion } = figures[0];
  const host = `real extension host (VS Code ${vscodeVersion}, Node ${nodeVersion})`;
  report.push(activationGroup, [
    {
      figure: `${host}: activate() from a host that has not loaded it, wall time`,
      measured: median(figures.map((figure) => figure.activateMs)),
      baseline: stubMs,
      baselineIs: 'stub: require + activate',
      unit: 'ms',
    },
    {
      figure: `${host}: the same, the host's CPU time`,
      measured: median(figures.map((figure) => figure.activateCpuMs)),
      baseline: stubMs,
      baselineIs: 'stub: require + activate',
      unit: 'ms',
    },
  ]);
}

// VS Code target -> better-sqlite3 prebuild: the table scripts/packageVsix.mjs packs by.
function prebuildsByTarget(): Record<string, string> {
  return JSON.parse(readFileSync(join(root, 'scripts', 'vsixTargets.json'), 'utf8')) as Record<
    string,
    string
  >;
}

export function benchFootprint(
  report: BenchReport,
  options: { allPlatforms: boolean; activations: number; hostActivations: number },
): void {
  try {
    build(true);
    const bundles: [string, string][] = [
      ['dist/extension.js', 'loaded by the extension host'],
      ['dist/engine-process.js', 'the short-lived engine child'],
      ['dist/lock-watcher.js', 'the long-lived lock watcher'],
      ['dist/recorder.js', 'the recorder'],
      ['dist/cli.js', 'the command line'],
      ['dist/webview/panel.js', "the panel's script"],
      ['dist/webview/panel.css', "the panel's styles"],
    ];
    report.push(
      'Footprint: bundled JavaScript',
      bundles.map(([file, what]) => ({ figure: `${file} (${what})`, measured: kb(file), unit: 'KB' })),
      'The production build (`node esbuild.mjs --production`: minified, no source maps). No goal is set.',
    );

    pushActivation(report, options.activations, options.hostActivations);

    const packagedFrom = Date.now();
    execFileSync(process.execPath, ['scripts/packageVsix.mjs', ...(options.allPlatforms ? ['--all'] : [])], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const prebuildOf = prebuildsByTarget();
    const rows: BenchRow[] = [];
    for (const file of readdirSync(join(root, 'vsix'))
      .filter((name) => name.endsWith('.vsix'))
      .sort()) {
      const target = Object.keys(prebuildOf).find((name) => file.includes(`-${name}-`));
      // Only the files this run wrote: vsix/ may hold older ones.
      if (target === undefined || statSync(join(root, 'vsix', file)).mtimeMs < packagedFrom - 1000) {
        continue;
      }
      rows.push({
        figure: `${target} VSIX`,
        measured: kb(join('vsix', file)),
        baseline: kb(`node_modules/better-sqlite3/prebuilds/${prebuildOf[target]}.node`),
        baselineIs: 'its better-sqlite3 binary',
        unit: 'KB',
      });
    }
    report.push(
      'Footprint: VSIX per platform',
      rows,
      '`npm run package` (scripts/packageVsix.mjs): each VSIX carries only its own better-sqlite3 binary; ' +
        'the ratio is the VSIX against that binary alone (compressed in the VSIX). No goal is set.',
    );
  } finally {
    build(false);
  }
}
