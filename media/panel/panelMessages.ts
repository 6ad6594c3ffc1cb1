// What arrives from the host, folded into the panel's state: each message replaces its part.
import type { PanelState, ToPanel } from '../../src/shared/panelProtocol';
import { showTextInPlace, withTextShown } from './shownState';

const types: readonly ToPanel['type'][] = [
  'file',
  'locks',
  'activity',
  'result',
  'recording',
  'sweep',
  'show',
];

export function isToPanel(message: unknown): message is ToPanel {
  return (
    typeof message === 'object' &&
    message !== null &&
    (types as readonly unknown[]).includes((message as { type?: unknown }).type)
  );
}

/** The state after one message. */
export function applyToPanel(
  state: Partial<PanelState>,
  message: Exclude<ToPanel, { type: 'show' }>,
): Partial<PanelState> {
  if (message.type === 'result') {
    return { ...state, lastResult: showTextInPlace(message.result) };
  }
  if (message.type === 'recording') {
    return { ...state, lastRecording: showTextInPlace(message.recording) };
  }
  if (message.type === 'sweep') {
    return { ...state, lastSweep: showTextInPlace(message.sweep) };
  }
  const { type, ...part } = message;
  void type; // the rest is the part of the state this message replaces
  const shown: Partial<PanelState> = {};
  for (const [key, value] of Object.entries(part)) {
    (shown as Record<string, unknown>)[key] = withTextShown(value);
  }
  return { ...state, ...shown };
}

/** Every part has arrived (the host sends them all after 'ready'). */
export function isComplete(state: Partial<PanelState>): state is PanelState {
  return (
    state.database !== undefined &&
    state.trusted !== undefined &&
    state.defaults !== undefined &&
    state.locks !== undefined &&
    state.busy !== undefined &&
    state.lastResult !== undefined &&
    state.lastRecording !== undefined &&
    state.lastSweep !== undefined
  );
}
