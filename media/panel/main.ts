// The Lock Doctor panel's browser side: renders the state the extension host sends and sends back what
// the user asks for (src/shared/panelProtocol.ts). No Node and no vscode module here.
import './panel.css';
import { timelineCss } from '../../src/report/timelineSvg';
import type { PanelState } from '../../src/shared/panelProtocol';
import { currentScriptNonce, installStyle } from './dom/installStyle';
import { PanelPage } from './panelPage';
import { connectToHost } from './vscodeApi';

// First: document.currentScript is only set while this script is first evaluated.
const nonce = currentScriptNonce();
installStyle(timelineCss(), nonce, 'sld-timeline-style');

const host = connectToHost();
const root = document.getElementById('app') ?? document.body.appendChild(document.createElement('main'));
const page = new PanelPage(root, host, host.saved()?.form);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (isStateMessage(message)) {
    page.receive(message.state);
  }
});

host.post({ type: 'ready' });

function isStateMessage(message: unknown): message is { type: 'state'; state: PanelState } {
  if (typeof message !== 'object' || message === null) {
    return false;
  }
  const { type, state } = message as { type?: unknown; state?: unknown };
  return type === 'state' && typeof state === 'object' && state !== null;
}
