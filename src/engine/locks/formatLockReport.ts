// The terminal rendering of a LockReport: a table of holders (PID, command, file, lock, waiting, how
// long held when watching, what it means), the command lines, what is wrong with a holder's process
// (stopped, lost locks) and the SQLite it runs, then the WAL's health. Process names, command lines
// and paths come from outside: every cell and line passes through printable().
import { sqliteLibrarySentence } from '../holders/processAdvice';
import { heldForText } from '../text/heldForText';
import { printable } from '../text/printable';
import type { LockHolderEntry, LockReport } from './lockReport';
import type { WalGrowthAssessment } from './walGrowth';
import type { WalHealth } from './walHealth';

export function formatLockReport(report: LockReport, growth?: WalGrowthAssessment): string {
  const mode = report.journalMode === 'wal' ? 'WAL mode' : 'rollback mode';
  const lines = [`${report.file} (${mode}), read at ${report.takenAt} in ${report.readMs.toFixed(1)} ms`];
  if (!report.supported) {
    lines.push(`Lock holders: not available here. ${report.note ?? ''}`.trimEnd());
  } else if (report.holders.length === 0) {
    lines.push('No process holds a lock on this file or has it open.');
  } else {
    lines.push(...holderTable(report.holders), ...commandLines(report.holders), ...processLines(report));
  }
  if (report.wal !== null) {
    lines.push(...walLines(report.wal));
  }
  if (growth !== undefined) {
    lines.push(`${growth.warning ? 'WARNING: ' : ''}${growth.message}`);
  }
  return `${lines.map(printable).join('\n')}\n`;
}

export function lockLabel(holder: Pick<LockHolderEntry, 'lock' | 'readSlot'>): string {
  return holder.readSlot === undefined ? holder.lock : `${holder.lock}(${holder.readSlot})`;
}

function holderTable(holders: LockHolderEntry[]): string[] {
  // Only a watch knows how long a lock has been held: a single reading has no HELD column.
  const timed = holders.some((holder) => holder.heldForMs !== undefined);
  const held = (holder: LockHolderEntry) =>
    timed ? [(heldForText(holder) ?? '').replace(/^held /, '').replace(/^at least /, '>= ')] : [];
  const rows = [
    ['PID', 'COMMAND', 'FILE', 'LOCK', 'WAITING', ...(timed ? ['HELD'] : []), 'MEANING'],
    ...holders.map((holder) => [
      String(holder.pid),
      holder.command ?? (holder.pid < 0 ? '(OFD lock)' : '?'),
      holder.file,
      `${lockLabel(holder)}${holder.openFileDescription ? ' [OFD]' : ''}`,
      holder.waiting ? 'yes' : 'no',
      ...held(holder),
      holder.meaning,
    ]),
  ].map((row) => row.map(printable));
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
      .join('  ')
      .trimEnd(),
  );
}

function commandLines(holders: LockHolderEntry[]): string[] {
  const seen = new Set<number>();
  const lines: string[] = [];
  for (const holder of holders) {
    if (!seen.has(holder.pid) && holder.commandLine !== null) {
      seen.add(holder.pid);
      lines.push(`  PID ${holder.pid}: ${holder.commandLine}`);
    }
  }
  return lines.length === 0 ? [] : ['Command lines:', ...lines];
}

/** Per process: stopped or traced with a lock, lost locks, its SQLite and that SQLite's known bugs. */
function processLines(report: LockReport): string[] {
  const lines: string[] = [];
  for (const facts of report.processes) {
    lines.push(...facts.warnings.map((sentence) => `  WARNING: ${sentence}.`));
    for (const library of facts.sqlite ?? []) {
      lines.push(`  PID ${facts.pid}: ${sqliteLibrarySentence(library)}.`);
      lines.push(...(library.warnings ?? []).map((sentence) => `    WARNING: ${sentence}.`));
    }
  }
  if (!report.lostLockCheck.possible || report.lostLockCheck.note !== null) {
    lines.push(`  ${report.lostLockCheck.note}`);
  }
  return lines.length === 0 ? [] : ['Processes:', ...lines];
}

function walLines(wal: WalHealth): string[] {
  if (!wal.exists) {
    return ['WAL: no -wal file (no connection has the database open, or the last one closed cleanly).'];
  }
  const size = `${wal.sizeBytes} bytes`;
  const frames =
    wal.pageSize === null
      ? 'no header yet'
      : `room for ${wal.frames} frame${wal.frames === 1 ? '' : 's'} of ${wal.pageSize} bytes${wal.headerValid ? '' : ' (header not valid)'}`;
  const readers =
    wal.readerPids.length === 0
      ? 'no reader holds WAL_READ'
      : `readers holding WAL_READ: PID ${wal.readerPids.join(', ')}`;
  return [
    `WAL: ${size}, ${frames}; ${readers}.`,
    `Auto-checkpoint: ${wal.autoCheckpointPages} pages (SQLite's default; set per connection, so assumed)` +
      (wal.pastAutoCheckpoint ? ': the WAL is past it.' : '.'),
  ];
}
