// What langs.mjs checks on every page it loads, besides axe-core and
// layout.mjs, for the WCAG 2.2 criteria axe cannot judge and for the
// languages of the page (issue 19). Every check here runs on the page as
// it is loaded: none navigates, so each page is loaded once for all of them.
//
// - langProblems: <html lang dir> for the path's language, and the language
//   menu naming every other client language with its own lang (and dir);
// - focusProblems (2.4.11 focus not obscured, 2.4.7 focus visible): Tab
//   through the whole page; every stop is inside the viewport, shows a
//   focus indicator, and is what the browser finds at its own centre (no
//   other element covers it);
// - forcedColourProblems (1.4.11, 2.4.7 in Windows' high-contrast modes):
//   with `forced-colors: active` emulated, every button and field keeps a
//   border, every link an underline or a border, every focusable element an
//   outline when focused, and no content opts out with
//   `forced-color-adjust: none`;
// - mirrorProblems (right-to-left): the quick exit at the end of the top
//   line, the language menu and the heading's text at its start, each on the
//   side the page's direction says, and the direction inherited by <main>.

/** The client languages, in the menu's order: code, html lang, dir. */
export const CLIENT_LANGS = [
  ['fi', 'fi', 'ltr'], ['fi-selko', 'fi', 'ltr'], ['sv', 'sv', 'ltr'], ['sv-lattlast', 'sv', 'ltr'],
  ['en', 'en', 'ltr'], ['ar', 'ar', 'rtl'], ['fa', 'fa', 'rtl'], ['ckb', 'ckb', 'rtl'],
  ['so', 'so', 'ltr'], ['uk', 'uk', 'ltr'], ['ru', 'ru', 'ltr'],
].map(([code, html, dir]) => ({ code, html, dir }));

const byCode = Object.fromEntries(CLIENT_LANGS.map((l) => [l.code, l]));

/** <html lang dir>, and the language menu: every other language, each with its lang. */
export async function langProblems(page, code) {
  const want = byCode[code];
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    dir: document.documentElement.getAttribute('dir'),
    menu: [...document.querySelectorAll('.lang-menu a, .lang-menu button')].map((e) => ({
      tag: e.tagName.toLowerCase(),
      text: e.textContent.trim(),
      lang: e.getAttribute('lang'),
      dir: e.getAttribute('dir'),
      // A link's language is its path's first segment; a receipt page's
      // button posts to /{lang}/receipt.
      code: (e.getAttribute('href') || e.form?.getAttribute('action') || '').split('/')[1] || '',
    })),
  }));
  const problems = [];
  if (facts.lang !== want.html) problems.push(`<html lang> is ${JSON.stringify(facts.lang)}, expected "${want.html}"`);
  if (facts.dir !== want.dir) problems.push(`<html dir> is ${JSON.stringify(facts.dir)}, expected "${want.dir}"`);
  const offered = facts.menu.map((m) => m.code);
  const expected = CLIENT_LANGS.filter((l) => l.code !== code).map((l) => l.code);
  if (offered.join(' ') !== expected.join(' ')) {
    problems.push(`the language menu offers [${offered.join(', ')}], expected [${expected.join(', ')}]`);
  }
  for (const m of facts.menu) {
    const l = byCode[m.code];
    if (!l) continue;
    if (m.lang !== l.html) problems.push(`the menu's <${m.tag}> "${m.text}" has lang=${JSON.stringify(m.lang)}, expected "${l.html}"`);
    if (m.dir !== l.dir) problems.push(`the menu's <${m.tag}> "${m.text}" has dir=${JSON.stringify(m.dir)}, expected "${l.dir}"`);
    if (!m.text) problems.push(`the menu's <${m.tag}> for ${m.code} has no text`);
  }
  return problems;
}

