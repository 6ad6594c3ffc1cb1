// The N largest items seen so far by one measure, largest first, with how many were offered.

export class TopList<T> {
  private readonly items: T[] = [];
  count = 0;

  constructor(
    private readonly limit: number,
    private readonly measure: (item: T) => number,
  ) {}

  offer(item: T): void {
    this.count++;
    const value = this.measure(item);
    if (this.items.length >= this.limit && value <= this.measure(this.items[this.items.length - 1])) {
      return;
    }
    let at = this.items.length;
    while (at > 0 && this.measure(this.items[at - 1]) < value) {
      at--;
    }
    this.items.splice(at, 0, item);
    if (this.items.length > this.limit) {
      this.items.pop();
    }
  }

  list(): T[] {
    return [...this.items];
  }
}
