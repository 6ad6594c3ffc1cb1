// The Lock Doctor panel's browser side: renders what the extension host sends and sends back what the
// user asks for (src/shared/panelProtocol.ts). No Node and no vscode module here. The controls are
// VS Code's own look, from @vscode-elements/elements (only the ones the panel uses are registered).
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-table/index.js';
import '@vscode-elements/elements/dist/vscode-table-body/index.js';
import '@vscode-elements/elements/dist/vscode-table-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-header/index.js';
import '@vscode-elements/elements/dist/vscode-table-header-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-row/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import './panel.css';
import { headroomCss } from '../../src/report/sweep/headroomStyle';
import { timelineCss } from '../../src/report/timelineSvg';
import { walSizeCss } from '../../src/report/wal/walSizeSvg';
import type { PanelState } from '../../src/shared/panelProtocol';
import { currentScriptNonce, installStyle } from './dom/installStyle';
import { applyToPanel, isComplete, isToPanel } from './panelMessages';
import { PanelPage } from './panelPage';
import { defineTimelineExplorer } from './timeline/timelineExplorer';
import { connectToHost } from './vscodeApi';

// First: document.currentScript is only set while this script is first evaluated.
const nonce = currentScriptNonce();
installStyle(timelineCss(), nonce, 'sld-timeline-style');
installStyle(headroomCss(), nonce, 'sld-headroom-style');
installStyle(walSizeCss(), nonce, 'sld-wal-style');
defineTimelineExplorer();

const host = connectToHost();
const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('main'));
const page = new PanelPage(root, host, host.saved());

let state: Partial<PanelState> = {};
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isToPanel(message)) {
    return;
  }
  if (message.type === 'show') {
    page.showView(message.view);
    return;
  }
  state = applyToPanel(state, message);
  if (isComplete(state)) {
    page.receive(state);
  }
});

host.post({ type: 'ready' });
