// Runs inside a real VS Code extension host (code-server), started by bench/footprint.ts through
// scripts/vscode/runInCodeServer.mjs: the extension's activation as VS Code does it, from a host that
// has not loaded it yet (`getExtension(...).activate()`: VS Code loads dist/extension.js, then calls
// activate()). Writes its figure as JSON to LOCK_DOCTOR_BENCH_OUT.
import { writeFileSync } from 'node:fs';
import * as vscode from 'vscode';

export interface HostActivation {
  /** getExtension().activate() until it resolved, ms. */
  activateMs: number;
  /** CPU time the extension host used meanwhile (user + system), ms: less moved by a busy machine. */
  activateCpuMs: number;
  /** Whether something had activated it before the measurement (it then measures nothing). */
  wasActive: boolean;
  vscodeVersion: string;
  nodeVersion: string;
}

const extensionId = 'sqlite-lock-doctor.sqlite-lock-doctor';

export async function run(): Promise<void> {
  const out = process.env.LOCK_DOCTOR_BENCH_OUT;
  const extension = vscode.extensions.getExtension(extensionId);
  if (!out || extension === undefined) {
    throw new Error(`hostActivation needs LOCK_DOCTOR_BENCH_OUT and ${extensionId} in this host`);
  }
  const wasActive = extension.isActive;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await extension.activate();
  const activateMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const figure: HostActivation = {
    activateMs,
    activateCpuMs: (used.user + used.system) / 1000,
    wasActive,
    vscodeVersion: vscode.version,
    nodeVersion: process.version,
  };
  writeFileSync(out, JSON.stringify(figure));
}
