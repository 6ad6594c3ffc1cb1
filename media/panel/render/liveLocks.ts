// Who holds a lock right now, refreshed while the panel is visible: one row per process, file and lock,
// with what the lock means for other connections, and the WAL's health.
import type { LockHolderEntry, LockReport } from '../../../src/engine/locks/lockReport';
import type { WalGrowthAssessment } from '../../../src/engine/locks/walGrowth';
import { formatBytes, formatCount } from './format';
import { attrs, h, table } from './html';

function lockLabel(holder: LockHolderEntry): string {
  if (holder.openWithoutLock) {
    return 'open, no lock';
  }
  return holder.readSlot !== undefined ? `${holder.lock} (slot ${holder.readSlot})` : holder.lock;
}

function stateLabel(holder: LockHolderEntry): string {
  if (holder.waiting) {
    return '<span class="text-warning">waiting</span>';
  }
  return holder.openWithoutLock ? 'open' : 'holding';
}

export function renderLiveLocks(
  report: LockReport,
  growth: WalGrowthAssessment | null = null,
  /** During a probe: its session names by PID, shown in place of the process name. */
  sessionsByPid: Record<number, string[]> = {},
): string {
  if (!report.supported) {
    return `<p id="lock-holders" class="muted">${h(report.note ?? 'Lock holders cannot be listed on this platform.')}</p>`;
  }
  const holders = renderHolderTable(report.holders, sessionsByPid);
  return `${holders}${renderWalHealth(report)}${renderWalGrowth(growth)}<p class="muted">Read from /proc/locks at ${h(
    new Date(report.takenAt).toLocaleTimeString(),
  )} in ${h(report.readMs.toFixed(1))} ms; refreshed while this panel is visible and VS Code has focus.</p>`;
}

/** The holders table of `locks` and `inspect` alike: one row per process, file and lock. */
export function renderHolderTable(
  holders: LockHolderEntry[],
  sessionsByPid: Record<number, string[]> = {},
): string {
  return holders.length === 0
    ? '<p id="lock-holders" class="muted">No process holds a lock on this file or has it open.</p>'
    : table(
        { id: 'lock-holders', caption: 'Processes holding locks or with the file open' },
        [
          { html: 'PID', numeric: true },
          { html: 'Process' },
          { html: 'File' },
          { html: 'Lock' },
          { html: 'State' },
        ],
        holders.map((holder) => ({
          attributes: { 'data-pid': String(holder.pid), 'data-lock': holder.lock, title: holder.meaning },
          cells: [
            String(holder.pid),
            `<span${attrs({ title: holder.commandLine ?? '' })}>${h(processLabel(holder, sessionsByPid))}</span>`,
            h(holder.file),
            h(lockLabel(holder)),
            stateLabel(holder),
          ],
        })),
      );
}

function renderWalHealth(report: LockReport): string {
  const wal = report.wal;
  if (!wal || !wal.exists) {
    return '';
  }
  const readers = wal.readerPids.length;
  const warning = wal.pastAutoCheckpoint
    ? `<p class="message message-info" role="status">The WAL has ${h(formatCount(wal.frames))} frames, past the auto-checkpoint threshold of ${h(
        formatCount(wal.autoCheckpointPages),
      )}${readers > 0 ? `, while ${readers} reader${readers === 1 ? '' : 's'} (PID ${h(wal.readerPids.join(', '))}) hold it: checkpoints cannot pass their snapshots (checkpoint starvation)` : ''}.</p>`
    : '';
  return `<p id="wal-health">WAL: ${h(formatBytes(wal.sizeBytes))}, ${h(formatCount(wal.frames))} frames (auto-checkpoint at ${h(
    formatCount(wal.autoCheckpointPages),
  )}).</p>${warning}`;
}

/** Over several readings: the WAL keeps growing, with the readers that keep checkpoints from passing. */
function renderWalGrowth(growth: WalGrowthAssessment | null): string {
  if (!growth?.warning) {
    return '';
  }
  return `<p id="wal-growth" class="message message-info" role="alert">${h(growth.message)}</p>`;
}

function processLabel(holder: LockHolderEntry, sessionsByPid: Record<number, string[]>): string {
  const sessions = sessionsByPid[holder.pid];
  if (!sessions || sessions.length === 0) {
    return holder.command ?? '?';
  }
  return `probe ${sessions.length === 1 ? 'session' : 'sessions'} ${sessions.join(', ')}`;
}
