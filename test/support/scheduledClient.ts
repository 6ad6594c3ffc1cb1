// An independent SQLite client (python3's sqlite3 module) that runs a known schedule: sleeps, SQL
// statements and marks. Each mark is printed with the wall-clock time it was reached, so a test can
// compare what it recorded with what the client did.
import { spawn } from 'node:child_process';

export type ScheduleStep = { sleep: number } | { sql: string } | { mark: string } | { fill: number };

export interface ScheduledClient {
  pid: number;
  /** Resolves when the client exits, with each mark's wall-clock time in ms. */
  done: Promise<Record<string, number>>;
}

const script = `
import json, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)
for step in json.loads(sys.argv[2]):
    if "sleep" in step:
        time.sleep(step["sleep"])
    elif "sql" in step:
        db.execute(step["sql"]).fetchall()
    elif "fill" in step:
        for i in range(step["fill"]):
            db.execute("INSERT INTO items (name) VALUES (?)", ("x" * 1000,))
    else:
        print(json.dumps({"mark": step["mark"], "at": time.time() * 1000}), flush=True)
db.close()
`;

export function startScheduledClient(file: string, steps: ScheduleStep[]): ScheduledClient {
  const child = spawn('python3', ['-c', script, file, JSON.stringify(steps)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Record<string, number>>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`python3 client exited ${code}: ${stderr}`));
        return;
      }
      const marks: Record<string, number> = {};
      for (const line of stdout.split('\n').filter(Boolean)) {
        const { mark, at } = JSON.parse(line) as { mark: string; at: number };
        marks[mark] = at;
      }
      resolve(marks);
    });
  });
  return { pid: child.pid ?? -1, done };
}