/** Runs in the page: the focused element, where it is and what covers it. */
function focusedFacts() {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const r = e.getBoundingClientRect();
  const s = getComputedStyle(e);
  const cls = typeof e.className === 'string' && e.className.trim() ? `.${e.className.trim().split(/\s+/).join('.')}` : '';
  const name = `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${cls}>${(e.textContent || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 30)}`;
  // A link that wraps has a box per line, and the middle of its bounding
  // box can fall between them: its first line's box, as much of it as is
  // in the viewport (2.4.11 asks that the focused element is not entirely
  // hidden), and the centre of that.
  const first = e.getClientRects()[0] || r;
  const left = Math.max(first.left, 0);
  const right = Math.min(first.right, innerWidth);
  const top = Math.max(first.top, 0);
  const bottom = Math.min(first.bottom, innerHeight);
  const x = (left + right) / 2;
  const y = (top + bottom) / 2;
  const inside = right - left >= 1 && bottom - top >= 1;
  const hit = inside ? document.elementFromPoint(x, y) : null;
  // What the browser finds at the centre is the element, something inside
  // it, or its own label (a radio button's label never sits on it).
  const covered = inside && !(hit && (hit === e || e.contains(hit) || (e.labels && [...e.labels].some((l) => l.contains(hit)))));
  return {
    name,
    box: `${Math.round(first.left)},${Math.round(first.top)} ${Math.round(first.width)}×${Math.round(first.height)} in ${innerWidth}×${innerHeight}`,
    inside,
    covered,
    by: covered && hit ? `<${hit.tagName.toLowerCase()}${hit.className ? `.${String(hit.className).split(' ')[0]}` : ''}>` : '',
    ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none',
  };
}

/**
 * Tabs through the page from its top, at most `max` stops or until the focus
 * comes back round. Every stop must be in the viewport (the browser scrolls
 * it there), not covered by another element, and show its focus.
 */
export async function focusProblems(page, { max = 80 } = {}) {
  const problems = [];
  await page.evaluate(() => {
    if (document.activeElement) document.activeElement.blur();
    window.scrollTo(0, 0);
  });
  // Focus starts from the document's top: the skip link is the first stop.
  await page.locator('body').focus().catch(() => {});
  const seen = new Set();
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focusedFacts);
    if (!f) { if (i > 0) break; continue; }
    if (seen.has(f.name) && i > 2 && f.name.includes('.skip')) break;
    seen.add(f.name);
    if (!f.inside) problems.push(`2.4.11: the focus on ${f.name} is outside the viewport (${f.box})`);
    else if (f.covered) problems.push(`2.4.11: the focus on ${f.name} is covered by ${f.by}`);
    if (!f.ring) problems.push(`2.4.7: the focus on ${f.name} has no outline or ring`);
  }
  await page.evaluate(() => { if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0); });
  return problems;
}

/** Runs in the page, in forced colours: what would vanish. */
function forcedFacts() {
  const problems = [];
  const shown = (e) => {
    const r = e.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('[hidden], .skip, .vh');
  };
  const name = (e) => `<${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${typeof e.className === 'string' && e.className ? `.${e.className.split(' ')[0]}` : ''}>${(e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 30)}`;
  const bordered = (s) => ['Top', 'Right', 'Bottom', 'Left'].every((side) => s[`border${side}Style`] !== 'none' && parseFloat(s[`border${side}Width`]) > 0);
  const underlined = (s) => s.textDecorationLine.includes('underline');
  if (!matchMedia('(forced-colors: active)').matches) return ['forced colours are not active in the page'];
  for (const e of document.querySelectorAll('body *')) {
    if (getComputedStyle(e).forcedColorAdjust === 'none') problems.push(`${name(e)} opts out of forced colours (forced-color-adjust: none)`);
  }
  for (const e of [...document.querySelectorAll('button, input:not([type=hidden]):not([type=radio]):not([type=checkbox]), select, textarea')].filter(shown)) {
    const s = getComputedStyle(e);
    // A button made to read as a link (the language menu on a receipt
    // page) is an underlined text, as a link is.
    if (!bordered(s) && !(e.tagName === 'BUTTON' && underlined(s))) {
      problems.push(`${name(e)} has no border in forced colours: its edge vanishes with its background`);
    }
  }
  for (const e of [...document.querySelectorAll('a[href]')].filter(shown)) {
    const s = getComputedStyle(e);
    if (!underlined(s) && !bordered(s)) problems.push(`${name(e)} has neither underline nor border in forced colours: it reads as plain text`);
  }
  const focusable = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')].filter(shown);
  const { scrollX, scrollY } = window;
  for (const e of focusable) {
    e.focus({ focusVisible: true, preventScroll: true });
    const s = getComputedStyle(e);
    if (document.activeElement === e && !(s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1)) {
      problems.push(`${name(e)} shows no outline when focused in forced colours (box-shadow is dropped there)`);
    }
    e.blur();
  }
  window.scrollTo(scrollX, scrollY);
  return problems;
}

