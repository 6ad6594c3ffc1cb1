// explain on logs at its two caps: the editor's (200 000 characters, explained in the extension host,
// so it must fit in a frame) and the command line's (64 MB). The baseline is the same lines classified
// alone (what the recorder does per line), so the ratio is the cost of reading the evidence around
// each error (timeouts, elapsed times, a deferred BEGIN, the driver).
import { classifyLockError } from '../src/engine/appOutput/lockErrorKinds';
import { explainLockError } from '../src/engine/explain/explainLockError';
import { maxExplainedChars } from '../src/extension/explain/explainLimits';
import type { BenchReport } from './benchReport';

const fill = [
  'INFO:     127.0.0.1:50312 - "POST /orders HTTP/1.1" 200 OK',
  'DEBUG sql: SELECT id, stock FROM items WHERE id = ?',
  '  File "/app/venv/lib/python3.12/site-packages/sqlalchemy/engine/base.py", line 1964, in _exec_single_context',
];
const errors = [
  'sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked',
  'worker 3: Error: SQLITE_BUSY: database is locked',
];

/** A log of `chars` characters, one line in 50 a lock error. */
export function syntheticLog(chars: number): string {
  const lines: string[] = [];
  let length = 0;
  for (let index = 0; length < chars; index++) {
    const line = index % 50 === 49 ? errors[index % 2] : `${fill[index % fill.length]} #${index}`;
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n').slice(0, chars);
}

function medianMs(work: () => void, runs: number): number {
  const times = Array.from({ length: runs }, () => {
    const started = process.hrtime.bigint();
    work();
    return Number(process.hrtime.bigint() - started) / 1e6;
  }).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export function benchExplain(report: BenchReport): void {
  const cases = [
    {
      chars: maxExplainedChars,
      figure: 'explain, the editor cap (200 000 characters)',
      goal: '< 16 ms (a frame)',
      runs: 21,
    },
    {
      chars: 64 * 1024 * 1024,
      figure: 'explain, the command line cap (64 MB)',
      goal: 'a few seconds',
      runs: 3,
    },
  ];
  report.push(
    'Explain a lock error',
    cases.map(({ chars, figure, goal, runs }) => {
      const text = syntheticLog(chars);
      explainLockError(text);
      return {
        figure: `${figure}, median of ${runs}`,
        goal,
        measured: medianMs(() => explainLockError(text), runs),
        baseline: medianMs(() => text.split('\n').forEach((line) => classifyLockError(line)), runs),
        baselineIs: 'the lines classified alone',
        unit: 'ms',
      };
    }),
    'One line in 50 a lock error (SQLAlchemy and node-sqlite3); see bench/explainScale.ts.',
  );
}
