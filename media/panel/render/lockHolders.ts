// The one view of who holds which lock: a row per process, file and lock, with what the lock means for
// other connections, and how long it has been held (live readings). It draws the live readings, what
// inspect saw, and a running probe's sessions.
import { html, type TemplateResult } from 'lit-html';
import { heldForText } from '../../../src/engine/text/heldForText';
import type { LockHolderEntry, LockHolderTable } from '../../../src/engine/locks/lockReport';
import { dataTable } from './table';

function lockLabel(holder: LockHolderEntry): string {
  if (holder.openWithoutLock) {
    return 'open, no lock';
  }
  const label = holder.readSlot !== undefined ? `${holder.lock} (slot ${holder.readSlot})` : holder.lock;
  return holder.openFileDescription ? `${label}, OFD lock` : label;
}

function stateLabel(holder: LockHolderEntry): TemplateResult | string {
  if (holder.waiting) {
    return html`<span class="text-warning">waiting</span>`;
  }
  return holder.openWithoutLock ? 'open' : 'holding';
}

function processLabel(holder: LockHolderEntry, sessionsByPid: Record<number, string[]>): string {
  const sessions = sessionsByPid[holder.pid];
  if (!sessions || sessions.length === 0) {
    return holder.command ?? (holder.pid < 0 ? 'an open file description' : '?');
  }
  return `probe ${sessions.length === 1 ? 'session' : 'sessions'} ${sessions.join(', ')}`;
}

export function renderLockHolders(
  table: LockHolderTable,
  id: string,
  /** During a probe: its session names by PID, shown in place of the process name. */
  sessionsByPid: Record<number, string[]> = {},
): TemplateResult {
  if (!table.supported) {
    return html`<p id=${id} class="muted">
      ${table.note ?? 'Lock holders cannot be listed on this platform.'}
    </p>`;
  }
  if (table.holders.length === 0) {
    return html`<p id=${id} class="muted">No process holds a lock on this file or has it open.</p>`;
  }
  // Only live readings know how long a lock has been held.
  const timed = table.holders.some((holder) => holder.heldForMs !== undefined);
  return dataTable(
    id,
    'Processes holding locks or with the file open',
    [
      { label: 'PID', numeric: true },
      { label: 'Process' },
      { label: 'File' },
      { label: 'Lock' },
      { label: 'State' },
      ...(timed ? [{ label: 'Held for' }] : []),
    ],
    table.holders.map((holder) => ({
      key: `${holder.pid}|${holder.file}|${holder.lock}|${holder.readSlot ?? ''}|${holder.waiting}|${holder.openFileDescription ?? ''}`,
      data: { pid: String(holder.pid), lock: holder.lock },
      title: holder.meaning || undefined,
      cells: [
        String(holder.pid),
        html`<span title=${holder.commandLine ?? ''}>${processLabel(holder, sessionsByPid)}</span>`,
        holder.file,
        lockLabel(holder),
        stateLabel(holder),
        ...(timed ? [(heldForText(holder) ?? '').replace(/^held /, '')] : []),
      ],
    })),
  );
}
