// Runs inside a real VS Code extension host (code-server), started by bench/soakBench.ts through
// scripts/vscode/runInCodeServer.mjs: the soak of the in-host tests (test/vscode/soak/soakRun.ts) for
// LOCK_DOCTOR_SOAK_SECONDS (default 600). Writes its figures as JSON to LOCK_DOCTOR_BENCH_OUT.
import { writeFileSync } from 'node:fs';
import { runSoak } from '../test/vscode/soak/soakRun';

export async function run(): Promise<void> {
  const out = process.env.LOCK_DOCTOR_BENCH_OUT;
  if (!out) {
    throw new Error('hostSoak needs LOCK_DOCTOR_BENCH_OUT');
  }
  const seconds = Number(process.env.LOCK_DOCTOR_SOAK_SECONDS ?? 600);
  writeFileSync(out, JSON.stringify(await runSoak({ durationMs: seconds * 1000 })));
}
