// How far each sample was off its schedule, kept as a histogram (fixed memory for any length of
// recording) from which the median and the 99th percentile are read.
const binMs = 0.05;
const bins = 4000; // up to 200 ms; later ones land in the last bin

export class SamplingJitter {
  private readonly counts = new Uint32Array(bins);
  private total = 0;
  missed = 0;

  add(lateMs: number): void {
    const bin = Math.min(bins - 1, Math.max(0, Math.floor(lateMs / binMs)));
    this.counts[bin]++;
    this.total++;
  }

  /** The upper edge of the bin holding the p-th percentile, ms (0 without samples). */
  percentile(p: number): number {
    if (this.total === 0) {
      return 0;
    }
    const rank = Math.ceil((p / 100) * this.total);
    let seen = 0;
    for (let bin = 0; bin < bins; bin++) {
      seen += this.counts[bin];
      if (seen >= rank) {
        return Math.round((bin + 1) * binMs * 100) / 100;
      }
    }
    return bins * binMs;
  }
}
