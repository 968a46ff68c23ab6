// Small DOM builders. Everything is created with createElement/textContent, never innerHTML, so
// text from a user's file can never become markup, and nothing needs a CSP exception. Every text
// and attribute passes containBidi: a right-to-left override in a class name stops where the
// text node (or the quoted value) ends instead of reversing the rest of the page's sentence.
import { containBidi } from './format.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
// Set as properties, not attributes (they are live state, not initial markup).
const PROPERTIES = new Set(['value', 'checked', 'selected', 'indeterminate']);

function apply(node, props) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (key === 'class') node.setAttribute('class', value);
    else if (key === 'text') node.textContent = containBidi(value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (PROPERTIES.has(key)) node[key] = value;
    else if (key === 'style') setStyle(node, String(value));
    else node.setAttribute(key, value === true ? '' : containBidi(value));
  }
}

// A style="" attribute is inline style, which the page's CSP (style-src 'self') refuses; the same
// declarations set through the CSSOM are allowed.
function setStyle(node, declarations) {
  for (const declaration of declarations.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon > 0) node.style.setProperty(declaration.slice(0, colon).trim(), declaration.slice(colon + 1).trim());
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : containBidi(child));
  }
  return node;
}

/** An HTML element: h('button', {class: 'x', onclick}, 'Label'). */
export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  apply(node, props);
  return append(node, children);
}

/** An SVG element, same calling convention as h(). */
export function svg(tag, props, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  apply(node, props);
  return append(node, children);
}

/** Text from the person's data (a class name, an id, a file name) as an isolated element: <bdi>. */
export function userText(value) {
  return h('bdi', {}, value);
}

/** Replaces a node's children. */
export function replace(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** A unique id for aria-labelledby & co. inside one shadow root. */
let nextId = 1;
export function uid(prefix = 'ls') {
  return `${prefix}-${nextId++}`;
}
