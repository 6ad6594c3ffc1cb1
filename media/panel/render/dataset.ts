// data-* attributes from a record, for rows whose attributes differ per table (data-code,
// data-session, data-pid...). lit-html binds attribute values, not names, so this element directive
// sets them; values are set with setAttribute, never parsed as HTML.
import { nothing } from 'lit-html';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit-html/directive.js';

class DatasetDirective extends Directive {
  private previous: string[] = [];

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) {
      throw new Error('dataset() belongs on an element, e.g. <tr ${dataset({ code })}>.');
    }
  }

  render(data: Record<string, string>): typeof nothing {
    void data;
    return nothing;
  }

  override update(part: ElementPart, [data]: [Record<string, string>]): typeof nothing {
    const names = Object.keys(data).map((key) => `data-${key}`);
    for (const name of this.previous.filter((old) => !names.includes(old))) {
      part.element.removeAttribute(name);
    }
    for (const [key, value] of Object.entries(data)) {
      part.element.setAttribute(`data-${key}`, value);
    }
    this.previous = names;
    return nothing;
  }
}

export const dataset = directive(DatasetDirective);