/** The page in forced colours, and back; a screenshot if `shot` names a file. */
export async function forcedColourProblems(page, { shot = null } = {}) {
  await page.emulateMedia({ forcedColors: 'active' });
  try {
    const problems = await page.evaluate(forcedFacts);
    if (shot) await page.screenshot({ path: shot, fullPage: true });
    return problems.map((p) => `forced colours: ${p}`);
  } finally {
    await page.emulateMedia({ forcedColors: 'none' });
  }
}

/** Runs in the page: which side things are on. */
function sideFacts() {
  const header = document.querySelector('header.top');
  const exit = document.querySelector('.quick-exit');
  const firstLang = document.querySelector('.lang-menu li');
  const h1 = document.querySelector('main h1');
  const mid = (r) => r.left + r.width / 2;
  const text = (e) => {
    const range = document.createRange();
    range.selectNodeContents(e);
    // The heading's first line: every box on it (text of two directions
    // makes one box per run), from its leftmost to its rightmost.
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    if (!rects.length) return null;
    const top = Math.min(...rects.map((r) => r.top));
    const line = rects.filter((r) => r.top < top + 2);
    return { left: Math.min(...line.map((r) => r.left)), right: Math.max(...line.map((r) => r.right)) };
  };
  const h = header.getBoundingClientRect();
  const t = h1 && text(h1);
  const hb = h1 && h1.getBoundingClientRect();
  return {
    dir: getComputedStyle(document.querySelector('main')).direction,
    align: h1 ? getComputedStyle(h1).textAlign : null,
    h1dir: h1 ? getComputedStyle(h1).direction : null,
    header: { left: h.left, right: h.right, mid: mid(h) },
    exit: exit && { left: exit.getBoundingClientRect().left, right: exit.getBoundingClientRect().right },
    lang: firstLang && { left: firstLang.getBoundingClientRect().left, right: firstLang.getBoundingClientRect().right },
    // The first line of the heading's text, and the heading's box.
    h1: t && { left: t.left, right: t.right, boxLeft: hb.left, boxRight: hb.right },
  };
}

/**
 * The layout mirrors with the direction: on a wide screen the quick exit
 * ends the top line (at the right in ltr, the left in rtl), the language menu
 * starts at the other side, and the heading's first line starts at its box's
 * start edge.
 */
export async function mirrorProblems(page, dir) {
  const f = await page.evaluate(sideFacts);
  const problems = [];
  const rtl = dir === 'rtl';
  if (f.dir !== dir) problems.push(`<main> is ${f.dir}, expected ${dir}`);
  // A heading in another direction (a service name in its fallback
  // language) lines up with the page by its own end.
  const aligned = f.h1dir === dir ? ['start', rtl ? 'right' : 'left'] : ['end'];
  if (f.align && !aligned.includes(f.align)) problems.push(`the heading is aligned ${f.align}, not to the page's start`);
  const endSide = (r) => (rtl ? r.left < f.header.mid : r.right > f.header.mid);
  if (f.exit && !endSide(f.exit)) problems.push(`the quick exit is on the ${rtl ? 'right' : 'left'}: it should end the top line (${rtl ? 'left' : 'right'} in ${dir})`);
  if (f.lang) {
    const gap = rtl ? f.header.right - f.lang.right : f.lang.left - f.header.left;
    if (gap > 2) problems.push(`the language menu does not start at the ${rtl ? 'right' : 'left'} edge (${Math.round(gap)} px from it)`);
  }
  if (f.h1) {
    const gap = rtl ? f.h1.boxRight - f.h1.right : f.h1.left - f.h1.boxLeft;
    if (gap > 2) problems.push(`the heading's text does not start at its ${rtl ? 'right' : 'left'} edge (${Math.round(gap)} px from it)`);
  }
  return problems.map((p) => `${dir}: ${p}`);
}
