// How each lock state looks in the timeline: its class and its colour. Colours are CSS variables so
// the same SVG follows the VS Code theme inside a webview (light, dark, high contrast); the fallbacks
// suit a plain white page.
import type { DrawnLock } from '../engine/locks/lockStates';

/** A probe's transaction locks and a recording's WAL maintenance locks. */
export type HeldLock = DrawnLock;

/** Weakest to strongest: when spans share a pixel, the stronger lock is drawn last, on top. */
export const heldLocksByStrength: readonly HeldLock[] = [
  'SHARED',
  'WAL_READ',
  'RESERVED',
  'WAL_WRITE',
  'PENDING',
  'EXCLUSIVE',
  'WAL_CKPT',
  'WAL_RECOVER',
];

const classSuffix: Record<HeldLock, string> = {
  SHARED: 'sh',
  RESERVED: 'rs',
  PENDING: 'pd',
  EXCLUSIVE: 'ex',
  WAL_READ: 'wr',
  WAL_WRITE: 'ww',
  WAL_CKPT: 'ck',
  WAL_RECOVER: 'rc',
};

export const timelineColour: Record<HeldLock | 'wait' | 'error' | 'commit', string> = {
  SHARED: 'var(--vscode-charts-blue, #3b82f6)',
  RESERVED: 'var(--vscode-charts-orange, #f59e0b)',
  PENDING: 'var(--vscode-charts-yellow, #facc15)',
  EXCLUSIVE: 'var(--vscode-charts-purple, #8b5cf6)',
  WAL_READ: 'var(--vscode-terminal-ansiCyan, #06b6d4)',
  WAL_WRITE: 'var(--vscode-terminal-ansiMagenta, #db2777)',
  // The WAL's maintenance locks (recordings only): a checkpoint and a recovery.
  WAL_CKPT: 'var(--vscode-charts-green, #16a34a)',
  WAL_RECOVER: 'var(--vscode-charts-red, #b91c1c)',
  // Neutral, so the locks being held and the errors (red) stand out against the waiting.
  wait: 'var(--vscode-charts-foreground, #64748b)',
  error: 'var(--vscode-errorForeground, #dc2626)',
  commit: 'var(--vscode-charts-green, #16a34a)',
};

/** Short class names: a burst draws thousands of bars, and every byte repeats. */
export function heldClass(lock: HeldLock): string {
  return `sld-${classSuffix[lock]}`;
}

export const waitClass = 'sld-wt';
export const errorClass = 'sld-er';
export const commitClass = 'sld-cm';
