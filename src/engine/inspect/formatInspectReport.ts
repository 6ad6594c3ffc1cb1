// The terminal rendering of an InspectReport: aligned "key  value" lines, findings last. Paths, process
// names and messages come from outside: every line passes through printable().
import { lockLabel } from '../locks/formatLockReport';
import { printable } from '../text/printable';
import type { InspectReport, WalFile } from './inspectReport';
import type { JournalFile } from './rollbackJournal';
import type { SidecarFile } from './sidecarFiles';

export function formatInspectReport(report: InspectReport): string {
  const rows: [string, string][] = [
    ['path', report.path],
    ...(report.realPath !== report.path ? [['real path', report.realPath] as [string, string]] : []),
    ['size', report.empty ? '0 bytes (empty database)' : `${report.sizeBytes} bytes`],
    ['journal mode', report.journalMode === 'wal' ? 'wal' : 'delete (rollback journal)'],
  ];
  const header = report.header;
  if (header !== null) {
    rows.push(
      ['page size', `${report.pageSize} bytes`],
      [
        'pages',
        `${report.pageCount} (${report.pageCountSource === 'header' ? 'from the header' : 'from the file size'})`,
      ],
      ['freelist pages', String(report.freelistPages)],
      ['write/read version', `${header.writeVersion}/${header.readVersion}`],
      ['text encoding', header.textEncoding],
      ['schema format', String(header.schemaFormat)],
      ['schema cookie', String(header.schemaCookie)],
      ['file change counter', String(header.fileChangeCounter)],
      ['user_version', String(header.userVersion)],
      ['application_id', String(header.applicationId)],
      ['auto vacuum', header.autoVacuum],
      ['reserved bytes/page', String(header.reservedBytesPerPage)],
      ['last writer SQLite', header.lastWriterSqliteVersion ?? 'unknown'],
    );
  }
  rows.push(
    ['engine SQLite', report.engineSqliteVersion],
    ['-wal', describeWal(report.wal)],
    ['-shm', describeSidecar(report.shm)],
    ['-journal', describeJournal(report.journal)],
    [
      'filesystem',
      report.filesystem === null
        ? 'unknown'
        : `${report.filesystem.fsType} at ${report.filesystem.mountPoint}${report.filesystem.network ? ' (network)' : ''}`,
    ],
    ['locks', describeLocks(report)],
    [
      'default busy timeouts',
      report.connectionDefaults.map((entry) => `${entry.client} ${entry.busyTimeoutMs} ms`).join(', '),
    ],
  );
  const width = Math.max(...rows.map(([key]) => key.length));
  const lines = rows.map(([key, value]) => `${key.padEnd(width)}  ${value}`);
  lines.push('', report.journalModeNote);
  if (report.findings.length > 0) {
    lines.push('', 'Findings:');
    for (const finding of report.findings) {
      lines.push(`  [${finding.severity}] ${finding.message}`);
    }
  } else {
    lines.push('', 'Findings: none.');
  }
  return lines.map(printable).join('\n') + '\n';
}

function describeSidecar(file: SidecarFile): string {
  return file.exists ? `${file.sizeBytes} bytes` : 'absent';
}

function describeWal(wal: WalFile): string {
  if (!wal.exists || wal.header === null) {
    return describeSidecar(wal);
  }
  const header = wal.header;
  const state = header.valid && header.checksumValid ? '' : ', invalid header';
  return (
    `${wal.sizeBytes} bytes, ${header.frameCount} frames of ${header.pageSize} bytes, ` +
    `checkpoint sequence ${header.checkpointSequence}, salts ${header.salt1}/${header.salt2}${state}`
  );
}

function describeJournal(journal: JournalFile): string {
  if (!journal.exists) {
    return 'absent';
  }
  const notes = [journal.validMagic ? 'valid header' : 'no valid header'];
  if (journal.hot) {
    notes.push('HOT');
  }
  return `${journal.sizeBytes} bytes, ${notes.join(', ')}`;
}

function describeLocks(report: InspectReport): string {
  if (!report.locks.supported) {
    return 'cannot be listed on this system';
  }
  if (report.locks.holders.length === 0) {
    return 'none held';
  }
  const pids = [...new Set(report.locks.holders.map((holder) => holder.pid))];
  return pids
    .map((pid) => {
      const own = report.locks.holders.filter((holder) => holder.pid === pid);
      const locks = own.map(
        (holder) =>
          `${holder.file} ${holder.openWithoutLock ? 'open, no lock' : lockLabel(holder)}${holder.waiting ? ' waiting' : ''}`,
      );
      return `PID ${pid} ${own[0].command ?? '?'}: ${locks.join(', ')}`;
    })
    .join('; ');
}
