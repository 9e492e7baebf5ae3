// The layout checks a11y.mjs runs on every page it visits, at 320 and at
// 1280 CSS px wide, on the page as it is loaded (no second load):
//
// - reflow (WCAG 1.4.10): the document does not scroll sideways, and no
//   element is wider than its box, sticks out of the screen on either side
//   or clips its text (overflow hidden, an ellipsis), but those in
//   SCROLL_ALLOWED, each with its reason; langs.mjs adds a 640 px width, a
//   1280 px window at 200 % zoom;
// - target size (WCAG 2.5.8): every visible link, button and form control
//   is at least 24×24 CSS px, but for the standard's exceptions that can be
//   computed: a link inside a sentence, and an undersized target whose
//   24 px circle touches no other target (spacing);
// - the project's input styles: every visible field has suoja.css's border
//   (2 px or more, solid), its font size (16 px or more) and padding, a
//   checkbox or radio button is at least 24×24 with its label beside it (not
//   wrapped under it), and every field shows the focus ring when focused;
// - on every page, client and staff, the quick exit is the first Tab stop
//   after the skip link (issue 17, item 7) and in the header's top line;
//
// and keeps a full-page screenshot of each page at each width under
// target/browser-screenshots/ for a person to look at.

import { mkdirSync } from 'node:fs';
import path from 'node:path';

export const WIDTHS = [320, 1280];
// A 1280×800 window at 200 % zoom lays the page out as a 640×400 one does
// (CSS px = device px / zoom): the reflow of WCAG 1.4.4 and 1.4.10 at 200 %.
export const ZOOM_200 = 640;
const HEIGHTS = { [ZOOM_200]: 400 };

// Elements whose content may be wider than their box on purpose.
const SCROLL_ALLOWED = [
  // A text field scrolls the text typed into it; the field itself must fit.
  ['input', 'a one-line field scrolls the text typed into it'],
  // The stacked tables' column headers stay for screen readers, moved off
  // screen in a 1 px clipped box (see .queue thead in suoja.css).
  ['.queue thead', 'column headers kept for screen readers in a clipped 1 px box'],
  // Words for screen readers only (which row an "I am sure" box is for),
  // in a clipped 1 px box (see .vh in suoja.css).
  ['.vh', 'text for screen readers in a clipped 1 px box'],
  // A data table of twelve months and more (the statistics) scrolls in a
  // box of its own that the keyboard reaches: WCAG 1.4.10 excepts content
  // whose meaning needs its two dimensions, such as data tables. The box
  // is as wide as what holds it, and that is checked.
  ['.table-scroll', 'a wide data table scrolls inside its own focusable box'],
];

