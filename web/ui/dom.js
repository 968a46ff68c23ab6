// Small DOM builders. Everything is created with createElement/textContent, never innerHTML, so
// text from a user's file can never become markup, and nothing needs a CSP exception.
const SVG_NS = 'http://www.w3.org/2000/svg';
// Set as properties, not attributes (they are live state, not initial markup).
const PROPERTIES = new Set(['value', 'checked', 'selected', 'indeterminate']);

function apply(node, props) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (key === 'class') node.setAttribute('class', value);
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (PROPERTIES.has(key)) node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
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
