// The whole panel: the header, what is going on, and the views as tabs (file, lock holders, probe,
// recording), so each view has the panel's height and more views can join without one long scroll.
import { html, type TemplateResult } from 'lit-html';
import type { PanelState, PanelViewName } from '../../../src/shared/panelProtocol';
import type { ProbeFormState } from '../probeFormState';
import type { ViewActions } from './actions';
import { renderFileView } from './fileView';
import { renderHeadroomView } from './headroomView';
import { renderHeader } from './header';
import { renderLocksView } from './locksView';
import { renderProbeView } from './probeView';
import { renderRecordingView } from './recordingView';
import { renderStatus } from './status';

export interface PanelView {
  form: ProbeFormState;
  /** The width the timeline is drawn at: the panel's content width. */
  timelineWidth: number;
  view: PanelViewName;
}

/** The tabs in order; the index is what vscode-tabs selects by. */
export const panelViews: readonly { name: PanelViewName; label: string }[] = [
  { name: 'file', label: 'File' },
  { name: 'locks', label: 'Lock holders' },
  { name: 'probe', label: 'Probe' },
  { name: 'recording', label: 'Recording' },
  { name: 'headroom', label: 'Headroom' },
];

export function renderPanel(state: PanelState, view: PanelView, actions: ViewActions): TemplateResult {
  const untrusted = state.trusted
    ? ''
    : html`<p class="message message-info" id="untrusted">
        Restricted mode: this workspace is not trusted, so the panel only inspects. Switching the journal
        mode, running the probe, recording lock activity and the load test need a trusted workspace.
      </p>`;
  if (state.database === null) {
    return html`${renderHeader(state, actions)}${renderStatus(state)}${untrusted}`;
  }
  const selected = Math.max(
    0,
    panelViews.findIndex((entry) => entry.name === view.view),
  );
  const bodies: Record<PanelViewName, () => TemplateResult> = {
    file: () => renderFileView(state, actions),
    locks: () => renderLocksView(state),
    probe: () => renderProbeView(state, view.form, view.timelineWidth, actions),
    recording: () => renderRecordingView(state, view.timelineWidth, actions),
    headroom: () => renderHeadroomView(state, view.timelineWidth, actions),
  };
  return html`${renderHeader(state, actions)}${renderStatus(state)}${untrusted}
    <vscode-tabs
      id="views"
      .selectedIndex=${selected}
      @vsc-tabs-select=${(event: CustomEvent<{ selectedIndex: number }>) => {
        const chosen = panelViews[event.detail.selectedIndex];
        if (chosen) {
          actions.showView(chosen.name);
        }
      }}
    >
      ${panelViews.map(
        (entry) =>
          // data-view, not id: vscode-tabs gives its headers and panels ids of its own (for aria).
          html`<vscode-tab-header slot="header" data-view=${entry.name}>${entry.label}</vscode-tab-header>
            <vscode-tab-panel data-view=${entry.name}>${bodies[entry.name]()}</vscode-tab-panel>`,
      )}
    </vscode-tabs>`;
}

export function renderLoading(): TemplateResult {
  return html`<p class="muted loading">Loading…</p>`;
}
