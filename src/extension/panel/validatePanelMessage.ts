// Everything from the webview is untrusted input: accept only the known message shapes and values.
// Choices and ranges are the engine's vocabulary, the same the settings and the command line accept.
import { beginChoices } from '../../engine/options/beginChoices';
import { isChoice } from '../../engine/options/choiceList';
import { executionModels } from '../../engine/options/executionModels';
import { exportFormats } from '../../engine/options/exportFormats';
import { journalChoices, journalSwitchTargets } from '../../engine/options/journalModes';
import { poolSize, presets } from '../../engine/options/presets';
import { clientProfiles } from '../../engine/options/clientProfiles';
import { probeBusyTimeout } from '../../engine/options/timeLimits';
import { wholeNumberProblem } from '../../engine/options/wholeNumberLimit';
import { probeResultSchema, type ProbeResult } from '../../engine/probe/probeTypes';
import { recordingSchema, type Recording } from '../../engine/record/recordingTypes';
import { sweepResultSchema, type SweepResult } from '../../engine/sweep/sweepTypes';
import type { FromPanel, PanelSavedState, ProbeFormValues } from '../../shared/panelProtocol';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function validateProbeForm(value: unknown): ProbeFormValues | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const { preset, model, journal, busyTimeoutMs, begin, client, poolSize: pool } = value;
  if (
    isChoice(presets, preset) &&
    isChoice(executionModels, model) &&
    isChoice(journalChoices, journal) &&
    isChoice(beginChoices, begin) &&
    wholeNumberProblem(probeBusyTimeout, busyTimeoutMs) === undefined &&
    (client === undefined || isChoice(clientProfiles, client)) &&
    (pool === undefined || wholeNumberProblem(poolSize, pool) === undefined)
  ) {
    return {
      preset,
      model,
      journal,
      busyTimeoutMs: busyTimeoutMs as number,
      begin,
      ...(client === undefined ? {} : { client }),
      ...(pool === undefined ? {} : { poolSize: pool as number }),
    };
  }
  return undefined;
}

/** The message if it is one we know, rebuilt from its checked fields only; undefined otherwise. */
export function validatePanelMessage(message: unknown): FromPanel | undefined {
  if (!isRecord(message)) {
    return undefined;
  }
  switch (message.type) {
    case 'ready':
    case 'openDatabase':
    case 'refresh':
    case 'cancelProbe':
    case 'stopRecording':
    case 'runSweep':
      return { type: message.type };
    case 'switchJournal':
      return isChoice(journalSwitchTargets, message.target)
        ? { type: 'switchJournal', target: message.target }
        : undefined;
    case 'runProbe': {
      const form = validateProbeForm(message.form);
      return form ? { type: 'runProbe', form } : undefined;
    }
    case 'export': {
      // A page from before recordings existed sends no subject: it meant the probe.
      const subject = message.subject === undefined ? 'probe' : message.subject;
      return isChoice(exportFormats, message.format) && (subject === 'probe' || subject === 'recording')
        ? { type: 'export', format: message.format, subject }
        : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The state a reloaded panel hands back: only the path of the database it showed is used here, and only
 * when the host knows it as one the user picked (`picked`); any other path is dropped.
 */
export function validateSavedState(
  state: unknown,
  picked: (path: string) => boolean,
): Pick<PanelSavedState, 'databasePath'> {
  const databasePath = isRecord(state) ? state.databasePath : undefined;
  return {
    databasePath:
      typeof databasePath === 'string' && databasePath.length > 0 && picked(databasePath)
        ? databasePath
        : null,
  };
}

/** A stored result, if it has the probe result's shape (storage outlives versions of this extension). */
export function validateStoredResult(result: unknown): ProbeResult | null {
  const looksLikeResult =
    isRecord(result) &&
    result.schema === probeResultSchema &&
    typeof result.id === 'string' &&
    isRecord(result.config) &&
    Array.isArray(result.sessions) &&
    isRecord(result.errorCounts) &&
    isRecord(result.rows) &&
    isRecord(result.verdict);
  return looksLikeResult ? (result as unknown as ProbeResult) : null;
}

/** A sweep kept in the workspace's storage, when it still has the shape the Headroom tab draws. */
export function validateStoredSweep(sweep: unknown): SweepResult | null {
  const looksLikeSweep =
    isRecord(sweep) &&
    sweep.schema === sweepResultSchema &&
    typeof sweep.database === 'string' &&
    typeof sweep.model === 'string' &&
    typeof sweep.journalMode === 'string' &&
    typeof sweep.busyTimeoutMs === 'number' &&
    Array.isArray(sweep.levels) &&
    sweep.levels.every((level) => isRecord(level) && typeof level.clients === 'number');
  return looksLikeSweep ? (sweep as unknown as SweepResult) : null;
}

/** A stored recording, if it has the recording's shape (storage outlives versions of this extension). */
export function validateStoredRecording(recording: unknown): Recording | null {
  const looksLikeRecording =
    isRecord(recording) &&
    recording.schema === recordingSchema &&
    typeof recording.id === 'string' &&
    typeof recording.database === 'string' &&
    typeof recording.durationMs === 'number' &&
    Array.isArray(recording.processes) &&
    Array.isArray(recording.limits) &&
    isRecord(recording.summary);
  return looksLikeRecording ? (recording as unknown as Recording) : null;
}
