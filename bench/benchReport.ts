// The benchmark's one report: every part pushes rows {figure, goal, measured, baseline, ratio, unit}
// into a group; the run prints them and (quick and full modes) rewrites docs/benchmarks.md. The
// markdown depends only on the rows and the machine, in the order they were pushed, so two runs
// differ only in their values.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';

/** Below this line docs/benchmarks.md is written by hand (what the figures mean, what changed them). */
export const notesMarker = '<!-- Notes written by hand: npm run bench keeps everything below this line. -->';

export interface BenchRow {
  figure: string;
  /** What it should be, in words ("< 10 ms", "linear"); empty when no goal is set. */
  goal?: string;
  /** A number in `unit`, or a sentence for figures that are not one number. */
  measured: number | string;
  /** The same figure measured in the same run under the reference condition, in `unit`. */
  baseline?: number;
  /** What the baseline is ("2 sessions", "100 lines"). */
  baselineIs?: string;
  unit?: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  freeMemoryGb: number;
  loadAverage: [number, number, number];
  node: string;
  platform: string;
  date: string;
}

export function describeMachine(now = new Date()): Machine {
  const cores = cpus();
  const [one, five, fifteen] = loadavg();
  return {
    cpu: cores[0]?.model.trim() ?? 'unknown',
    cores: cores.length,
    memoryGb: totalmem() / 1024 ** 3,
    freeMemoryGb: freemem() / 1024 ** 3,
    loadAverage: [one, five, fifteen],
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    date: now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
}

/** measured / baseline, when both are numbers and the baseline is not zero. */
export function ratioOf(row: BenchRow): number | undefined {
  return typeof row.measured === 'number' && row.baseline !== undefined && row.baseline !== 0
    ? row.measured / row.baseline
    : undefined;
}

/** Three significant digits, no exponent: 0.00123, 1.23, 123, 12300. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) {
    return String(value);
  }
  const magnitude = Math.abs(value);
  const decimals =
    magnitude >= 100 || magnitude === 0 ? 0 : Math.min(6, 2 - Math.floor(Math.log10(magnitude)));
  return value.toLocaleString('en-US', { maximumFractionDigits: decimals, minimumFractionDigits: 0 });
}

function withUnit(value: number, unit: string | undefined): string {
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

function cells(row: BenchRow): string[] {
  const ratio = ratioOf(row);
  return [
    row.figure,
    row.goal ?? '',
    typeof row.measured === 'number' ? withUnit(row.measured, row.unit) : row.measured,
    row.baseline === undefined
      ? ''
      : `${withUnit(row.baseline, row.unit)}${row.baselineIs ? ` (${row.baselineIs})` : ''}`,
    ratio === undefined ? '' : `${formatNumber(ratio)}×`,
  ];
}

const header = ['figure', 'goal', 'measured', 'baseline (same run)', 'ratio'];

function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

export class BenchReport {
  private readonly groups = new Map<string, { note?: string; rows: BenchRow[] }>();

  constructor(
    readonly mode: string,
    readonly machine: Machine = describeMachine(),
  ) {}

  /** Adds rows to `group` (created on first use, with `note` saying how it was measured). */
  push(group: string, rows: BenchRow | BenchRow[], note?: string): void {
    const entry = this.groups.get(group) ?? { rows: [] };
    if (note !== undefined) {
      entry.note = note;
    }
    entry.rows.push(...(Array.isArray(rows) ? rows : [rows]));
    this.groups.set(group, entry);
    for (const row of Array.isArray(rows) ? rows : [rows]) {
      process.stderr.write(`${group}: ${cells(row).filter(Boolean).join(' | ')}\n`);
    }
  }

  /** The older parts' [name, value] rows, as rows with the value as a sentence. */
  pushText(group: string, rows: [string, string][], note?: string): void {
    this.push(
      group,
      rows.map(([figure, measured]) => ({ figure, measured })),
      note,
    );
  }

  get isEmpty(): boolean {
    return this.groups.size === 0;
  }

  /** Plain columns for the terminal. */
  text(): string {
    const lines: string[] = [];
    for (const [group, { rows }] of this.groups) {
      lines.push('', group);
      const table = rows.map(cells);
      const widths = header.map((_, column) => Math.max(...table.map((row) => row[column].length)));
      for (const row of table) {
        lines.push(
          '  ' +
            row
              .map((cell, column) => cell.padEnd(widths[column]))
              .join('  ')
              .trimEnd(),
        );
      }
    }
    return `${lines.join('\n')}\n`;
  }

  markdown(): string {
    const { machine } = this;
    const load = machine.loadAverage.map((value) => value.toFixed(2)).join(', ');
    const lines = [
      '# Benchmarks',
      '',
      '<!-- Written by `npm run bench` (bench/benchReport.ts): the tables are rewritten each run, the notes at the end are kept. -->',
      '',
      'Every speed and size goal of SQLite Lock Doctor, measured. `npm run bench` is the quick mode (a',
      'minute or two on a laptop); `npm run bench -- --full` is the full mode for the record. Each',
      'baseline is measured in the same run, on the same machine, so the ratio holds even when the',
      'machine is busy. A benchmark reports; it never fails the test suite. Parts run alone (printed,',
      'not written here): `--overhead`, `--turns`, `--fidelity`, `--timeline`, `--hints`, `--locks`, `--record`, `--burst`,',
      '`--host`.',
      '',
      `- Mode: ${this.mode}`,
      `- Date: ${machine.date}`,
      `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb.toFixed(1)} GB memory (${machine.freeMemoryGb.toFixed(1)} GB free), ${machine.platform}`,
      `- Load average at the start: ${load}`,
      `- Node: ${machine.node}`,
    ];
    for (const [group, { note, rows }] of this.groups) {
      lines.push('', `## ${group}`, '');
      if (note) {
        lines.push(note, '');
      }
      lines.push(`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`);
      for (const row of rows) {
        lines.push(`| ${cells(row).map(escapeCell).join(' | ')} |`);
      }
    }
    return `${lines.join('\n')}\n`;
  }

  /** Writes the tables; what the file holds from `notesMarker` on (written by hand) is kept. */
  writeMarkdown(file: string): void {
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const notes = previous.indexOf(notesMarker);
    writeFileSync(file, notes >= 0 ? `${this.markdown()}\n${previous.slice(notes)}` : this.markdown());
  }
}
