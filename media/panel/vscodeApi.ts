// The one handle on VS Code inside the webview, typed with the panel's protocol. acquireVsCodeApi may
// be called only once per page, so this module calls it once and everything else imports `host`.
import type { FromPanel, PanelSavedState } from '../../src/shared/panelProtocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface PanelHost {
  post(message: FromPanel): void;
  /** What an earlier page of this panel saved, if anything. */
  saved(): Partial<PanelSavedState> | undefined;
  save(state: PanelSavedState): void;
}

export function connectToHost(): PanelHost {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    saved: () => {
      const state = api.getState();
      return typeof state === 'object' && state !== null ? state : undefined;
    },
    save: (state) => api.setState(state),
  };
}
