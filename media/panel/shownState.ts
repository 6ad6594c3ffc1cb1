// What the panel shows of the host's small states (file, locks, activity) holds text from outside:
// file names and paths, and sentences the engine built around them. Every string in them passes through
// shownAsText on arrival, so no bidi or C1 control can reorder or act on the text around it in any
// view. A part with nothing to change is returned as it came (the same object). The large result,
// recording and sweep messages (megabytes for a burst) are not copied: the webview's structured clone is
// its own, so their strings are replaced where they are (showTextInPlace), and only strings that hold such
// a control are touched.
import { changedWhenShown, shownAsText } from '../../src/engine/text/printable';

/** `value` with every string in it shown as text, changed in place (arrays and plain objects; typed arrays skipped). */
export function showTextInPlace<T>(value: T): T {
  if (typeof value === 'string') {
    return (changedWhenShown(value) ? shownAsText(value) : value) as T;
  }
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) {
    return value;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (typeof item === 'string' || (typeof item === 'object' && item !== null)) {
        value[index] = showTextInPlace(item);
      }
    }
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === 'string' || (typeof item === 'object' && item !== null)) {
      record[key] = showTextInPlace(item);
    }
  }
  return value;
}

export function withTextShown<T>(value: T): T {
  if (typeof value === 'string') {
    return shownAsText(value) as T;
  }
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => withTextShown(item));
    return items.every((item, index) => item === value[index]) ? value : (items as T);
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    const shown = entries.map(([key, item]) => [key, withTextShown(item)] as const);
    return shown.every(([, item], index) => item === entries[index][1])
      ? value
      : (Object.fromEntries(shown) as T);
  }
  return value;
}
