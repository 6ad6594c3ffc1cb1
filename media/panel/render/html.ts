// Small helpers for building the panel's HTML as strings. Every piece of text that comes from a file,
// SQLite or the user goes through `h` (escapeHtml), attribute values included.
import { escapeHtml } from '../../../src/report/escapeHtml';

export const h = escapeHtml;

export type AttributeValue = string | number | boolean | undefined;

/** ` id="x" disabled`: false and undefined leave an attribute out, true writes it bare. */
export function attrs(record: Record<string, AttributeValue>): string {
  return Object.entries(record)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${h(String(value))}"`))
    .join('');
}

/** A plain table; cells are HTML already escaped by the caller. */
export function table(
  options: { id?: string; className?: string; caption?: string },
  header: { html: string; numeric?: boolean }[],
  rows: { cells: string[]; attributes?: Record<string, AttributeValue> }[],
): string {
  const numeric = header.map((column) => column.numeric === true);
  const cellClass = (column: number) => (numeric[column] ? ' class="num"' : '');
  const head = header
    .map((column, index) => `<th scope="col"${cellClass(index)}>${column.html}</th>`)
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr${attrs(row.attributes ?? {})}>${row.cells.map((cell, index) => `<td${cellClass(index)}>${cell}</td>`).join('')}</tr>`,
    )
    .join('');
  const caption = options.caption ? `<caption class="visually-hidden">${h(options.caption)}</caption>` : '';
  return `<table${attrs({ id: options.id, class: options.className })}>${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
