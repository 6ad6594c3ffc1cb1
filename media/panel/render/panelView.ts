// The whole panel as one HTML string, from the host's state plus what only the page knows (the form
// as the user left it, the width). Pure: the page turns it into DOM (dom/morph.ts), tests read it.
import type { PanelState } from '../../../src/shared/panelProtocol';
import type { ProbeFormState } from '../probeFormState';
import { renderFacts } from './facts';
import { renderHeader } from './header';
import { renderProbeForm } from './probeForm';
import { renderResult } from './result';
import { renderStatus } from './status';

export interface PanelView {
  form: ProbeFormState;
  timelineWidth: number;
  resultKey: string;
}

export function renderPanel(state: PanelState, view: PanelView): string {
  const untrusted = state.trusted
    ? ''
    : '<p class="message message-info" id="untrusted">Restricted mode: this workspace is not trusted, so the panel only inspects. Switching the journal mode and running the probe need a trusted workspace.</p>';
  return [
    renderHeader(state),
    renderStatus(state),
    untrusted,
    `<div class="columns">${renderFacts(state)}${renderProbeForm(state, view.form)}</div>`,
    renderResult(state, { timelineWidth: view.timelineWidth, resultKey: view.resultKey }),
  ]
    .filter((part) => part !== '')
    .join('\n');
}

export function renderLoading(): string {
  return '<p class="muted loading">Loading…</p>';
}
