// The page: keeps the latest state from the host and what only the page knows (the form as the user
// left it, the width), renders both into #app, and turns the user's clicks into messages.
import type { ProbeResult } from '../../src/engine/probe/probeTypes';
import type { PanelState, ProbeFormValues } from '../../src/shared/panelProtocol';
import { morphInto } from './dom/morph';
import { FocusKeeper } from './dom/keepFocus';
import {
  formFromValues,
  isProbeField,
  sameValues,
  updateForm,
  type ProbeField,
  type ProbeFormState,
} from './probeFormState';
import { renderLoading, renderPanel } from './render/panelView';
import { runBlockedReason } from './render/probeForm';
import { switchBlockedReason } from './render/journalMode';
import type { PanelHost } from './vscodeApi';

/** The result card's horizontal padding and border, for the first render before #timeline exists. */
const cardInsetPx = 34;

export class PanelPage {
  private state: PanelState | undefined;
  private form: ProbeFormState | undefined;
  private defaultsSeen: ProbeFormValues | undefined;
  private result: ProbeResult | null = null;
  private resultKey = 'none';
  private savedKey = '';
  private renderQueued = false;
  private readonly focus = new FocusKeeper();

  constructor(
    private readonly root: HTMLElement,
    private readonly host: PanelHost,
    /** The form as an earlier page of this panel left it (unchecked: it comes from storage). */
    private readonly savedForm: Partial<Record<ProbeField, unknown>> | undefined,
  ) {
    root.innerHTML = renderLoading();
    root.addEventListener('click', (event) => this.onClick(event));
    document.addEventListener('pointerdown', () => this.focus.forget());
    root.addEventListener('submit', (event) => this.onSubmit(event));
    root.addEventListener('change', (event) => this.onFieldEdit(event));
    root.addEventListener('input', (event) => this.onFieldEdit(event));
    // The timeline is drawn at the panel's width: redraw when the panel is resized.
    new ResizeObserver(() => this.queueRender()).observe(root);
  }

  receive(state: PanelState): void {
    const key = state.lastResult?.id ?? 'none';
    if (key !== this.resultKey) {
      this.result = state.lastResult;
      this.resultKey = key;
    }
    // Settings changed (or the first state): the form follows them. Otherwise the user's edits stay.
    if (this.defaultsSeen === undefined) {
      this.form = this.restoredForm(state.defaults);
      this.defaultsSeen = state.defaults;
    } else if (!sameValues(this.defaultsSeen, state.defaults)) {
      this.form = formFromValues(state.defaults);
      this.defaultsSeen = state.defaults;
    }
    // Keep one object per result, so the timeline drawn for it is reused.
    this.state = { ...state, lastResult: this.result };
    this.save();
    this.render();
  }

  /** The defaults, with each field the saved form holds a valid value for taken from it. */
  private restoredForm(defaults: ProbeFormValues): ProbeFormState {
    let form = formFromValues(defaults);
    for (const [field, value] of Object.entries(this.savedForm ?? {})) {
      if (isProbeField(field) && (typeof value === 'string' || typeof value === 'number')) {
        const updated = updateForm(form, field, String(value));
        form = updated.busyTimeoutProblem ? form : updated;
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
    const focused = this.focus.before();
    morphInto(this.root, renderPanel(state, { form, timelineWidth: width, resultKey: this.resultKey }));
    this.focus.after(focused);
    // The first drawing had to guess the width; draw again at the real one.
    if (this.measureTimelineWidth() !== width) {
      this.queueRender();
    }
  }

  private measureTimelineWidth(): number {
    const container = document.getElementById('timeline');
    const width = container ? container.clientWidth : this.root.clientWidth - cardInsetPx;
    return Math.max(0, Math.floor(width));
  }

  private save(): void {
    const state = this.state;
    if (state === undefined) {
      return;
    }
    const databasePath = state.database?.path ?? null;
    const key = JSON.stringify([databasePath, this.resultKey, this.form?.values]);
    if (key === this.savedKey) {
      return;
    }
    this.savedKey = key;
    this.host.save({ databasePath, form: this.form?.values });
  }

  private onClick(event: MouseEvent): void {
    const target = event.target instanceof Element ? event.target : null;
    const button = target?.closest<HTMLButtonElement>('button[data-action]');
    if (!button || button.disabled || this.state === undefined) {
      return;
    }
    switch (button.dataset.action) {
      case 'openDatabase':
        this.host.post({ type: 'openDatabase' });
        break;
      case 'refresh':
        this.host.post({ type: 'refresh' });
        break;
      case 'cancelProbe':
        this.host.post({ type: 'cancelProbe' });
        break;
      case 'switchJournal': {
        const target = button.dataset.target;
        if ((target === 'wal' || target === 'delete') && switchBlockedReason(this.state) === undefined) {
          this.host.post({ type: 'switchJournal', target });
        }
        break;
      }
      case 'export': {
        const format = button.dataset.format;
        if (format === 'json' || format === 'markdown' || format === 'svg') {
          this.host.post({ type: 'export', format });
        }
        break;
      }
    }
  }

  private onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const state = this.state;
    const form = this.form;
    if (state === undefined || form === undefined) {
      return;
    }
    if (form.busyTimeoutProblem) {
      document.getElementById('probe-busy-timeout')?.focus();
      return;
    }
    if (runBlockedReason(state, form) === undefined) {
      this.host.post({ type: 'runProbe', form: { ...form.values } });
    }
  }

  private onFieldEdit(event: Event): void {
    const field = event.target;
    if (
      !(field instanceof HTMLSelectElement || field instanceof HTMLInputElement) ||
      this.form === undefined
    ) {
      return;
    }
    if (!isProbeField(field.name)) {
      return;
    }
    this.form = updateForm(this.form, field.name, field.value);
    this.save();
    this.render();
  }
}
