// One way to write a duration everywhere: the engine's verdicts, the terminal, Markdown, HTML and the
// timeline tooltips. Pure: the webview imports it too.

/** "55 µs", "0.35 ms", "4.2 ms", "850 ms", "5.50 s", "125 s". */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) {
    return '?';
  }
  const abs = Math.abs(ms);
  if (abs === 0) {
    return '0 ms';
  }
  if (abs < 0.1) {
    return `${Math.round(ms * 1000)} µs`;
  }
  if (abs < 1) {
    return `${ms.toFixed(2)} ms`;
  }
  if (abs < 10) {
    return `${ms.toFixed(1)} ms`;
  }
  // 999.6 ms rounds to 1000: show it as seconds rather than "1000 ms".
  if (Math.round(abs) < 1000) {
    return `${Math.round(ms)} ms`;
  }
  if (abs < 100_000) {
    return `${(ms / 1000).toFixed(2)} s`;
  }
  return `${(ms / 1000).toFixed(0)} s`;
}
