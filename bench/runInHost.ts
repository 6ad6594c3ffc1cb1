// Runs a bench module inside a real VS Code extension host: code-server started as the integration
// tests start it (scripts/vscode/runInCodeServer.mjs), the module's run() in its extension host, its
// figures written as JSON to the file LOCK_DOCTOR_BENCH_OUT names. Used by bench/hostDelayRun.ts and
// bench/footprint.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** The module's figures, or why there are none (the harness's last lines). */
export function runInHost<T>(module: string, timeoutSeconds: number): { figures: T } | { failure: string } {
  const folder = mkdtempSync(join(tmpdir(), 'lock-doctor-host-bench-'));
  const out = join(folder, 'figures.json');
  try {
    const run = spawnSync(
      process.execPath,
      [
        'scripts/vscode/runInCodeServer.mjs',
        'integration',
        '--tests',
        module,
        '--timeout',
        String(timeoutSeconds),
        '--artifacts',
        join(folder, 'artifacts'),
      ],
      { cwd: root, env: { ...process.env, LOCK_DOCTOR_BENCH_OUT: out }, encoding: 'utf8' },
    );
    if (!existsSync(out)) {
      return { failure: `${run.stdout}\n${run.stderr}`.trim().split('\n').slice(-3).join(' ') };
    }
    return { figures: JSON.parse(readFileSync(out, 'utf8')) as T };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
