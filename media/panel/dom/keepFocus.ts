// A re-render can remove or disable the control that had the focus: Run is disabled while the probe
// runs, and "Switch to WAL" is disabled while it switches and then becomes "Switch to DELETE". The
// focus then goes to the control that took its place, or, when there is none yet, comes back as soon
// as there is, instead of being left on the page's body.

const successors: Record<string, string[]> = {
  'probe-run': ['probe-cancel'],
  'probe-cancel': ['probe-run'],
  'switch-wal': ['switch-delete'],
  'switch-delete': ['switch-wal'],
};

function usable(element: HTMLElement | null): element is HTMLElement {
  return element !== null && element.isConnected && !element.matches(':disabled');
}

function nothingFocused(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

export class FocusKeeper {
  /** The control that lost the focus to a re-render and has not got it back. */
  private lost: string | undefined;

  /** The user put the focus somewhere themselves (a click): do not pull it back later. */
  forget(): void {
    this.lost = undefined;
  }

  /** Call before re-rendering: which control to keep focused. */
  before(): string | undefined {
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body) {
      this.lost = undefined;
      return active.id || undefined;
    }
    return this.lost;
  }

  /** Call after re-rendering with what before() returned. */
  after(wanted: string | undefined): void {
    if (wanted === undefined || !nothingFocused()) {
      return;
    }
    for (const id of [wanted, ...(successors[wanted] ?? [])]) {
      const candidate = document.getElementById(id);
      if (usable(candidate)) {
        candidate.focus();
        this.lost = undefined;
        return;
      }
    }
    this.lost = wanted;
  }
}
