// Small walks over a tree-sitter syntax tree that several rule families share.
import type { Node } from 'web-tree-sitter';

/** False when the node has a syntax error in it or sits inside one: rules skip what they cannot read. */
export function isReadable(node: Node): boolean {
  if (node.hasError) {
    return false;
  }
  // Walking up is costly (each parent crosses into wasm): a file without errors needs no walk.
  if (!node.tree.rootNode.hasError) {
    return true;
  }
  for (let parent = node.parent; parent !== null; parent = parent.parent) {
    if (parent.isError) {
      return false;
    }
  }
  return true;
}

/** The nearest ancestor (not the node itself) of one of these types. */
export function enclosingOfType(node: Node, types: readonly string[]): Node | undefined {
  for (let parent = node.parent; parent !== null; parent = parent.parent) {
    if (types.includes(parent.type)) {
      return parent;
    }
  }
  return undefined;
}

/** True when `inner` lies within `outer` (or is it). */
export function isWithin(inner: Node, outer: Node): boolean {
  return inner.startIndex >= outer.startIndex && inner.endIndex <= outer.endIndex;
}

/** Descendants of these types, not looking into nested nodes of the `stopAt` types (nested functions, say). */
export function descendantsOutside(node: Node, types: readonly string[], stopAt: readonly string[]): Node[] {
  const found: Node[] = [];
  const visit = (current: Node): void => {
    for (const child of current.namedChildren) {
      if (types.includes(child.type)) {
        found.push(child);
      }
      if (!stopAt.includes(child.type)) {
        visit(child);
      }
    }
  };
  visit(node);
  return found;
}
