// Turns the page into a freshly rendered HTML string while keeping every element that is still there:
// replacing everything on each state from the host would drop the focus, the caret in the busy timeout
// field, an opened <details>, scroll positions, and the live regions screen readers listen to.
// Elements are paired by id when they have one, otherwise by tag in order.

/** How far ahead to look for an unnamed element's partner before inserting a new one. */
const lookAhead = 8;

export function morphInto(target: Element, html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  morphChildren(target, template.content);
}

function morphChildren(from: Node, to: Node): void {
  let current = from.firstChild;
  let next = to.firstChild;
  while (next !== null) {
    const following: ChildNode | null = next.nextSibling;
    const match = findMatch(current, next);
    if (match === null) {
      from.insertBefore(next, current);
    } else {
      while (current !== null && current !== match) {
        const after: ChildNode | null = current.nextSibling;
        current.remove();
        current = after;
      }
      morphNode(match, next);
      current = match.nextSibling;
    }
    next = following;
  }
  while (current !== null) {
    const after: ChildNode | null = current.nextSibling;
    current.remove();
    current = after;
  }
}

function idOf(node: Node): string {
  return node instanceof Element ? node.id : '';
}

function findMatch(start: ChildNode | null, wanted: Node): ChildNode | null {
  const id = idOf(wanted);
  let candidate = start;
  for (let steps = 0; candidate !== null; steps += 1, candidate = candidate.nextSibling) {
    if (id === '' && steps >= lookAhead) {
      return null;
    }
    if (candidate.nodeType !== wanted.nodeType || candidate.nodeName !== wanted.nodeName) {
      continue;
    }
    if (idOf(candidate) === id) {
      return candidate;
    }
  }
  return null;
}

function morphNode(old: ChildNode, wanted: Node): void {
  if (!(old instanceof Element) || !(wanted instanceof Element)) {
    if (old.nodeValue !== wanted.nodeValue) {
      old.nodeValue = wanted.nodeValue;
    }
    return;
  }
  const key = wanted.getAttribute('data-key');
  if (key !== null && key === old.getAttribute('data-key')) {
    // Same content by construction (the timeline of the same result at the same width).
    syncAttributes(old, wanted);
    return;
  }
  syncAttributes(old, wanted);
  morphChildren(old, wanted);
  syncFormValue(old, wanted);
}

function syncAttributes(old: Element, wanted: Element): void {
  for (const attribute of [...old.attributes]) {
    // The user opens and closes <details>; the rendered HTML does not know.
    const keep = old instanceof HTMLDetailsElement && attribute.name === 'open';
    if (!keep && !wanted.hasAttributeNS(attribute.namespaceURI, attribute.localName)) {
      old.removeAttributeNS(attribute.namespaceURI, attribute.localName);
    }
  }
  for (const attribute of [...wanted.attributes]) {
    if (old.getAttributeNS(attribute.namespaceURI, attribute.localName) !== attribute.value) {
      old.setAttributeNS(attribute.namespaceURI, attribute.name, attribute.value);
    }
  }
}

/** Attributes give a control its initial value only; once used, its live value must be set. */
function syncFormValue(old: Element, wanted: Element): void {
  if (old instanceof HTMLInputElement) {
    const value = wanted.getAttribute('value') ?? '';
    if (old.value !== value) {
      old.value = value;
    }
  } else if (old instanceof HTMLSelectElement && wanted instanceof HTMLSelectElement) {
    const selected = [...wanted.options].find((option) => option.hasAttribute('selected'));
    if (selected && old.value !== selected.value) {
      old.value = selected.value;
    }
  }
}
