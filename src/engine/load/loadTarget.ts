// What the user gives `load`, checked before anything is sent: http(s) URLs only (requests go only to
// the addresses given), headers as NAME:VALUE, a JSON body.
import { controlsEscaped, quotedInput } from '../text/quotedInput';
import { UserInputError } from '../userInputError';

export function parseLoadUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserInputError(
      undefined,
      `${quotedInput(text)} is not a URL; load takes http:// or https:// URLs`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserInputError(
      undefined,
      `load sends HTTP requests only: ${quotedInput(text)} is a ${url.protocol.replace(/:$/, '')} URL, not http:// or https://`,
    );
  }
  return url;
}

/** The URL as reports show it: a user name and password in it are credentials, shown as "***". */
export function shownUrl(url: URL): string {
  if (url.username === '' && url.password === '') {
    return url.href;
  }
  const shown = new URL(url.href);
  shown.username = '***';
  shown.password = '';
  return shown.href;
}

// RFC 9110 token characters.
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Set by the HTTP client from the URL and the body; a user's value would contradict them. */
const clientHeaders = new Set(['host', 'content-length', 'transfer-encoding', 'connection', 'upgrade']);

export function parseHeader(text: string): [string, string] {
  const colon = text.indexOf(':');
  const name = colon < 0 ? '' : text.slice(0, colon).trim();
  const value = colon < 0 ? '' : text.slice(colon + 1).trim();
  if (!headerName.test(name) || /[\r\n\0]/.test(value)) {
    throw new UserInputError(
      undefined,
      `--header must be NAME:VALUE (e.g. "Authorization: Bearer x"), not ${quotedInput(text)}`,
    );
  }
  if (clientHeaders.has(name.toLowerCase())) {
    throw new UserInputError(
      undefined,
      `--header ${name} is set by the HTTP client from the URL and body; leave it out`,
    );
  }
  return [name, value];
}

/** The body as sent: the user's JSON, checked to be JSON. */
export function parseJsonBody(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    throw new UserInputError(
      undefined,
      `--body must be JSON: ${controlsEscaped(error instanceof Error ? error.message : String(error))}`,
    );
  }
  return text;
}
