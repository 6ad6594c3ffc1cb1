// Everything from the webview is untrusted input: accept only the known message shapes and values.
import type { ProbeResult } from '../../engine/probe/probeTypes';
import type { FromPanel, PanelSavedState, ProbeFormValues } from '../../shared/panelProtocol';

const presets = ['seed', 'upgrade', 'reader', 'burst'] as const;
const models = ['processes', 'threads', 'blocking'] as const;
const journals = ['keep', 'wal', 'delete'] as const;
const begins = ['preset', 'deferred', 'immediate', 'exclusive'] as const;
const formats = ['json', 'markdown', 'svg'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[]): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

export function validateProbeForm(value: unknown): ProbeFormValues | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const { preset, model, journal, busyTimeoutMs, begin } = value;
  if (
    oneOf(preset, presets) &&
    oneOf(model, models) &&
    oneOf(journal, journals) &&
    oneOf(begin, begins) &&
    typeof busyTimeoutMs === 'number' &&
    Number.isInteger(busyTimeoutMs) &&
    busyTimeoutMs >= 0 &&
    busyTimeoutMs <= 600_000
  ) {
    return { preset, model, journal, busyTimeoutMs, begin };
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
      return { type: message.type };
    case 'switchJournal':
      return oneOf(message.target, ['wal', 'delete'] as const)
        ? { type: 'switchJournal', target: message.target }
        : undefined;
    case 'runProbe': {
      const form = validateProbeForm(message.form);
      return form ? { type: 'runProbe', form } : undefined;
    }
    case 'export':
      return oneOf(message.format, formats) ? { type: 'export', format: message.format } : undefined;
    default:
      return undefined;
  }
}

/** The state a reloaded panel hands back: only the path of the database it showed is used here. */
export function validateSavedState(state: unknown): Pick<PanelSavedState, 'databasePath'> {
  const databasePath = isRecord(state) ? state.databasePath : undefined;
  return { databasePath: typeof databasePath === 'string' && databasePath.length > 0 ? databasePath : null };
}

/** A stored result, if it has the probe result's shape (storage outlives versions of this extension). */
export function validateStoredResult(result: unknown): ProbeResult | null {
  const looksLikeResult =
    isRecord(result) &&
    result.schema === 'sqlite-lock-doctor/probe-result@1' &&
    typeof result.id === 'string' &&
    isRecord(result.config) &&
    Array.isArray(result.sessions) &&
    isRecord(result.errorCounts) &&
    isRecord(result.rows) &&
    isRecord(result.verdict);
  return looksLikeResult ? (result as unknown as ProbeResult) : null;
}
