// The page: keeps the latest state from the host and what only the page knows (the form as the user
// left it, the view, the width), renders both into #app with lit-html, which updates only what
// changed, so the focus, the caret, an opened section and scroll positions stay where they were.
import { render } from 'lit-html';
import type { PanelState, PanelViewName, ProbeFormValues } from '../../src/shared/panelProtocol';
import {
  formFromValues,
  isProbeField,
  sameValues,
  updateForm,
  type ProbeField,
  type ProbeFormState,
} from './probeFormState';
import type { ViewActions } from './render/actions';
import { panelViews, renderLoading, renderPanel } from './render/panelView';
import { runBlockedReason } from './render/probeForm';
import type { PanelHost } from './vscodeApi';

/** The panel's horizontal padding, for measuring before #timeline is laid out (or while hidden). */
const panelInsetPx = 34;

export class PanelPage {
  private state: PanelState | undefined;
  private form: ProbeFormState | undefined;
  private defaultsSeen: ProbeFormValues | undefined;
  private view: PanelViewName;
  private savedKey = '';
  private renderQueued = false;
  private readonly actions: ViewActions = {
    post: (message) => this.host.post(message),
    showView: (view) => this.showView(view),
    editField: (field, value) => this.editField(field, value),
    runProbe: () => this.runProbe(),
  };

  constructor(
    private readonly root: HTMLElement,
    private readonly host: PanelHost,
    /** What an earlier page of this panel saved (unchecked: it comes from storage). */
    private readonly saved: { form?: Partial<Record<ProbeField, unknown>>; view?: unknown } | undefined,
  ) {
    this.view = panelViews.find((entry) => entry.name === saved?.view)?.name ?? 'file';
    render(renderLoading(), root);
    // The timeline is drawn at the panel's width: redraw when the panel is resized.
    new ResizeObserver(() => this.queueRender()).observe(root);
  }

  receive(state: PanelState): void {
    // A probe starts: its view shows its sessions' locks and then its result.
    if (state.busy?.kind === 'probe' && this.state?.busy?.kind !== 'probe') {
      this.view = 'probe';
      if (
        state.busy.probe !== undefined &&
        this.form !== undefined &&
        !sameValues(this.form.values, state.busy.probe)
      ) {
        this.form = formFromValues(state.busy.probe);
      }
    }
    // A sweep starts: its view shows it running and then its chart.
    if (state.busy?.kind === 'sweep' && this.state?.busy?.kind !== 'sweep') {
      this.view = 'headroom';
    }
    // A recording starts: its view offers Stop (and shows the recording once stopped).
    if (state.recordingNow !== null && this.state !== undefined && this.state.recordingNow === null) {
      this.view = 'recording';
    }
    // Settings changed (or the first state): the form follows them. Otherwise the user's edits stay.
    if (this.defaultsSeen === undefined) {
      this.form = this.restoredForm(state.defaults);
      this.defaultsSeen = state.defaults;
    } else if (!sameValues(this.defaultsSeen, state.defaults)) {
      this.form = formFromValues(state.defaults);
      this.defaultsSeen = state.defaults;
    }
    this.state = state;
    this.save();
    this.render();
  }

  showView(view: PanelViewName): void {
    if (this.view !== view) {
      this.view = view;
      this.save();
      this.render();
    }
  }

  /** The defaults, with each field the saved form holds a valid value for taken from it. */
  private restoredForm(defaults: ProbeFormValues): ProbeFormState {
    let form = formFromValues(defaults);
    // The driver first: choosing one fills the busy timeout and BEGIN, which the saved form may override.
    const saved = Object.entries(this.saved?.form ?? {}).sort(
      ([a], [b]) => Number(b === 'client') - Number(a === 'client'),
    );
    for (const [field, value] of saved) {
      if (isProbeField(field) && (typeof value === 'string' || typeof value === 'number')) {
        const updated = updateForm(form, field, String(value));
        form = updated.busyTimeoutProblem || updated.poolSizeProblem ? form : updated;
      }
    }
    return form;
  }

  private queueRender(): void {
    if (this.renderQueued || this.state === undefined) {
      return;
    }
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  private render(): void {
    const state = this.state;
    const form = this.form;
    if (state === undefined || form === undefined) {
      return;
    }
    const width = this.measureTimelineWidth();
    render(renderPanel(state, { form, timelineWidth: width, view: this.view }, this.actions), this.root);
    // The first drawing had to guess the width; draw again at the real one.
    if (this.measureTimelineWidth() !== width) {
      this.queueRender();
    }
  }

  private measureTimelineWidth(): number {
    const container = document.getElementById('timeline');
    const measured = container?.clientWidth ?? 0;
    const width = measured > 0 ? measured : this.root.clientWidth - panelInsetPx;
    return Math.max(0, Math.floor(width));
  }

  private save(): void {
    const state = this.state;
    if (state === undefined) {
      return;
    }
    const saved = { databasePath: state.database?.path ?? null, form: this.form?.values, view: this.view };
    const key = JSON.stringify(saved);
    if (key !== this.savedKey) {
      this.savedKey = key;
      this.host.save(saved);
    }
  }

  private runProbe(): void {
    const state = this.state;
    const form = this.form;
    if (state === undefined || form === undefined) {
      return;
    }
    if (form.busyTimeoutProblem) {
      document.getElementById('probe-busy-timeout')?.focus();
      return;
    }
    if (form.values.preset === 'pool' && form.poolSizeProblem) {
      document.getElementById('probe-pool-size')?.focus();
      return;
    }
    if (runBlockedReason(state, form) === undefined) {
      this.host.post({ type: 'runProbe', form: { ...form.values } });
    }
  }

  private editField(field: ProbeField, value: string): void {
    if (this.form === undefined) {
      return;
    }
    this.form = updateForm(this.form, field, value);
    this.save();
    this.render();
  }
}
