// Runs inside a real VS Code extension host (code-server), started by bench/hostDelayRun.ts through
// scripts/vscode/runInCodeServer.mjs: the host's event-loop delay (perf_hooks.monitorEventLoopDelay)
// while the extension works, against the seed's mistake (the same probe on the host's own thread) as
// the baseline in the same run. Writes its figures as JSON to LOCK_DOCTOR_BENCH_OUT.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { ProbeOptions } from '../src/engine/probe/runProbe';
import { runProbe } from '../src/engine/probe/runProbe';
import { sqliteShell } from '../test/support/sqliteShell';

export interface HostDelay {
  scenario: string;
  p99Ms: number;
  maxMs: number;
  seconds: number;
}

const extensionId = 'sqlite-lock-doctor.sqlite-lock-doctor';

/** The seed in the blocking model: A's write waits for B's lock the whole 5 s busy timeout. */
const probe = { preset: 'seed', model: 'blocking', journal: 'keep', busyTimeoutMs: 5000 } as const;

async function measure(scenario: string, work: () => PromiseLike<unknown>): Promise<HostDelay> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  const started = performance.now();
  histogram.enable();
  await work();
  histogram.disable();
  return {
    scenario,
    p99Ms: histogram.percentile(99) / 1e6,
    maxMs: histogram.max / 1e6,
    seconds: (performance.now() - started) / 1000,
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function run(): Promise<void> {
  const out = process.env.LOCK_DOCTOR_BENCH_OUT;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  if (!out || !folder) {
    throw new Error('hostDelay needs LOCK_DOCTOR_BENCH_OUT and a workspace folder');
  }
  const database = join(folder, 'host-delay.db');
  sqliteShell(database, 'CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT); PRAGMA journal_mode=wal;');
  await vscode.extensions.getExtension(extensionId)?.activate();
  const settings = vscode.workspace.getConfiguration('sqliteLockDoctor');
  await settings.update('locks.pollIntervalMs', 100, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('sqliteLockDoctor.openDatabase', vscode.Uri.file(database));
  await pause(1000);

  const figures: HostDelay[] = [];
  figures.push(await measure('idle host, the status bar watching (reference)', () => pause(3000)));
  figures.push(
    await measure('probe through the extension (engine child), 5 s lock wait', () =>
      vscode.commands.executeCommand('sqliteLockDoctor.runProbe', { ...probe, begin: 'preset' }),
    ),
  );
  figures.push(
    await measure('lock watcher (panel open, 100 ms readings) and a recording, 5 s', async () => {
      await vscode.commands.executeCommand('sqliteLockDoctor.showPanel');
      await vscode.commands.executeCommand('sqliteLockDoctor.recordLockActivity', { recordOnly: true });
      await pause(5000);
      await vscode.commands.executeCommand('sqliteLockDoctor.stopRecording');
    }),
  );
  // The baseline: the same probe on the host's own thread, as the seed did (better-sqlite3 in the host).
  const options: ProbeOptions = { database, inPlace: false, ...probe };
  figures.push(await measure('baseline: the same probe on the host thread', () => runProbe(options)));
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  writeFileSync(out, JSON.stringify(figures));
}
