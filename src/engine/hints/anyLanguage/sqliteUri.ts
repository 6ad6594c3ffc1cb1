// SQLite URIs and URLs inside string literals: `file:` URIs (sqlite.org/uri.html), as every driver
// passes them to sqlite3_open_v2, and the `sqlite://` / `sqlite+driver://` URLs of SQLAlchemy and
// other ORMs. Interpolated parts read as a placeholder.
import type { Node } from 'web-tree-sitter';
import { stringLiteralValue } from '../stringLiteral';

/** What an interpolation reads as: no URI text contains it. */
export const interpolationMark = '\u0000';

export interface SqliteUri {
  /** 'file' for SQLite's own `file:` URIs, 'url' for an ORM's `sqlite://` URL. */
  readonly scheme: 'file' | 'url';
  /** The file part: after `file:` or `sqlite:///`, before the query. */
  readonly path: string;
  readonly parameters: ReadonlyMap<string, string>;
}

const uriPattern = /^(?:file:|sqlite(?:\+[a-z0-9_]+)?:\/\/\/?)/i;

/** The URI in a string literal, when the literal's whole text is one (no spaces, no other words). */
export function sqliteUriOf(node: Node): SqliteUri | undefined {
  const value = stringLiteralValue(node, interpolationMark);
  const scheme = value === undefined ? null : uriPattern.exec(value);
  if (value === undefined || scheme === null || /\s/.test(value)) {
    return undefined;
  }
  const rest = value.slice(scheme[0].length);
  // SQLAlchemy's `sqlite:///file:x?cache=shared&uri=true` carries a SQLite URI inside the URL.
  const inner = /^file:/i.test(rest) ? rest.slice('file:'.length) : rest;
  const mark = inner.indexOf('?');
  const parameters = new Map<string, string>();
  if (mark >= 0) {
    for (const piece of inner.slice(mark + 1).split('&')) {
      const equals = piece.indexOf('=');
      if (equals > 0) {
        parameters.set(piece.slice(0, equals).toLowerCase(), piece.slice(equals + 1));
      }
    }
  }
  const path = mark >= 0 ? inner.slice(0, mark) : inner;
  return { scheme: /^file:/i.test(scheme[0]) ? 'file' : 'url', path, parameters };
}
