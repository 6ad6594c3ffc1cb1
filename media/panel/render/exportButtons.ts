// Export buttons (JSON, Markdown, SVG) for the probe's result or the recording: one mechanism for both,
// the host writes the file (src/extension/panel/exportReport.ts).
import { html, type TemplateResult } from 'lit-html';
import type { ExportSubject } from '../../../src/shared/panelProtocol';
import type { ViewActions } from './actions';

export function exportButtons(subject: ExportSubject, actions: ViewActions): TemplateResult {
  // The probe's buttons keep their first ids (export-json...), the recording's get a prefix.
  const prefix = subject === 'probe' ? 'export' : `export-${subject}`;
  const button = (format: 'json' | 'markdown' | 'svg', label: string) =>
    html`<vscode-button
      id="${prefix}-${format}"
      secondary
      @click=${() => actions.post({ type: 'export', format, subject })}
      >${label}</vscode-button
    >`;
  return html`<div
    class="export"
    role="group"
    aria-label="Export the ${subject === 'probe' ? 'result' : 'recording'}"
  >
    <span class="muted">Export</span
    >${button('json', 'JSON')}${button('markdown', 'Markdown')}${button('svg', 'SVG')}
  </div>`;
}
