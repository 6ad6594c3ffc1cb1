// Removes the probe's table from a file probed in place: after every --in-place probe, and after one
// whose process was killed (callEngine asks a fresh child to do it).
import { openDatabase } from '../sqliteModule';
import { probeTableSql } from './probeTable';

const dropBusyTimeoutMs = 5000;

/** Drops `table` if it is there; DROP TABLE IF EXISTS writes nothing when it is not. */
export function dropProbeTable(target: string, table: string): void {
  const db = openDatabase(target, { timeout: dropBusyTimeoutMs, fileMustExist: true });
  try {
    db.exec(probeTableSql(table).drop);
  } finally {
    db.close();
  }
}