/** Runs in the page: every problem of layout, target size and input style. */
function measure({ allowed }) {
  const problems = [];
  const vw = document.documentElement.clientWidth;
  const name = (e) => {
    const cls = typeof e.className === 'string' && e.className.trim()
      ? `.${e.className.trim().split(/\s+/).join('.')}` : '';
    const id = e.id ? `#${e.id}` : '';
    const text = (e.textContent || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 30);
    return `<${e.tagName.toLowerCase()}${id}${cls}>${text ? ` "${text}"` : ''}`;
  };
  const isAllowed = (e) => allowed.some((s) => e.closest(s));
  const shown = (e) => {
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && r.right > 0
      && !e.closest('[hidden], .skip');
  };

  // Reflow.
  const doc = document.documentElement;
  if (doc.scrollWidth > doc.clientWidth) {
    problems.push(`the page scrolls sideways: ${doc.scrollWidth} px wide in ${doc.clientWidth}`);
  }
  const wide = [];
  for (const e of document.querySelectorAll('body *')) {
    if (isAllowed(e) || !shown(e)) continue;
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    if (r.right > vw + 1) wide.push(`${name(e)} reaches ${Math.round(r.right)} px`);
    // On a right-to-left page what does not fit sticks out on the left,
    // where the document cannot scroll to it.
    else if (r.left < -1) wide.push(`${name(e)} starts at ${Math.round(r.left)} px, off the screen's left edge`);
    // Text cut off: a box that clips holds more than it shows.
    else if (['hidden', 'clip'].includes(s.overflowY) && e.clientHeight > 0 && e.scrollHeight > e.clientHeight + 1) {
      wide.push(`${name(e)} clips its content: ${e.scrollHeight} px high in ${e.clientHeight}`);
    } else if (s.textOverflow === 'ellipsis' && e.scrollWidth > e.clientWidth) wide.push(`${name(e)} cuts its text off with an ellipsis`);
    else if (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1) {
      wide.push(`${name(e)} holds ${e.scrollWidth} px in ${e.clientWidth}`);
    }
  }
  if (wide.length) problems.push(`wider than the screen or its box: ${wide.slice(0, 6).join('; ')}${wide.length > 6 ? ` (${wide.length} in all)` : ''}`);

  // Target size.
  const targets = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
    .filter(shown);
  const rect = (e) => e.getBoundingClientRect();
  const small = (r) => r.width < 23.5 || r.height < 23.5;
  const centre = (r) => [r.left + r.width / 2, r.top + r.height / 2];
  const inSentence = (e) => {
    if (e.tagName !== 'A' || getComputedStyle(e).display !== 'inline') return false;
    const block = e.parentElement.closest('p, li, dd, td, th, div, label, legend');
    return !!block && block.textContent.trim().length > e.textContent.trim().length + 1;
  };
  const touches = ([cx, cy], r) => {
    const dx = Math.max(r.left - cx, 0, cx - r.right);
    const dy = Math.max(r.top - cy, 0, cy - r.bottom);
    return dx * dx + dy * dy < 12 * 12;
  };
  const undersized = targets.filter((e) => small(rect(e)) && !inSentence(e));
  for (const e of undersized) {
    const c = centre(rect(e));
    const crowded = targets.some((o) => o !== e && (touches(c, rect(o))
      || (undersized.includes(o) && Math.hypot(...centre(rect(o)).map((v, i) => v - c[i])) < 24)));
    if (crowded) {
      const r = rect(e);
      problems.push(`target smaller than 24×24 px with another target within its 24 px circle: ${name(e)} is ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
    }
  }

  // The project's input styles.
  const fields = [...document.querySelectorAll('input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea')]
    .filter(shown);
  for (const e of fields) {
    const s = getComputedStyle(e);
    const r = rect(e);
    if (e.type === 'checkbox' || e.type === 'radio') {
      if (r.width < 23.5 || r.height < 23.5) problems.push(`${e.type} ${name(e)} is ${r.width.toFixed(1)}×${r.height.toFixed(1)} px, under 24×24`);
      const label = e.id && document.querySelector(`label[for="${CSS.escape(e.id)}"]`);
      if (!label) problems.push(`${e.type} ${name(e)} has no label`);
      else {
        // Beside it: after it in the line's direction (on its left in a
        // right-to-left page), not on a line under it.
        const l = label.getClientRects()[0];
        const after = s.direction === 'rtl' ? l && l.right <= r.left + 1 : l && l.left >= r.right - 1;
        if (l && (l.top >= r.bottom || !after)) problems.push(`the label of ${e.type} ${name(e)} is not beside it (wrapped under it)`);
      }
    } else {
      const border = parseFloat(s.borderTopWidth);
      if (border < 2 || s.borderTopStyle !== 'solid') problems.push(`${name(e)} lacks the field border (${s.borderTopWidth} ${s.borderTopStyle})`);
      if (parseFloat(s.fontSize) < 16) problems.push(`${name(e)} has a ${s.fontSize} font, under 16 px`);
      if (parseFloat(s.paddingLeft) < 4) problems.push(`${name(e)} has no padding (${s.paddingLeft})`);
      if (r.height < 23.5) problems.push(`${name(e)} is ${r.height.toFixed(1)} px high`);
    }
  }
  const active = document.activeElement;
  const { scrollX, scrollY } = window;
  for (const e of fields) {
    // Blurred first: a field focused by a click shows no ring, by design.
    e.blur();
    e.focus({ focusVisible: true, preventScroll: true });
    const s = getComputedStyle(e);
    const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
    if (document.activeElement === e && !ring) problems.push(`${name(e)} shows no focus ring when focused`);
  }
  if (active && active !== document.body) active.focus({ preventScroll: true });
  else if (document.activeElement) document.activeElement.blur();
  window.scrollTo(scrollX, scrollY);

  // The quick exit first (after the skip link) in the Tab order.
  const stops = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]')]
    .filter((e) => e.tabIndex >= 0 && !e.disabled);
  if (stops.some((e) => e.tabIndex > 0)) problems.push('an element has a positive tabindex');
  const first = stops.filter((e) => !e.classList.contains('skip'))[0];
  if (!first || !first.classList.contains('quick-exit')) {
    problems.push(`the first Tab stop after the skip link is ${first ? name(first) : 'nothing'}, not the quick exit`);
  }
  const exit = document.querySelector('.quick-exit');
  if (exit) {
    const r = exit.getBoundingClientRect();
    const header = exit.closest('header').getBoundingClientRect();
    if (r.top > header.top + 0.5 * header.height && vw >= 600) problems.push('the quick exit is not in the top line of the header');
  }
  return problems;
}

const slug = (s) => s.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 120);

/**
 * The layout problems of `page` at each of `widths`, each prefixed with the
 * width; a screenshot at each of `shotWidths` under `shots` (none without
 * `shots`). The viewport is put back as it was.
 */
export async function layoutProblems(page, { label, shots, widths = WIDTHS, shotWidths = widths }) {
  const problems = [];
  const viewport = page.viewportSize();
  const allowed = SCROLL_ALLOWED.map(([selector]) => selector);
  if (shots) mkdirSync(shots, { recursive: true });
  for (const width of widths) {
    await page.setViewportSize({ width, height: HEIGHTS[width] || (width < 600 ? 640 : 800) });
    const at = width === ZOOM_200 ? `${width} px (1280 px at 200 % zoom)` : `${width} px`;
    for (const p of await page.evaluate(measure, { allowed })) problems.push(`at ${at}: ${p}`);
    if (shots && shotWidths.includes(width)) await page.screenshot({ path: path.join(shots, `${slug(label)}@${width}.png`), fullPage: true });
  }
  if (viewport) await page.setViewportSize(viewport);
  return problems;
}
