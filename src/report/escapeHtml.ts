import { shownAsText } from '../engine/text/printable';

// File names, session names and SQLite messages are untrusted: everything that goes into HTML or SVG,
// as text or as an attribute value, passes through here.

const htmlEntities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Control characters other than tab and newline are not allowed in XML 1.0, so a standalone SVG
 * holding one would not even parse; they become U+FFFD.
 */
// eslint-disable-next-line no-control-regex
const xmlForbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for HTML/SVG element content and for quoted attribute values alike. */
export function escapeHtml(text: string): string {
  // Bidi and C1 controls as U+FFFD too: a name cannot reverse the text that follows it.
  return shownAsText(text)
    .replace(xmlForbidden, '\uFFFD')
    .replace(/[&<>"']/g, (char) => htmlEntities[char] ?? char);
}
