// The probe writes only to a table of its own, named so nobody mistakes it for theirs.
export const defaultProbeTable = '_lock_doctor_probe';

export interface ProbeTableSql {
  create: string;
  drop: string;
  insert: string;
  /** The sessions' read step: it takes the read lock (a WAL snapshot) and touches a few pages, so a
   * transaction costs the same with ten rows as with six hundred thousand. */
  read: string;
  /** The 'cursor' step: always more than one row, so one step leaves it unfinished. */
  cursor: string;
  /** Counts the rows the probe left (rows found). */
  count: string;
}

export function probeTableSql(table: string): ProbeTableSql {
  const name = `"${table.replace(/"/g, '""')}"`;
  return {
    create: `CREATE TABLE ${name} (id INTEGER PRIMARY KEY, session TEXT NOT NULL, iteration INTEGER NOT NULL, t_us INTEGER NOT NULL)`,
    drop: `DROP TABLE IF EXISTS ${name}`,
    insert: `INSERT INTO ${name} (session, iteration, t_us) VALUES (?, ?, ?)`,
    read: `SELECT max(id) AS id FROM ${name}`,
    cursor: `SELECT id FROM ${name} UNION ALL SELECT 0 UNION ALL SELECT 0`,
    count: `SELECT count(*) AS n FROM ${name}`,
  };
}
