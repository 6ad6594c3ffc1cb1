// Who holds a lock on the file right now (from /proc/locks), and what applications get by default.
import type { ConnectionDefault } from '../../../src/engine/inspect/connectionDefaults';
import type { LockTable } from '../../../src/engine/inspect/inspectReport';
import { formatCount } from './format';
import { h, table } from './html';

const ms = (value: number) => `${formatCount(value)} ms`;

export function renderLocksNow(locks: LockTable): string {
  if (locks.source === 'unavailable') {
    return '<p class="muted">Lock holders cannot be seen here: they are read from /proc/locks, on Linux only.</p>';
  }
  if (locks.holders.length === 0) {
    return '<p id="lock-holders" class="muted">No process holds a lock on this file.</p>';
  }
  return table(
    { id: 'lock-holders', caption: 'Processes holding locks' },
    [
      { html: 'PID', numeric: true },
      { html: 'Database lock' },
      { html: 'WAL locks (-shm)' },
      { html: 'State' },
    ],
    locks.holders.map((holder) => ({
      cells: [
        String(holder.pid),
        holder.databaseLock === 'none' ? '—' : h(holder.databaseLock),
        holder.walLocks.length === 0
          ? '—'
          : holder.walLocks
              .map((lock) => `${h(lock.name)}${lock.access === 'write' ? ' (write)' : ''}`)
              .join(', '),
        holder.waiting ? '<span class="text-warning">waiting for a lock</span>' : 'holding',
      ],
    })),
  );
}

/** Collapsed by default; the summary alone already says which clients wait and which fail at once. */
export function renderConnectionDefaults(defaults: ConnectionDefault[]): string {
  if (defaults.length === 0) {
    return '';
  }
  const byTimeout = new Map<number, string[]>();
  for (const entry of defaults) {
    byTimeout.set(entry.busyTimeoutMs, [...(byTimeout.get(entry.busyTimeoutMs) ?? []), entry.client]);
  }
  const summary = [...byTimeout.entries()]
    .sort(([a], [b]) => a - b)
    .map(([timeout, clients]) => `${ms(timeout)}: ${clients.join(', ')}`)
    .join('; ');
  const body = table(
    { id: 'connection-defaults', caption: 'Connection defaults by client' },
    [
      { html: 'Client' },
      { html: 'Busy timeout', numeric: true },
      { html: 'Transactions' },
      { html: 'To change it' },
    ],
    defaults.map((entry) => ({
      cells: [
        h(entry.client),
        h(ms(entry.busyTimeoutMs)),
        h(entry.transactionBegin),
        `<code>${h(entry.setting)}</code>`,
      ],
    })),
  );
  return `<details class="defaults"><summary>Busy timeout by client: ${h(summary)}</summary><div class="table-scroll">${body}</div></details>`;
}
