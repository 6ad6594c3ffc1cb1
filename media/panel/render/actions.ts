// What the templates may do when the user acts: the page supplies these, the templates bind them.
import type { FromPanel, PanelViewName } from '../../../src/shared/panelProtocol';
import type { ProbeField } from '../probeFormState';

export interface ViewActions {
  /** Sends a request to the host. */
  post(message: FromPanel): void;
  /** Shows another view (tab) of the panel. */
  showView(view: PanelViewName): void;
  /** The user changed a field of the probe form. */
  editField(field: ProbeField, value: string): void;
  /** Run (the button, or Enter in the busy timeout field). */
  runProbe(): void;
}
