// The file view: findings first, then the journal mode and its switch, the sizes of the database and
// its -wal/-shm/-journal, versions, and the clients' defaults.
import { html, type TemplateResult } from 'lit-html';
import type { InspectReport } from '../../../src/engine/inspect/inspectReport';
import type { PanelState } from '../../../src/shared/panelProtocol';
import type { ViewActions } from './actions';
import { renderConnectionDefaults } from './connectionDefaults';
import { renderFindings } from './findings';
import { formatBytes, formatCount, plural } from './format';
import { renderJournalMode } from './journalMode';

export function renderFileView(state: PanelState, actions: ViewActions): TemplateResult {
  const database = state.database;
  const report = database?.report;
  if (!report) {
    return database?.problem
      ? html`<p class="message message-error">${database.problem}</p>`
      : html`<p class="muted">Inspecting the file…</p>`;
  }
  return html`${renderFindings(report.findings)} ${renderJournalMode(report, state, actions)}
  ${factsGrid(report)} ${renderConnectionDefaults(report.connectionDefaults)}`;
}

function factsGrid(report: InspectReport): TemplateResult {
  const facts: [string, string][] = [
    ['File size', report.empty ? '0 bytes (an empty database)' : sizeWithBytes(report.sizeBytes)],
    ['Page size', report.pageSize === null ? '—' : `${formatCount(report.pageSize)} bytes`],
    [
      'Pages',
      `${formatCount(report.pageCount)} ${report.pageCountSource === 'header' ? '(from the header)' : '(from the file size)'}`,
    ],
    ['Freelist', plural(report.freelistPages, 'page')],
    ['-wal', walFact(report)],
    ['-shm', report.shm.exists ? formatBytes(report.shm.sizeBytes) : 'none'],
    ['-journal', journalFact(report)],
    ['Last written by', report.lastWriterSqliteVersion ? `SQLite ${report.lastWriterSqliteVersion}` : '—'],
    ["This tool's SQLite", report.engineSqliteVersion],
  ];
  if (report.filesystem) {
    const fs = report.filesystem;
    facts.push(['Filesystem', `${fs.fsType}${fs.network ? ' (network: WAL is unsafe here)' : ''}`]);
  }
  return html`<dl id="file-facts" class="facts-grid">
    ${facts.map(
      ([label, value]) =>
        html`<div class="fact">
          <dt>${label}</dt>
          <dd>${value}</dd>
        </div>`,
    )}
  </dl>`;
}

function sizeWithBytes(bytes: number): string {
  const short = formatBytes(bytes);
  return bytes < 1024 ? short : `${short} (${formatCount(bytes)} bytes)`;
}

function walFact(report: InspectReport): string {
  const wal = report.wal;
  if (!wal.exists) {
    return 'none';
  }
  const parts = [formatBytes(wal.sizeBytes)];
  if (wal.header) {
    parts.push(plural(wal.header.frameCount, 'frame'));
    if (!wal.header.valid || !wal.header.checksumValid) {
      parts.push('header invalid: SQLite ignores it');
    }
  }
  return parts.join(', ');
}

function journalFact(report: InspectReport): string {
  const journal = report.journal;
  if (!journal.exists) {
    return 'none';
  }
  const state = journal.hot ? 'HOT: SQLite rolls it back at the next open' : 'not hot';
  return `${formatBytes(journal.sizeBytes)}, ${state}`;
}
