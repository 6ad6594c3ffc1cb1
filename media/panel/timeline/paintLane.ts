// Paints one lane's pixel columns straight into an RGBA pixel buffer (one 32-bit word per pixel): the
// held lock as the bar, the waits as a strip at its foot, then the marks. A whole frame is then one
// image put on the canvas, instead of tens of thousands of fillRect calls when every column differs.
import { markError, type PackedLane } from '../../../src/report/levelOfDetail/packedLanes';
import type { ColumnStates } from '../../../src/report/levelOfDetail/laneColumns';

/** Colours as 32-bit pixels in the buffer's byte order (see `pixelOf`); [rank] for each lock rank. */
export interface PixelPalette {
  ranks: Uint32Array;
  wait: number;
  error: number;
  commit: number;
}

const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** r, g, b, a (0-255) as the 32-bit word a Uint32Array over ImageData bytes holds. */
export function pixelOf(r: number, g: number, b: number, a: number): number {
  return littleEndian
    ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0
    : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
}

export function paintLane(
  pixels: Uint32Array,
  stride: number,
  top: number,
  height: number,
  states: ColumnStates,
  columns: number,
  palette: PixelPalette,
  compact: boolean,
): void {
  const inset = compact ? 0 : Math.max(1, Math.floor(height / 6));
  const barTop = top + inset;
  const barBottom = Math.max(barTop + 1, top + height - inset);
  const waitTop = compact
    ? barTop + Math.floor((barBottom - barTop) / 2)
    : barBottom - Math.max(2, Math.round((barBottom - barTop) / 3));
  for (let column = 0; column < columns; column++) {
    const rank = states.ranks[column];
    const wait = states.waits[column] === 1;
    if (rank !== 0) {
      const colour = palette.ranks[rank];
      for (let row = barTop; row < (wait ? waitTop : barBottom); row++) {
        pixels[row * stride + column] = colour;
      }
    }
    if (wait) {
      for (let row = waitTop; row < barBottom; row++) {
        pixels[row * stride + column] = palette.wait;
      }
    }
    if (compact) {
      continue;
    }
    const mark = states.marks[column];
    if (mark === markError) {
      for (let row = top; row < top + height; row++) {
        for (let x = Math.max(0, column - 1); x <= Math.min(columns - 1, column + 1); x++) {
          pixels[row * stride + x] = palette.error;
        }
      }
    } else if (mark !== 0) {
      for (let row = top; row < top + Math.max(2, Math.floor(height / 2)); row++) {
        pixels[row * stride + column] = palette.commit;
      }
    }
  }
}

export type { PackedLane };
