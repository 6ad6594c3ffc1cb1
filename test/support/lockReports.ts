// Reading lock reports in tests: through the built CLI as a user would, and picking entries out of them.
import assert from 'node:assert/strict';
import type { LockHolderEntry, LockReport } from '../../src/engine/locks/lockReport';
import { runCli } from './runCli';

export const onLinux = process.platform === 'linux';
export const linuxOnly = {
  skip: onLinux ? false : 'lock holders are read from /proc/locks, on Linux only',
};
// Generous: the CI machine has 2 cores and runs other suites at the same time.
export const slow = { ...linuxOnly, timeout: 120_000 };

/** `locks <file> --json` through the built CLI; neither the CLI nor this test process may be a holder. */
export async function locksJson(file: string): Promise<LockReport> {
  const run = await runCli(['locks', file, '--json']);
  assert.equal(run.code, 0, `locks failed: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as LockReport;
  const holderPids = report.holders.map((holder) => holder.pid);
  assert.ok(!holderPids.includes(process.pid), 'the test process holds nothing');
  assert.ok(!holderPids.includes(run.pid), 'the CLI never lists itself: it takes no lock');
  return report;
}

export function holdersOf(report: LockReport, pid: number): LockHolderEntry[] {
  return report.holders.filter((holder) => holder.pid === pid);
}

export function findHolder(
  report: LockReport,
  pid: number,
  match: Partial<Pick<LockHolderEntry, 'file' | 'lock' | 'waiting'>>,
): LockHolderEntry {
  const found = holdersOf(report, pid).find((holder) =>
    Object.entries(match).every(([key, value]) => holder[key as keyof LockHolderEntry] === value),
  );
  assert.ok(found, `PID ${pid} with ${JSON.stringify(match)} in ${JSON.stringify(report.holders, null, 1)}`);
  return found;
}

/** Re-reads until `done` holds (a state reached by a client that cannot say "ready" from inside it). */
export async function locksUntil(
  file: string,
  done: (report: LockReport) => boolean,
  timeoutMs = 30_000,
): Promise<LockReport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await locksJson(file);
    if (done(report) || Date.now() > deadline) {
      return report;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
