// The -wal file's size over time, as change points, bounded: past the cap every other point goes (the
// first, the last and the largest stay), so the line keeps its shape and its peak.
import { round } from './intervalStore';

export class WalSizeTrack {
  private list: { atMs: number; bytes: number | null }[] = [];

  constructor(private readonly cap: number) {}

  add(atMs: number, bytes: number | null): void {
    const last = this.list.at(-1);
    if (last !== undefined && last.bytes === bytes) {
      return;
    }
    this.list.push({ atMs: round(atMs), bytes });
    if (this.list.length > this.cap) {
      this.thin();
    }
  }

  points(): { atMs: number; bytes: number | null }[] {
    return [...this.list];
  }

  private thin(): void {
    const largest = this.list.reduce((best, point) =>
      (point.bytes ?? -1) > (best.bytes ?? -1) ? point : best,
    );
    const lastIndex = this.list.length - 1;
    this.list = this.list.filter(
      (point, index) => index % 2 === 0 || index === lastIndex || point === largest,
    );
  }
}
