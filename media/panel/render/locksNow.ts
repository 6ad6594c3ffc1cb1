// Who holds a lock on the file right now (from /proc/locks), and what applications get by default.
import type { ConnectionDefault } from '../../../src/engine/inspect/connectionDefaults';
import type { LockHolderTable } from '../../../src/engine/locks/lockReport';
import { formatCount } from './format';
import { h, table } from './html';
import { renderHolderTable } from './liveLocks';

const ms = (value: number) => `${formatCount(value)} ms`;

/** The holders inspect saw, until the live holders arrive. */
export function renderLocksNow(locks: LockHolderTable): string {
  if (!locks.supported) {
    return `<p class="muted">${h(locks.note ?? 'Lock holders cannot be listed on this platform.')}</p>`;
  }
  return renderHolderTable(locks.holders);
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
