// The lesson's wide tables (matrices, methods, rankings) in a box that scrolls sideways when the column
// is narrower than the table, and then says so: a phone hides its scrollbars until one swipes.
import { h } from './dom.js';

const MORE = 'More columns to the right: swipe or scroll the table →';

/** A scrolling region holding `content`, followed by the hint shown while the region overflows. */
export function scrollRegion(label, content) {
  return [
    h('div', { class: 'lz-scroll', tabindex: '0', role: 'region', 'aria-label': label }, content),
    h('p', { class: 'help lz-more', 'aria-hidden': 'true' }, MORE),
  ];
}

/**
 * Keeps data-overflow on every .lz-scroll under root while its table is wider than it is (the CSS shows
 * the hint then). observer: a ResizeObserver made by overflowObserver, or null where there is none.
 */
export function watchOverflow(root, observer) {
  for (const box of root.querySelectorAll('.lz-scroll')) {
    observer?.observe(box);
    markOverflow(box);
  }
}

/** A ResizeObserver that marks the boxes it watches (null without ResizeObserver, e.g. in Node tests). */
export function overflowObserver() {
  if (typeof ResizeObserver === 'undefined') return null;
  return new ResizeObserver((entries) => {
    for (const entry of entries) markOverflow(entry.target);
  });
}

function markOverflow(box) {
  box.toggleAttribute('data-overflow', box.scrollWidth > box.clientWidth + 1);
}
