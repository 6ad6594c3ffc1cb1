// Something read from /proc once per PID, kept while the PID stays in the readings and forgotten when
// it leaves (PIDs are reused): process names, a process's SQLite candidates.
export class PerPid<T> {
  private readonly known = new Map<number, T>();

  constructor(private readonly read: (pid: number) => T) {}

  get(pid: number): T {
    if (this.known.has(pid)) {
      return this.known.get(pid) as T;
    }
    const value = this.read(pid);
    this.known.set(pid, value);
    return value;
  }

  /** Forgets every PID not in `pids`. */
  keepOnly(pids: Iterable<number>): void {
    const kept = new Set(pids);
    for (const pid of [...this.known.keys()]) {
      if (!kept.has(pid)) {
        this.known.delete(pid);
      }
    }
  }
}
