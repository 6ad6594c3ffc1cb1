// What a recording cannot show, said in the recording itself: the sampling, the waits SQLite keeps
// out of the kernel, the connections that hold nothing, and what the bounds merged or left out.
import { formatMs } from '../text/formatMs';
import type { Recording } from './recordingTypes';

type LimitFacts = Pick<
  Recording,
  'intervalMs' | 'intervalResolutionMs' | 'mergedIntervals' | 'droppedProcesses' | 'sampling' | 'journalMode'
>;

export function recordingLimits(facts: LimitFacts): string[] {
  const limits = [
    `Locks were sampled every ${formatMs(facts.intervalMs)}: a transaction shorter than that can fall between ` +
      'two samples and be missed, and each start and end is known to about half an interval.',
    'SQLite waits for a lock by sleeping and retrying (its busy handler), not in the kernel, so a waiting ' +
      'connection shows no lock at all: waits are inferred (a writer in PENDING while others hold SHARED), ' +
      'not seen. Only builds with SQLITE_ENABLE_SETLK_TIMEOUT wait in the kernel; those waits show as waiting intervals.',
    facts.journalMode === 'wal'
      ? 'An open WAL connection holds a read lock on the database and on the -shm file for as long as it is ' +
        'open: that is drawn as the process being present, not as a read.'
      : 'In rollback mode an idle connection holds no lock: processes with the file open are found by a scan ' +
        'of /proc/*/fd every few seconds, so one that opens and closes it in between is not seen.',
    'Only locks of processes in this PID namespace, on this machine, are visible (not other containers, ' +
      'not other hosts of a network file system).',
  ];
  if (facts.mergedIntervals > 0) {
    limits.push(
      `To stay bounded, ${facts.mergedIntervals} intervals were merged into spans of one state (gaps under ` +
        `${formatMs(facts.intervalResolutionMs)}); the summary still counts every interval.`,
    );
  }
  if (facts.sampling.missedSamples > 0) {
    limits.push(
      `${facts.sampling.missedSamples} scheduled samples were skipped because the recorder ran late (a busy machine).`,
    );
  }
  if (facts.droppedProcesses > 0) {
    limits.push(
      `${facts.droppedProcesses} processes got no lane of their own (too many); the summary includes them.`,
    );
  }
  return limits;
}
