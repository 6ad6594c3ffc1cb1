// A table drawn with VS Code's own table control (vscode-table). Cells are lit-html templates or
// text, so whatever they hold is escaped by construction.
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { dataset } from './dataset';

export type Cell = TemplateResult | string;

export interface Column {
  label: string;
  numeric?: boolean;
}

export interface Row {
  /** Keeps a row's element when the rows change (a session's name, a holder's PID and lock). */
  key: string;
  cells: Cell[];
  /** data-* attributes and a tooltip, for people (title) and tests (data-*). */
  data?: Record<string, string>;
  title?: string;
}

export function dataTable(id: string, label: string, columns: Column[], rows: Row[]): TemplateResult {
  return html`<vscode-table id=${id} class="data-table" zebra bordered-rows aria-label=${label}>
    <vscode-table-header slot="header">
      ${columns.map(
        (column) =>
          html`<vscode-table-header-cell class=${column.numeric ? 'num' : nothing}
            >${column.label}</vscode-table-header-cell
          >`,
      )}
    </vscode-table-header>
    <vscode-table-body slot="body">
      ${repeat(
        rows,
        (row) => row.key,
        (row) =>
          html`<vscode-table-row title=${row.title ?? nothing} ${dataset(row.data ?? {})}>
            ${row.cells.map(
              (cell, index) =>
                html`<vscode-table-cell class=${columns[index]?.numeric ? 'num' : nothing}
                  >${cell}</vscode-table-cell
                >`,
            )}
          </vscode-table-row>`,
      )}
    </vscode-table-body>
  </vscode-table>`;
}
