// Export of the last probe or the last recording: JSON (the documented shape), Markdown, or the
// timeline as a standalone SVG, written where the user says. One mechanism for both subjects.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type ExportFormat, exportFormats } from '../../engine/options/exportFormats';
import { renderProbeMarkdown } from '../../report/markdownReport';
import { renderRecordingSvg } from '../../report/recordingHtml';
import { renderRecordingMarkdown } from '../../report/recordingMarkdown';
import { loadResultOf } from '../../report/load/loadFacts';
import { renderLoadMarkdown } from '../../report/load/loadMarkdown';
import { renderTimelineSvg } from '../../report/timelineSvg';
import type { ExportSubject } from '../../shared/panelProtocol';
import type { LockDoctorModel } from '../lockDoctorModel';
import { showInformation } from '../notifications';

const fileExtensions: Record<ExportFormat, string> = { json: 'json', markdown: 'md', svg: 'svg' };

interface Exportable {
  /** The database it is about: the file is suggested beside it. */
  database: string;
  /** What the file name says after the database's name ("seed-probe", "recording"). */
  suffix: string;
  /** "the probe result", "the recording". */
  what: string;
  value: unknown;
  markdown(): string;
  svg(): string;
}

function exportable(model: LockDoctorModel, subject: ExportSubject): Exportable | string {
  if (subject === 'recording') {
    const recording = model.lastRecording;
    return recording === null
      ? 'Record lock activity first: there is no recording to export.'
      : {
          database: recording.database,
          suffix: 'recording',
          what: 'the recording',
          value: recording,
          // A recording made during a load test: the load's result first, then the locks.
          markdown: () => {
            const load = loadResultOf(recording.load);
            const locks = renderRecordingMarkdown(recording);
            return load === undefined ? locks : `${renderLoadMarkdown(load)}\n${locks}`;
          },
          svg: () => renderRecordingSvg(recording),
        };
  }
  const result = model.lastResult;
  return result === null
    ? 'Run the probe first: there is no result to export.'
    : {
        database: result.config.database,
        suffix: `${result.config.preset}-probe`,
        what: 'the probe result',
        value: result,
        markdown: () => renderProbeMarkdown(result),
        svg: () => renderTimelineSvg(result),
      };
}

export async function exportReport(
  model: LockDoctorModel,
  subject: ExportSubject,
  format: ExportFormat,
): Promise<void> {
  const source = exportable(model, subject);
  if (typeof source === 'string') {
    void showInformation(source);
    return;
  }
  const extension = fileExtensions[format];
  const label = exportFormats.choices.find((choice) => choice.value === format)?.label ?? format;
  const base = path.basename(source.database).replace(/\.[^.]*$/, '');
  const suggested = path.join(path.dirname(source.database), `${base}-${source.suffix}.${extension}`);
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
      ? `${JSON.stringify(source.value, null, 2)}\n`
      : format === 'markdown'
        ? source.markdown()
        : source.svg();
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
  void showInformation(`Exported ${source.what} to ${target.fsPath}.`);
}
