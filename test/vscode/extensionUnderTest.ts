// The extension under test, found by its id, activated once, with what activate() returned.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LockDoctorApi } from '../../src/extension/lockDoctorApi';

export const extensionId = 'sqlite-lock-doctor.sqlite-lock-doctor';

export const commandIds = [
  'sqliteLockDoctor.openDatabase',
  'sqliteLockDoctor.showJournalMode',
  'sqliteLockDoctor.switchToWal',
  'sqliteLockDoctor.switchToDelete',
  'sqliteLockDoctor.runProbe',
  'sqliteLockDoctor.runScenarioFile',
  'sqliteLockDoctor.showPanel',
  'sqliteLockDoctor.recordLockActivity',
  'sqliteLockDoctor.stopRecording',
  'sqliteLockDoctor.runLoadTest',
  'sqliteLockDoctor.scanWorkspaceForHints',
  'sqliteLockDoctor.reproduceHint',
  'sqliteLockDoctor.explainHint',
  'sqliteLockDoctor.explainLockError',
  'sqliteLockDoctor.reproduceLockError',
] as const;

export function extensionUnderTest(): vscode.Extension<unknown> {
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is not loaded in this extension host`);
  return extension;
}

/** Activates the extension (once) and returns what activate() returned. */
export async function activateExtension(): Promise<unknown> {
  return extensionUnderTest().activate();
}

/** Activates the extension and returns its read-only API (what activate() returned). */
export async function lockDoctorApi(): Promise<LockDoctorApi> {
  const exported = (await activateExtension()) as LockDoctorApi | undefined;
  assert.ok(exported && typeof exported.statusBarText === 'function', 'activate() returns the test API');
  return exported;
}
