/** Checks for text direction in right-to-left pages, shared by the element tests. */
import { expect } from '@open-wc/testing';

/** `node` is isolated from its neighbours' direction and reads left to right (inside a right-to-left page). */
export function expectIsolatedLtr(node: Element): void {
  const style = getComputedStyle(node);
  expect(style.unicodeBidi, `${node.localName} is isolated`).to.equal('isolate');
  expect(style.direction, `${node.localName} reads left to right`).to.equal('ltr');
}

/** Where `text` is drawn inside `node` (in the first text node holding it), to compare the order things show in. */
export function textBox(node: Node, text: string): DOMRect {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let current = walker.nextNode(); current; current = walker.nextNode()) {
    const at = current.textContent!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(current, at);
    range.setEnd(current, at + text.length);
    return range.getBoundingClientRect();
  }
  throw new Error(`"${text}" is not in the node`);
}
