// Sizes and counts as people read them.

const units = ['KiB', 'MiB', 'GiB', 'TiB'];

/** "0 bytes", "512 bytes", "8.0 KiB", "1.5 MiB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 1024) {
    return `${formatCount(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  }
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** "8,192": fixed to en-US so tests and screenshots do not depend on the machine's locale. */
export function formatCount(count: number): string {
  return Number.isFinite(count) ? count.toLocaleString('en-US') : '?';
}

/** "1 page", "3 pages". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}
