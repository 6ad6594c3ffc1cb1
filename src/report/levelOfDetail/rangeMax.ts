// The largest value over any index range of a byte array in O(log n): a bottom-up segment tree. The
// timeline asks it "the strongest lock among the spans under this pixel column".
export class RangeMax {
  private readonly size: number;
  private readonly tree: Uint8Array;

  constructor(values: Uint8Array) {
    this.size = values.length;
    this.tree = new Uint8Array(2 * Math.max(1, this.size));
    this.tree.set(values, this.size);
    for (let node = this.size - 1; node > 0; node--) {
      this.tree[node] = Math.max(this.tree[2 * node], this.tree[2 * node + 1]);
    }
  }

  /** The largest value in [from, to); 0 for an empty range. */
  max(from: number, to: number): number {
    let result = 0;
    let low = Math.max(0, from) + this.size;
    let high = Math.min(this.size, to) + this.size;
    while (low < high) {
      if (low & 1) {
        result = Math.max(result, this.tree[low++]);
      }
      if (high & 1) {
        result = Math.max(result, this.tree[--high]);
      }
      low >>>= 1;
      high >>>= 1;
    }
    return result;
  }
}
