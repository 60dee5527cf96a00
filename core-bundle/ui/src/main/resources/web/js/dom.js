// Building the page without innerHTML: every value from the API becomes a text node, so
// nothing a partner typed can run as markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

function apply(element, attributes) {
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'value' || name === 'checked' || name === 'selected' || name === 'disabled') {
      element[name] = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  return element;
}

/** An HTML element: h('a', {href: '#/cases'}, 'Casussen'). */
export function h(tag, attributes, ...children) {
  return append(apply(document.createElement(tag), attributes), children);
}

/** An SVG element, for the timeline and the charts. */
export function s(tag, attributes, ...children) {
  return append(apply(document.createElementNS(SVG_NS, tag), attributes), children);
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

/** Says something to screen-reader users without moving their focus. */
export function announce(text) {
  const announcer = document.getElementById('announcer');
  if (!announcer) return;
  announcer.textContent = '';
  // a fresh text node, a moment later, so that the same words are read again
  setTimeout(() => { announcer.textContent = text; }, 50);
}

let idCounter = 0;
/** A unique id for label/aria wiring. */
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
