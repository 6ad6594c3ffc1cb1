// What the panel shows of the host's small states (file, locks, activity) holds text from outside:
// file names and paths, and sentences the engine built around them. Every string in them passes through
// shownAsText on arrival, so no bidi or C1 control can reorder or act on the text around it in any
// view. A part with nothing to change is returned as it came (the same object). Process names and
// command lines are already read that way; the large result and recording messages are not copied here.
import { shownAsText } from '../../src/engine/text/printable';

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
