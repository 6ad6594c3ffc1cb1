// Export of the last probe: JSON (the documented shape), Markdown, or the timeline as a standalone SVG,
// written where the user says.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type ExportFormat, exportFormats } from '../../engine/options/exportFormats';
import { renderProbeMarkdown } from '../../report/markdownReport';
import { renderTimelineSvg } from '../../report/timelineSvg';
import type { LockDoctorModel } from '../lockDoctorModel';

const fileExtensions: Record<ExportFormat, string> = { json: 'json', markdown: 'md', svg: 'svg' };

export async function exportProbeResult(model: LockDoctorModel, format: ExportFormat): Promise<void> {
  const result = model.lastResult;
  if (!result) {
    void vscode.window.showInformationMessage('Run the probe first: there is no result to export.');
    return;
  }
  const extension = fileExtensions[format];
  const label = exportFormats.choices.find((choice) => choice.value === format)?.label ?? format;
  const base = path.basename(result.config.database).replace(/\.[^.]*$/, '');
  const suggested = path.join(
    path.dirname(result.config.database),
    `${base}-${result.config.preset}-probe.${extension}`,
  );
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.file(suggested),
    filters: { [label]: [extension] },
    saveLabel: `Export ${label}`,
  });
  if (!target) {
    return;
  }
  const content =
    format === 'json'
      ? `${JSON.stringify(result, null, 2)}\n`
      : format === 'markdown'
        ? renderProbeMarkdown(result)
        : renderTimelineSvg(result);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  void vscode.window.showInformationMessage(`Exported the probe result to ${target.fsPath}.`);
}
