// What applications get by default: collapsed, since its title alone already says which clients wait
// and which fail at once.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { ConnectionDefault } from '../../../src/engine/inspect/connectionDefaults';
import { formatCount } from './format';
import { dataTable } from './table';

const ms = (value: number) => `${formatCount(value)} ms`;

export function renderConnectionDefaults(defaults: ConnectionDefault[]): TemplateResult | typeof nothing {
  if (defaults.length === 0) {
    return nothing;
  }
  const byTimeout = new Map<number, string[]>();
  for (const entry of defaults) {
    byTimeout.set(entry.busyTimeoutMs, [...(byTimeout.get(entry.busyTimeoutMs) ?? []), entry.client]);
  }
  const summary = [...byTimeout.entries()]
    .sort(([a], [b]) => a - b)
    .map(([timeout, clients]) => `${ms(timeout)}: ${clients.join(', ')}`)
    .join('; ');
  return html`<vscode-collapsible class="defaults" heading="Busy timeout by client" description=${summary}>
    ${dataTable(
      'connection-defaults',
      'Connection defaults by client',
      [
        { label: 'Client' },
        { label: 'Busy timeout', numeric: true },
        { label: 'Transactions' },
        { label: 'To change it' },
      ],
      defaults.map((entry) => ({
        key: entry.client,
        cells: [
          entry.client,
          ms(entry.busyTimeoutMs),
          entry.transactionBegin,
          html`<code>${entry.setting}</code>`,
        ],
      })),
    )}
  </vscode-collapsible>`;
}
