// The headroom chart's stylesheet, scoped to its root class: inline in the static SVG, installed once
// by the webview (whose CSP refuses an unnonced <style>). Theme colours with fallbacks for a white page.
// A level's figures show on hover or keyboard focus, by CSS alone (the static SVG has no script).
export const headroomClass = 'sld-headroom';

export function headroomCss(): string {
  const scope = `.${headroomClass}`;
  return `${scope}{font-family:var(--vscode-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif);\
--sh-fg:var(--vscode-foreground, #1f2937);--sh-muted:var(--vscode-descriptionForeground, #6b7280);\
--sh-bg:var(--vscode-editor-background, #ffffff);--sh-grid:var(--vscode-editorWidget-border, #d1d5db);\
--sh-rate:var(--vscode-charts-green, #16a34a);--sh-p50:var(--vscode-charts-blue, #2563eb);\
--sh-p95:var(--vscode-charts-orange, #d97706);--sh-fail:var(--vscode-errorForeground, #dc2626)}
${scope} text{fill:var(--sh-fg);dominant-baseline:central}
${scope} .sh-muted{fill:var(--sh-muted)}
${scope} .sh-grid{stroke:var(--sh-grid);stroke-width:1}
${scope} .sh-axis{stroke:var(--sh-muted);stroke-width:1}
${scope} .sh-rate{stroke:var(--sh-rate);stroke-width:2.5;fill:none}
${scope} .sh-p50{stroke:var(--sh-p50);stroke-width:2;fill:none}
${scope} .sh-p95{stroke:var(--sh-p95);stroke-width:2;fill:none;stroke-dasharray:6 3}
${scope} .sh-dot-rate{fill:var(--sh-rate);stroke:var(--sh-bg);stroke-width:1.5}
${scope} .sh-dot-rate.sh-failing{fill:var(--sh-fail)}
${scope} .sh-dot-p50{fill:var(--sh-p50)}
${scope} .sh-dot-p95{fill:var(--sh-p95)}
${scope} .sh-first{stroke:var(--sh-fail);stroke-width:1.5;stroke-dasharray:4 3}
${scope} text.sh-first-text{fill:var(--sh-fail);font-weight:600}
${scope} .sh-band{fill:var(--sh-fg);fill-opacity:0;outline:none}
${scope} .sh-level:hover .sh-band,${scope} .sh-level:focus .sh-band{fill-opacity:.06}
${scope} .sh-tip{visibility:hidden;pointer-events:none}
${scope} .sh-level:hover .sh-tip,${scope} .sh-level:focus .sh-tip{visibility:visible}
${scope} .sh-tip rect{fill:var(--vscode-editorHoverWidget-background, #f9fafb);stroke:var(--vscode-editorHoverWidget-border, #9ca3af)}
${scope} .sh-tip text{fill:var(--vscode-editorHoverWidget-foreground, var(--sh-fg))}
${scope} .sh-swatch-rate{fill:var(--sh-rate)}
${scope} .sh-swatch-p50{fill:var(--sh-p50)}
${scope} .sh-swatch-p95{fill:var(--sh-p95)}
${scope} .sh-swatch-first{fill:var(--sh-fail)}`;
}
