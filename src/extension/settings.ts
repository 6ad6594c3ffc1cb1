// The extension's settings, read in one place with their defaults (package.json declares the same).
import * as vscode from 'vscode';
import type { BeginChoice, PresetChoice, ProbeFormValues } from '../shared/panelProtocol';
import type { ExecutionModel, JournalChoice } from '../engine/probe/probeTypes';

export interface LockDoctorSettings {
  probe: ProbeFormValues & { askEachTime: boolean; inPlace: boolean };
  journalSwitchBusyTimeoutMs: number;
  statusBarEnabled: boolean;
  /** 0: no live lock holders. */
  lockPollIntervalMs: number;
}

function pick<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

function clampInteger(value: number | undefined, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max
    ? value
    : fallback;
}

export function readSettings(scope?: vscode.Uri): LockDoctorSettings {
  const config = vscode.workspace.getConfiguration('sqliteLockDoctor', scope);
  return {
    probe: {
      preset: pick<PresetChoice>(config.get('probe.preset'), ['seed', 'upgrade', 'reader', 'burst'], 'seed'),
      model: pick<ExecutionModel>(
        config.get('probe.model'),
        ['processes', 'threads', 'blocking'],
        'processes',
      ),
      journal: pick<JournalChoice>(config.get('probe.journal'), ['keep', 'wal', 'delete'], 'keep'),
      busyTimeoutMs: clampInteger(config.get('probe.busyTimeoutMs'), 0, 600_000, 5000),
      begin: pick<BeginChoice>(
        config.get('probe.begin'),
        ['preset', 'deferred', 'immediate', 'exclusive'],
        'preset',
      ),
      askEachTime: config.get<boolean>('probe.askEachTime') ?? true,
      // Untrusted workspaces cannot turn this on (restrictedConfigurations in package.json).
      inPlace: config.get<boolean>('probe.inPlace') ?? false,
    },
    journalSwitchBusyTimeoutMs: clampInteger(config.get('journalSwitch.busyTimeoutMs'), 0, 60_000, 2000),
    statusBarEnabled: config.get<boolean>('statusBar.enabled') ?? true,
    lockPollIntervalMs: clampInteger(config.get('locks.pollIntervalMs'), 0, 60_000, 2000),
  };
}
