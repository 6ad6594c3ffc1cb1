// The value of a plain string literal in any language the hints parse: Python strings without
// interpolation, JavaScript/TypeScript strings and templates without substitutions, Go interpreted
// and raw strings. Escape sequences are kept as written (paths and URIs rarely contain any).
import type { Node } from 'web-tree-sitter';

/** Node types that are string literals, per grammar. */
export const stringLiteralTypes: readonly string[] = [
  'string',
  'template_string',
  'interpreted_string_literal',
  'raw_string_literal',
];

const contentTypes = new Set([
  'string_content',
  'string_fragment',
  'escape_sequence',
  'interpreted_string_literal_content',
  'raw_string_literal_content',
]);

/** Python f-string interpolations and JavaScript template substitutions. */
const interpolationTypes = new Set(['interpolation', 'template_substitution']);

/**
 * The literal's text between its quotes, or undefined when it is not a plain literal. With
 * `placeholder`, interpolations (`{path}`, `${path}`) read as that text instead of making it unknown.
 */
export function stringLiteralValue(node: Node, placeholder?: string): string | undefined {
  if (!stringLiteralTypes.includes(node.type)) {
    return undefined;
  }
  let value = '';
  for (const child of node.namedChildren) {
    if (contentTypes.has(child.type)) {
      value += child.text;
    } else if (placeholder !== undefined && interpolationTypes.has(child.type)) {
      value += placeholder;
    } else if (child.type !== 'string_start' && child.type !== 'string_end') {
      // An interpolation, a template substitution: the value is not known from the text.
      return undefined;
    }
  }
  return value;
}

/** The expressions interpolated into a string literal, in order. */
export function interpolatedExpressions(node: Node): Node[] {
  return node.namedChildren
    .filter((child) => interpolationTypes.has(child.type))
    .flatMap((child) =>
      child.namedChildren
        .filter((inner) => inner.type !== 'format_specifier' && inner.type !== 'type_conversion')
        .slice(0, 1),
    );
}

/** Where the literal's closing quote starts: text inserted here goes at the end of the value. */
export function closingQuoteOf(node: Node): { line: number; column: number } {
  const last = node.lastChild;
  if (last !== null && last.type === 'string_end') {
    return { line: last.startPosition.row, column: last.startPosition.column };
  }
  return { line: node.endPosition.row, column: node.endPosition.column - 1 };
}
