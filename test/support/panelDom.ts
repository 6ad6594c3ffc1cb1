// Rendering the panel's lit-html templates in Node, into happy-dom's document. Import this before
// anything that imports lit-html: lit-html takes `document` when it loads.
import './installDom';
import { render, type TemplateResult } from 'lit-html';

/** Renders a template into a fresh <main> and returns it. */
export function renderInDom(template: TemplateResult, into?: HTMLElement): HTMLElement {
  const container = into ?? document.createElement('main');
  if (!into) {
    document.body.replaceChildren(container);
  }
  render(template, container);
  return container;
}

/** The text a person reads, whitespace collapsed. */
export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A data table's body rows as the text of their cells. */
export function tableRows(root: ParentNode, id: string): string[][] {
  const table = root.querySelector(`#${id}`);
  if (!table) {
    throw new Error(`#${id} is not rendered`);
  }
  return [...table.querySelectorAll('vscode-table-body vscode-table-row')].map((row) =>
    [...row.querySelectorAll('vscode-table-cell')].map((cell) => textOf(cell)),
  );
}
