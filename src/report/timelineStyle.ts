// The timeline's stylesheet, scoped to its root class so it can sit inline in an HTML page or a
// webview without touching anything else there.
import {
  timelineColour,
  commitClass,
  errorClass,
  heldClass,
  heldLocksByStrength,
  waitClass,
} from './lockStateStyle';

export function timelineCss(): string {
  const scope = '.sld-timeline';
  const held = heldLocksByStrength
    // High-contrast themes define a contrast border: outline the bars with it there.
    .map(
      (lock) =>
        `${scope} .${heldClass(lock)}{fill:${timelineColour[lock]};stroke:var(--vscode-contrastBorder, none)}`,
    )
    .join('\n');
  return `${scope}{font-family:var(--vscode-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif);\
--sld-fg:var(--vscode-foreground, #1f2937);--sld-muted:var(--vscode-descriptionForeground, #6b7280);\
--sld-bg:var(--vscode-editor-background, #ffffff);--sld-grid:var(--vscode-editorWidget-border, #d1d5db);\
--sld-wait:${timelineColour.wait}}
${scope} text{fill:var(--sld-fg);dominant-baseline:central}
${scope} .sld-muted{fill:var(--sld-muted)}
${scope} .sld-halo{paint-order:stroke;stroke:var(--sld-bg);stroke-width:3px;stroke-linejoin:round}
${scope} .sld-lane-bg{fill:var(--sld-fg);fill-opacity:.04}
${scope} .sld-grid{stroke:var(--sld-grid);stroke-width:1}
${scope} .sld-axis{stroke:var(--sld-muted);stroke-width:1}
${held}
${scope} .${waitClass}{stroke:var(--sld-wait);stroke-width:1}
${scope} .${waitClass}.sld-dense{stroke:none}
${scope} .sld-hatch-bg{fill:var(--sld-wait);fill-opacity:.1}
${scope} .sld-hatch{stroke:var(--sld-wait);stroke-width:1.5;stroke-opacity:.6}
${scope} .${errorClass}{fill:${timelineColour.error};stroke:var(--sld-bg);stroke-width:1.5}
${scope} .${errorClass}-line{stroke:${timelineColour.error};stroke-width:2}
${scope} text.${errorClass}-text{fill:${timelineColour.error};font-weight:600}
${scope} .${commitClass}{stroke:${timelineColour.commit};stroke-width:2;fill:none}
${scope} .${commitClass}.sld-dense{stroke-width:1}`;
}
