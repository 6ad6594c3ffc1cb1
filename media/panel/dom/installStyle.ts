// The timeline's stylesheet goes in once, as a <style> carrying the page's script nonce: the CSP
// (style-src with that nonce) admits it, while inline style attributes stay forbidden.

/** The nonce of the script now running; read it while the script first runs (currentScript is null later). */
export function currentScriptNonce(): string | undefined {
  const script = document.currentScript;
  return script?.nonce || undefined;
}

export function installStyle(css: string, nonce: string | undefined, id: string): void {
  if (document.getElementById(id)) {
    return;
  }
  const style = document.createElement('style');
  style.id = id;
  if (nonce) {
    style.nonce = nonce;
  }
  style.textContent = css;
  document.head.append(style);
}
