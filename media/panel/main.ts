// The Lock Doctor panel's browser side: renders the state the extension host sends and sends back what
// the user asks for (src/shared/panelProtocol.ts). No Node and no vscode module here.
import './panel.css';
import { timelineCss } from '../../src/report/timelineSvg';
import type { PanelState } from '../../src/shared/panelProtocol';
import { currentScriptNonce, installStyle } from './dom/installStyle';
import { applyToPanel, isComplete, isToPanel } from './panelMessages';
import { PanelPage } from './panelPage';
import { connectToHost } from './vscodeApi';

// First: document.currentScript is only set while this script is first evaluated.
const nonce = currentScriptNonce();
installStyle(timelineCss(), nonce, 'sld-timeline-style');

const host = connectToHost();
const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('main'));
const page = new PanelPage(root, host, host.saved()?.form);

let state: Partial<PanelState> = {};
window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (isToPanel(event.data)) {
    state = applyToPanel(state, event.data);
    if (isComplete(state)) {
      page.receive(state);
    }
  }
});

host.post({ type: 'ready' });
