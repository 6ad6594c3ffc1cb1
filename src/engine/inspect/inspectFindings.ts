// Odd or lock-relevant states of a database and its sidecar files, each as one finding. None of them is
// an error: inspect reports what it sees and changes nothing.
import * as path from 'node:path';
import type { Finding, FindingSeverity, InspectReport } from './inspectReport';
import { lockLabel } from '../locks/formatLockReport';
import type { LockHolderEntry } from '../locks/lockReport';

// SQLite's default wal_autocheckpoint, in pages.
const autocheckpointPages = 1000;

const severityRank: Record<FindingSeverity, number> = { problem: 0, warning: 1, info: 2 };

export function collectFindings(report: Omit<InspectReport, 'findings'>): Finding[] {
  const name = path.basename(report.path);
  const findings: Finding[] = [];
  const add = (code: string, severity: FindingSeverity, message: string): void => {
    findings.push({ code, severity, message });
  };
  const { header, filesystem } = report;
  const walMode = report.journalMode === 'wal';

  if (report.empty) {
    add(
      'empty-database',
      'info',
      `${name} is empty (0 bytes): SQLite treats it as a valid new database and writes the header on the first change.`,
    );
  }
  if (header !== null && header.writeVersion > 2) {
    add(
      'read-only-format',
      'warning',
      `${name} has write version ${header.writeVersion} (offset 18), from a newer file format: SQLite opens it read-only.`,
    );
  }
  if (header !== null && header.readVersion !== header.writeVersion && header.writeVersion <= 2) {
    add(
      'inconsistent-versions',
      'warning',
      `The header's write version ${header.writeVersion} and read version ${header.readVersion} differ; SQLite goes by the read version.`,
    );
  }
  collectSizeFindings(report, name, add);

  const { wal, shm, journal } = report;
  if (journal.hot) {
    const lockNote =
      journal.reservedLockHolders === null ? ' (live locks could not be checked on this system)' : '';
    add(
      'hot-journal',
      'problem',
      `${path.basename(journal.path)} is a hot journal: a writer stopped in the middle of a transaction${lockNote}. ` +
        `The next connection that opens ${name} rolls it back, which needs write access to the file and its directory; ` +
        'this tool left it untouched.',
    );
  } else if (journal.exists && walMode) {
    add(
      'journal-in-wal-mode',
      'warning',
      `${path.basename(journal.path)} exists although ${name} is in WAL mode: a leftover from before the switch to WAL.`,
    );
  } else if (journal.exists && (journal.reservedLockHolders?.length ?? 0) > 0) {
    add(
      'write-in-progress',
      'info',
      `A write transaction is in progress: PID ${journal.reservedLockHolders?.join(', ')} holds the RESERVED lock and ` +
        `${path.basename(journal.path)} is its journal.`,
    );
  } else if (journal.exists) {
    add(
      'inactive-journal',
      'info',
      `${path.basename(journal.path)} exists but is not hot (empty or zeroed header): left by journal_mode=TRUNCATE ` +
        'or PERSIST, or a transaction that has not yet written its journal header.',
    );
  }

  if (walMode && !wal.exists) {
    add(
      'wal-file-missing',
      'info',
      `${name} is in WAL mode but has no -wal file: no connection has it open (the last one to close ` +
        'checkpointed and removed it). The next connection creates -wal and -shm, so the directory must be writable.',
    );
  }
  if (!walMode && wal.exists) {
    add(
      'wal-file-in-rollback-mode',
      'warning',
      `${path.basename(wal.path)} exists although ${name}'s header records rollback mode (a crash while leaving WAL, ` +
        'or files copied separately): the next connection opens the WAL and replays any committed frames in it.',
    );
  }
  collectWalHeaderFindings(report, add);
  if (shm.exists && !wal.exists) {
    add(
      'shm-without-wal',
      'info',
      `${path.basename(shm.path)} exists without a -wal file: a harmless leftover that SQLite rebuilds.`,
    );
  }
  if (filesystem?.network) {
    add(
      'network-filesystem',
      walMode ? 'problem' : 'warning',
      `${name} is on a network filesystem (${filesystem.fsType} at ${filesystem.mountPoint}): POSIX locks are ` +
        'unreliable there' +
        (walMode
          ? ' and WAL cannot work across hosts (its -shm index is shared memory); use rollback mode.'
          : '.'),
    );
  }
  collectLockFindings(report.locks.holders, name, add);
  return findings.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}

