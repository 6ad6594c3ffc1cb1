// The lock holders view: who holds a lock on the open file now, refreshed while the panel is visible
// and VS Code has focus, with the WAL's health; before the first reading, what inspect saw.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { LockReport } from '../../../src/engine/locks/lockReport';
import type { WalGrowthAssessment } from '../../../src/engine/locks/walGrowth';
import type { PanelState } from '../../../src/shared/panelProtocol';
import { formatBytes, formatCount } from './format';
import { renderHolderProcesses } from './holderProcesses';
import { renderLockHolders } from './lockHolders';

export function renderLocksView(state: PanelState): TemplateResult {
  const report = state.database?.report;
  if (state.locks) {
    return html`${renderLockHolders(state.locks, 'lock-holders')}${renderHolderProcesses(state.locks)}${renderWalHealth(
        state.locks,
      )}${renderWalGrowth(state.walGrowth)}
      <p class="muted">
        Read from /proc/locks at ${new Date(state.locks.takenAt).toLocaleTimeString()} in
        ${state.locks.readMs.toFixed(1)} ms; refreshed while this panel is visible and VS Code has focus.
      </p>`;
  }
  if (report) {
    return html`${renderLockHolders(report.locks, 'lock-holders')}
      <p class="muted">
        As the file's inspection saw them; live readings follow while this panel is visible.
      </p>`;
  }
  return html`<p class="muted">Inspecting the file…</p>`;
}

function renderWalHealth(report: LockReport): TemplateResult | typeof nothing {
  const wal = report.wal;
  if (!wal || !wal.exists) {
    return nothing;
  }
  const readers = wal.readerPids.length;
  const starving =
    readers > 0
      ? `, while ${readers} reader${readers === 1 ? '' : 's'} (PID ${wal.readerPids.join(', ')}) hold it: checkpoints cannot pass their snapshots (checkpoint starvation)`
      : '';
  return html`<p id="wal-health">
      WAL: ${formatBytes(wal.sizeBytes)}, ${formatCount(wal.frames)} frames (auto-checkpoint at
      ${formatCount(wal.autoCheckpointPages)}).
    </p>
    ${
      wal.pastAutoCheckpoint
        ? html`<p class="message message-info" role="status">
            The WAL has ${formatCount(wal.frames)} frames, past the auto-checkpoint threshold of
            ${formatCount(wal.autoCheckpointPages)}${starving}.
          </p>`
        : nothing
    }`;
}

/** Over several readings: the WAL keeps growing, with the readers that keep checkpoints from passing. */
function renderWalGrowth(growth: WalGrowthAssessment | null): TemplateResult | typeof nothing {
  if (!growth?.warning) {
    return nothing;
  }
  return html`<p id="wal-growth" class="message message-info" role="alert">${growth.message}</p>`;
}
