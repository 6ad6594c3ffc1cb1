// The probe writes only to a table of its own, named so nobody mistakes it for theirs.
export const defaultProbeTable = '_lock_doctor_probe';

export interface ProbeTableSql {
  create: string;
  drop: string;
  insert: string;
  count: string;
}

export function probeTableSql(table: string): ProbeTableSql {
  const name = `"${table.replace(/"/g, '""')}"`;
  return {
    create: `CREATE TABLE ${name} (id INTEGER PRIMARY KEY, session TEXT NOT NULL, iteration INTEGER NOT NULL, t_us INTEGER NOT NULL)`,
    drop: `DROP TABLE IF EXISTS ${name}`,
    insert: `INSERT INTO ${name} (session, iteration, t_us) VALUES (?, ?, ?)`,
    count: `SELECT count(*) AS n FROM ${name}`,
  };
}