type AddFinding = (code: string, severity: FindingSeverity, message: string) => void;

function collectSizeFindings(report: Omit<InspectReport, 'findings'>, name: string, add: AddFinding): void {
  const { header, pageSize } = report;
  if (header === null || pageSize === null) {
    return;
  }
  if (report.sizeBytes % pageSize !== 0) {
    add(
      'size-not-page-multiple',
      'warning',
      `${name} is ${report.sizeBytes} bytes, not a whole number of ${pageSize}-byte pages.`,
    );
  }
  const filePages = Math.floor(report.sizeBytes / pageSize);
  if (header.pageCountValid && header.headerPageCount > filePages) {
    // In WAL mode the newer pages may still be in the -wal file; in rollback mode SQLite calls it corrupt.
    add(
      'file-shorter-than-header',
      report.journalMode === 'wal' ? 'info' : 'problem',
      `The header counts ${header.headerPageCount} pages but ${name} holds ${filePages}` +
        (report.journalMode === 'wal'
          ? ': the rest may be in the -wal file, not yet checkpointed.'
          : ': the file was truncated; SQLite will report it as corrupt.'),
    );
  }
}

function collectWalHeaderFindings(report: Omit<InspectReport, 'findings'>, add: AddFinding): void {
  const { wal } = report;
  const walName = path.basename(wal.path);
  if (!wal.exists || wal.sizeBytes === 0) {
    return;
  }
  if (wal.header === null) {
    add(
      'wal-header-short',
      'warning',
      `${walName} is ${wal.sizeBytes} bytes, too short for a WAL header; SQLite ignores it.`,
    );
    return;
  }
  if (!wal.header.valid || !wal.header.checksumValid) {
    add(
      'wal-header-invalid',
      'warning',
      `${walName} has an invalid header (magic ${wal.header.magic}` +
        (wal.header.checksumValid ? '' : ', bad checksum') +
        '): SQLite ignores its frames.',
    );
    return;
  }
  if (report.pageSize !== null && wal.header.pageSize !== report.pageSize) {
    add(
      'wal-page-size-mismatch',
      'info',
      `${walName} records ${wal.header.pageSize}-byte pages but the database header ${report.pageSize}-byte pages.`,
    );
  }
  if (wal.header.frameCount > autocheckpointPages) {
    add(
      'wal-large',
      'warning',
      `${walName} has room for ${wal.header.frameCount} frames, past the default autocheckpoint of ` +
        `${autocheckpointPages} pages: checkpoints have not been able to restart it (a reader that never ends, ` +
        'one very large transaction, or wal_autocheckpoint raised or off).',
    );
  }
}

function collectLockFindings(entries: LockHolderEntry[], name: string, add: AddFinding): void {
  // Processes with the file open but no lock hold nothing another connection could wait for.
  const locking = entries.filter((entry) => !entry.openWithoutLock);
  const pids = [...new Set(locking.map((entry) => entry.pid))];
  if (pids.length === 0) {
    return;
  }
  const described = pids.map((pid) => {
    const own = locking.filter((entry) => entry.pid === pid);
    const command = own[0].command === null ? '' : ` ${own[0].command}`;
    const locks = own.map((entry) => `${lockLabel(entry)}${entry.waiting ? ' waiting' : ''}`);
    return `PID ${pid}${command} (${locks.join(', ')})`;
  });
  const blocking = locking.some(
    (entry) => entry.waiting || entry.lock === 'PENDING' || entry.lock === 'EXCLUSIVE',
  );
  add(
    'locks-held',
    blocking ? 'warning' : 'info',
    `${pids.length === 1 ? 'One process holds' : `${pids.length} processes hold`} locks on ${name}: ` +
      `${described.join('; ')}.`,
  );
}
