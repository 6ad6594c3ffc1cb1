// The hints benchmark (issue 10): a folder scan of a generated 5 000-file workspace through the real
// CLI (`hints DIR --json`, a process as CI runs it): wall time, files per second, peak RSS, against a
// 500-file workspace (at most linear: ≤ 10×) and the CLI's own floor (`--help`); and the editor's case, one
// ~500-line file analysed again after each of 200 edits: p50/p95 against parsing alone.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { analyzeSource } from '../src/engine/hints/analyzeSource';
import type { HintLanguage } from '../src/engine/hints/hintTypes';
import { parseSource } from '../src/engine/hints/sourceParser';
import type { HintsJson } from '../src/report/hints/hintsJson';
import type { BenchReport } from './benchReport';
import {
  type BenchLanguage,
  generateHintsWorkspace,
  languages,
  randomFrom,
  sourceText,
} from './hintsWorkspace';
import { withPeakRss } from './withPeakRss';

const group = 'Code hints: folder scan and re-analysis on change';
const cli = join(__dirname, '..', '..', 'dist', 'cli.js');

interface CliRun {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly stdout: string;
}

async function timedCli(folder: string, args: string[]): Promise<CliRun> {
  const started = performance.now();
  const { value, peaks } = await withPeakRss(
    folder,
    () =>
      new Promise<{ pid: number | undefined; stdout: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.on('error', reject);
        child.on('close', () => resolve({ pid: child.pid, stdout }));
      }),
  );
  const wallMs = performance.now() - started;
  const peak = peaks.find((record) => record.pid === value.pid);
  return {
    wallMs,
    cpuMs: peak?.cpuMs ?? Number.NaN,
    peakRssMb: (peak?.maxRssKb ?? Number.NaN) / 1024,
    stdout: value.stdout,
  };
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

const treeLanguage: Readonly<Record<BenchLanguage['extension'], Exclude<HintLanguage, 'prisma'>>> = {
  py: 'python',
  ts: 'typescript',
  js: 'javascript',
  go: 'go',
};

/** 200 edits (a line typed somewhere) to a ~500-line file, each analysed again: times in ms. */
async function reanalysisTimes(
  language: BenchLanguage,
  edits: number,
): Promise<{ analyse: number[]; analyseCpu: number[]; parse: number[] }> {
  const random = randomFrom(500);
  const lines = sourceText(random, language, 7, 500).split('\n');
  const treeSitter = treeLanguage[language.extension];
  const comment = language.extension === 'py' ? '#' : '//';
  const path = `bench/file.${language.extension}`;
  const analyse: number[] = [];
  const analyseCpu: number[] = [];
  const parse: number[] = [];
  await analyzeSource({ path, text: lines.join('\n'), language: treeSitter }); // grammar and queries loaded once
  for (let edit = 0; edit < edits; edit++) {
    const at = Math.floor(random() * lines.length);
    lines[at] = `${lines[at]} ${comment} edit ${edit}`;
    const text = lines.join('\n');
    let started = performance.now();
    const cpu = process.cpuUsage();
    await analyzeSource({ path, text, language: treeSitter });
    analyse.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    analyseCpu.push((used.user + used.system) / 1000);
    started = performance.now();
    (await parseSource(treeSitter, text)).delete();
    parse.push(performance.now() - started);
  }
  const sorted = (values: number[]) => values.sort((a, b) => a - b);
  return { analyse: sorted(analyse), analyseCpu: sorted(analyseCpu), parse: sorted(parse) };
}

export async function benchHintsScan(report: BenchReport, folder: string, files = 5_000): Promise<void> {
  const note =
    `A generated workspace (bench/hintsWorkspace.ts: ${files} files, Python 35 %, TypeScript 25 %, Go 25 %, ` +
    "JavaScript 15 %, 30-600 lines, about 2 % of them the corpus's flagged samples, plus 500 files in " +
    'node_modules to skip), scanned by the real CLI (`hints DIR --json`) in a process of its own. ' +
    'Re-analysis: the in-process analysis of one ~500-line file after each of 200 one-line edits ' +
    '(the editor runs the same in a worker). Goal: p95 < 50 ms.';
  const large = generateHintsWorkspace(join(folder, `hints-${files}`), files);
  const small = generateHintsWorkspace(join(folder, 'hints-500'), files / 10, 11);
  const floor = await timedCli(folder, ['--help']);
  const smallRun = await timedCli(folder, ['hints', small.root, '--json']);
  const largeRun = await timedCli(folder, ['hints', large.root, '--json']);
  const result = JSON.parse(largeRun.stdout) as HintsJson;
  report.push(
    group,
    [
      {
        figure: `full scan, ${files} files (${(large.bytes / 1e6).toFixed(0)} MB), CLI wall time`,
        goal: 'at most linear: ≤ 10× the 500-file scan',
        measured: largeRun.wallMs / 1000,
        baseline: smallRun.wallMs / 1000,
        baselineIs: `${files / 10} files`,
        unit: 's',
      },
      {
        figure: `full scan, ${files} files, CLI CPU time (user + system)`,
        goal: 'at most linear: ≤ 10× the 500-file scan',
        measured: largeRun.cpuMs / 1000,
        baseline: smallRun.cpuMs / 1000,
        baselineIs: `${files / 10} files`,
        unit: 's',
      },
      {
        figure: 'full scan, files per second (wall time; per CPU second in the baseline column)',
        measured: result.filesScanned / (largeRun.wallMs / 1000),
        baseline: result.filesScanned / (largeRun.cpuMs / 1000),
        baselineIs: 'per CPU second',
        unit: 'files/s',
      },
      {
        figure: `full scan, ${files} files, peak RSS of the CLI`,
        goal: 'flat: ≈ 1× (a file is dropped once analysed)',
        measured: largeRun.peakRssMb,
        baseline: smallRun.peakRssMb,
        baselineIs: `${files / 10} files`,
        unit: 'MB',
      },
      {
        figure: 'the CLI alone (`--help`): wall time, peak RSS',
        measured: `${(floor.wallMs / 1000).toFixed(2)} s, ${floor.peakRssMb.toFixed(0)} MB`,
      },
      {
        figure: 'full scan: files read, skipped, findings',
        measured:
          `${result.filesScanned} read, ${result.filesSkipped.length} skipped, ${result.findings.length} findings ` +
          `(${large.expectedFindings} marked in the copied samples)`,
      },
    ],
    note,
  );
  const medians: string[] = [];
  for (const language of languages) {
    const times = await reanalysisTimes(language, 200);
    const at = (values: readonly number[], fraction: number) => percentile(values, fraction).toFixed(1);
    medians.push(
      `.${language.extension} ${at(times.analyse, 0.5)} ms (CPU p50 ${at(times.analyseCpu, 0.5)}, p95 ${at(times.analyseCpu, 0.95)} ms)`,
    );
    report.push(group, {
      figure: `re-analysis on change, ~500-line .${language.extension} file, p95 of 200 edits`,
      goal: '< 50 ms',
      measured: percentile(times.analyse, 0.95),
      baseline: percentile(times.parse, 0.95),
      baselineIs: 'parsing alone, p95',
      unit: 'ms',
    });
  }
  report.push(group, {
    figure: 're-analysis on change, p50 of 200 edits (CPU time: without the wait for a core)',
    measured: medians.join(', '),
  });
}
