// What activate() returns: a read-only view for the integration tests that run in a real extension
// host (and for other extensions that want to know what is open).
import type { PanelState, ToPanel } from '../shared/panelProtocol';
import type { LockDoctorModel } from './lockDoctorModel';
import { LockDoctorPanel } from './panel/lockDoctorPanel';
import type { LockDoctorStatusBar } from './statusBar';

export interface LockDoctorApi {
  state(): PanelState;
  statusBarText(): string | undefined;
  /** The last message of this type the panel's webview accepted, when a panel is open. */
  panelDelivered<T extends ToPanel['type']>(type: T): Extract<ToPanel, { type: T }> | undefined;
}

export function lockDoctorApi(model: LockDoctorModel, statusBar: LockDoctorStatusBar): LockDoctorApi {
  return {
    state: () => model.panelState(),
    statusBarText: () => statusBar.shownText,
    panelDelivered: (type) => LockDoctorPanel.lastDelivered(type),
  };
}
