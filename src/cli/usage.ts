export const usage = `Usage: sqlite-lock-doctor <command> [options]

Commands:
  inspect <file> [--json]
      Journal mode, header, -wal/-shm/-journal files and connection defaults. Changes nothing.
  locks <file> [--json] [--watch MS]
      Who holds which SQLite lock now (PID, command, lock state, waiting) and the WAL's health; with
      --watch, a new reading every MS ms (at least 100) until Ctrl-C, warning on checkpoint starvation.
      Linux only (/proc/locks); elsewhere it says which system tool to use. Takes no lock.
  checkpoint <file> [--mode passive|full|restart|truncate] [--busy-timeout MS] [--json]
      PRAGMA wal_checkpoint(MODE) on one short-lived connection: frames in the WAL and checkpointed.
  journal <file> --set wal|delete [--force] [--busy-timeout MS] [--json]
      Switch the journal mode and read it back.
  probe <file> [--preset seed|upgrade|reader|burst] [--model processes|threads|blocking]
        [--journal keep|wal|delete] [--busy-timeout MS] [--begin deferred|immediate|exclusive]
        [--writers N] [--transactions K] [--in-place] [--json] [--html FILE]
      Run concurrent sessions against a copy of the database (or, with --in-place, a table of the
      probe's own in it) and explain the lock errors they hit.
  matrix <file> [--preset P] [--busy-timeout MS] [--begin MODE] [--json] [--html FILE]
      The preset across execution models x journal modes, side by side.
  demo [--html FILE]
      Create a small database in a temp folder and run the seed scenario's matrix.

Exit codes: 0 done, 1 the operation could not be done (also a checkpoint left busy), 2 bad input or usage.
`;
