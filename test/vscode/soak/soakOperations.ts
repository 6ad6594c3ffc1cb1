// The soak's operations, each through the extension's own commands (no dialogs: the arguments the
// in-host tests pass), each returning what a user would see of it: a result, or the sentence shown.
import * as vscode from 'vscode';
import type { LockDoctorApi } from '../../../src/extension/lockDoctorApi';
import type { ExecutionModel } from '../../../src/engine/options/executionModels';
import { executionModels } from '../../../src/engine/options/executionModels';
import type { PresetName } from '../../../src/engine/options/presets';
import { presets } from '../../../src/engine/options/presets';
import type { ProbeResult } from '../../../src/engine/probe/probeTypes';
import type { Recording } from '../../../src/engine/record/recordingTypes';

export interface ProbeChoice {
  preset: PresetName;
  model: ExecutionModel;
  inPlace: boolean;
}

/**
 * Every preset with every model it runs in (shared-cache needs one process), in an order where the
 * preset changes every time and the model every time too (a diagonal walk of the grid); the second
 * of every three in place (so the first round has one): a short soak still sees several of each.
 */
export const probeRotation: ProbeChoice[] = Array.from(
  { length: presets.values.length * executionModels.values.length },
  (_, index) => {
    const column = index % presets.values.length;
    const row = Math.floor(index / presets.values.length);
    return {
      preset: presets.values[column],
      model: executionModels.values[(column + row) % executionModels.values.length],
    };
  },
)
  .filter((choice) => choice.preset !== 'shared-cache' || choice.model !== 'processes')
  .map((choice, index) => ({ ...choice, inPlace: index % 3 === 1 }));

export type Outcome = { ok: true; detail: string } | { ok: false; sentence: string };

function failure(lockDoctor: LockDoctorApi, what: string): Outcome {
  return { ok: false, sentence: `${what}: ${lockDoctor.state().lastError ?? 'no result and no sentence'}` };
}

export async function runProbe(lockDoctor: LockDoctorApi, choice: ProbeChoice): Promise<Outcome> {
  const settings = vscode.workspace.getConfiguration('sqliteLockDoctor');
  await settings.update('probe.inPlace', choice.inPlace, vscode.ConfigurationTarget.Global);
  const result = await vscode.commands.executeCommand<ProbeResult | undefined>('sqliteLockDoctor.runProbe', {
    preset: choice.preset,
    model: choice.model,
    journal: 'keep',
    busyTimeoutMs: 1000,
    begin: 'preset',
  });
  const what = `probe ${choice.preset} (${choice.model}${choice.inPlace ? ', in place' : ''})`;
  return result ? { ok: true, detail: `${what}: ${result.verdict.summary}` } : failure(lockDoctor, what);
}

/** Switches to the other journal mode; refused (busy) is an outcome, not an error. */
export async function switchJournal(lockDoctor: LockDoctorApi): Promise<Outcome> {
  const target = lockDoctor.state().database?.report?.journalMode === 'wal' ? 'Delete' : 'Wal';
  await vscode.commands.executeCommand(`sqliteLockDoctor.switchTo${target}`, { skipConfirmation: true });
  const notice = lockDoctor.state().lastNotice ?? '';
  return /^Switched /.test(notice)
    ? { ok: true, detail: notice }
    : failure(lockDoctor, `switch to ${target.toUpperCase()}`);
}

export async function checkpoint(lockDoctor: LockDoctorApi): Promise<Outcome> {
  await vscode.commands.executeCommand('sqliteLockDoctor.checkpoint', { skipConfirmation: true });
  const notice = lockDoctor.state().lastNotice ?? '';
  return /^Checkpoint of /.test(notice) ? { ok: true, detail: notice } : failure(lockDoctor, 'checkpoint');
}

/** One reading of the lock holders; the PIDs seen holding a lock. */
export async function readLocks(lockDoctor: LockDoctorApi): Promise<number[]> {
  await vscode.commands.executeCommand('sqliteLockDoctor.showLockHolders');
  return (lockDoctor.state().locks?.holders ?? []).map((holder) => holder.pid);
}

export async function startRecording(lockDoctor: LockDoctorApi): Promise<Outcome> {
  const started = await vscode.commands.executeCommand<boolean>('sqliteLockDoctor.recordLockActivity', {
    recordOnly: true,
  });
  return started ? { ok: true, detail: 'recording' } : failure(lockDoctor, 'record');
}

export async function stopRecording(lockDoctor: LockDoctorApi): Promise<{ outcome: Outcome; lanes: number }> {
  const recording = await vscode.commands.executeCommand<Recording | undefined>(
    'sqliteLockDoctor.stopRecording',
  );
  return recording
    ? { outcome: { ok: true, detail: `${recording.samples} samples` }, lanes: recording.processes.length }
    : { outcome: failure(lockDoctor, 'stop recording'), lanes: 0 };
}
