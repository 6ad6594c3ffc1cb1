// One way to write a file size: "0 B", "812 B", "4.0 KiB", "12.3 MiB", "1.50 GiB". Pure.

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) {
    return '?';
  }
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = Math.abs(bytes);
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const sign = bytes < 0 ? '-' : '';
  if (unit === 0) {
    return `${sign}${value} B`;
  }
  return `${sign}${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : value.toFixed(0)} ${units[unit]}`;
}
