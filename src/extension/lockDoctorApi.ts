// What activate() returns: a read-only view for the integration tests that run in a real extension
// host (and for other extensions that want to know what is open).
import type { PanelState, ToPanel } from '../shared/panelProtocol';
import type { LockWatcherStats } from '../engine/process/lockWatcherProtocol';
import type { LiveLockWatcher } from './liveLockWatcher';
import type { LockDoctorModel } from './lockDoctorModel';
import { LockDoctorPanel } from './panel/lockDoctorPanel';
import type { RecordingController } from './recording/recordingController';
import type { LockDoctorStatusBar } from './statusBar';

export interface LockDoctorApi {
  state(): PanelState;
  statusBarText(): string | undefined;
  /** The last message of this type the panel's webview accepted, when a panel is open. */
  panelDelivered<T extends ToPanel['type']>(type: T): Extract<ToPanel, { type: T }> | undefined;
  /** The lock watcher process: its PID while it runs, and the figures of its latest reading. */
  lockWatcher(): { pid: number | undefined; lastStats: LockWatcherStats | undefined };
  /** Record Lock Activity: the status bar item's text while recording (else undefined), the recorder's PID. */
  recorder(): { statusBarText: string | undefined; pid: number | undefined };
}

export function lockDoctorApi(
  model: LockDoctorModel,
  statusBar: LockDoctorStatusBar,
  lockWatcher: LiveLockWatcher,
  recordings: RecordingController,
): LockDoctorApi {
  return {
    state: () => model.panelState(),
    statusBarText: () => statusBar.shownText,
    panelDelivered: (type) => LockDoctorPanel.lastDelivered(type),
    lockWatcher: () => ({ pid: lockWatcher.pid, lastStats: lockWatcher.lastStats }),
    recorder: () => ({ statusBarText: recordings.shownText, pid: recordings.recorderPid }),
  };
}
