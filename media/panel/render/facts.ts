// The file's lock-relevant facts from inspect: findings first, then the journal mode and its switch,
// the sizes of the database and its -wal/-shm/-journal, versions, the locks held now and the clients'
// defaults.
import type { InspectReport } from '../../../src/engine/inspect/inspectReport';
import type { PanelState } from '../../../src/shared/panelProtocol';
import { renderFindings } from './findings';
import { formatBytes, formatCount, plural } from './format';
import { h } from './html';
import { renderJournalMode } from './journalMode';
import { renderLiveLocks } from './liveLocks';
import { renderConnectionDefaults, renderLocksNow } from './locksNow';

export function renderFacts(state: PanelState): string {
  const database = state.database;
  if (database === null) {
    return '';
  }
  const report = database.report;
  let body: string;
  if (report === null) {
    body = database.problem
      ? `<p class="message message-error">${h(database.problem)}</p>`
      : '<p class="muted">Inspecting the file…</p>';
  } else {
    body = `${renderFindings(report.findings)}
${renderJournalMode(report, state)}
${factsGrid(report)}
<h3>Locks now</h3>
${state.locks ? renderLiveLocks(state.locks, state.walGrowth) : renderLocksNow(report.locks)}
${renderProbeLocks(state)}
${renderConnectionDefaults(report.connectionDefaults)}`;
  }
  return `<section id="facts" class="card" aria-labelledby="facts-title">
<h2 id="facts-title">File</h2>
${body}
</section>`;
}

function factsGrid(report: InspectReport): string {
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
  const items = facts
    .map(([label, value]) => `<div class="fact"><dt>${h(label)}</dt><dd>${h(value)}</dd></div>`)
    .join('');
  return `<dl class="facts-grid">${items}</dl>`;
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

/** While a probe runs: the kernel's view of its sessions' locks, to compare with the timeline. */
function renderProbeLocks(state: PanelState): string {
  const watch = state.probeLocks;
  if (!watch?.report) {
    return '';
  }
  return `<section id="probe-locks" aria-live="polite"><h3>The probe's sessions now</h3>
<p class="muted">On ${h(watch.target)}, read from /proc/locks while the probe runs.</p>
${renderLiveLocks(watch.report, null, watch.sessionsByPid)}</section>`;
}
