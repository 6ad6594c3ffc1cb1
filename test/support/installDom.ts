// happy-dom's window as the globals a browser would have, for lit-html in Node. A module of its own so
// that it runs before lit-html loads (lit-html reads `document` at load).
import { Window } from 'happy-dom';

const window = new Window({ url: 'https://panel.test/' });
Object.assign(globalThis, {
  window,
  document: window.document,
  Node: window.Node,
  Element: window.Element,
  HTMLElement: window.HTMLElement,
  DocumentFragment: window.DocumentFragment,
  customElements: window.customElements,
  ResizeObserver: window.ResizeObserver,
  requestAnimationFrame: window.requestAnimationFrame.bind(window),
});
