// Text in a lane is placed first come, first served: a label goes where it fits without touching one
// already placed, and is left out otherwise (its tooltip still says everything).

/** A generous estimate of rendered text width; the SVG is drawn without measuring fonts. */
export function estimateTextWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.6;
}

export class LabelSlots {
  private readonly taken: { x0: number; x1: number }[] = [];

  constructor(
    private readonly minX: number,
    private readonly maxX: number,
  ) {}

  /** Claims [x0, x1] (plus a small gap) when it is inside the lane and free, or unconditionally with force. */
  claim(x0: number, x1: number, options: { force?: boolean } = {}): boolean {
    const gap = 4;
    if (options.force) {
      this.taken.push({ x0, x1 });
      return true;
    }
    if (x0 < this.minX || x1 > this.maxX) {
      return false;
    }
    if (this.taken.some((slot) => x0 < slot.x1 + gap && x1 > slot.x0 - gap)) {
      return false;
    }
    this.taken.push({ x0, x1 });
    return true;
  }
}
