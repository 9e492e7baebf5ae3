// Accessibility and no-third-party check of every client and staff page of
// suoja, in Debian's headless Chromium driven by playwright-core, with
// axe-core.
//
//   node tests/browser/a11y.mjs [SUOJA_BIN]
//
// SUOJA_BIN (argument, else the environment variable, else target/debug/suoja
// under the repository root) gets two staff accounts with `suoja staff add`,
// then is started with a throw-away config on 127.0.0.1:0.
//
// For fi, sv and en it visits, on the client side, the landing page, a
// contact form, that form sent back with validation errors, the receipt after
// a real submission, the check page, the check result for that receipt, the
// check page with a wrong receipt and a 404 page; on the staff side, the
// login page, a failed login, the account page while the password must be
// changed (and with errors), the password changed, the two-step verification
// setup, the queue unfiltered and filtered, a case page with the client's
// message, a reply and a note, that page with an empty reply, the 403 page,
// the login page after logging out, and a reply sent after the session ended
// (kept to copy); then, back on the client side, the check page showing the
// counsellor's reply with the write-back form, the write-back with an empty
// message, a refused write-back (message kept to send again) and the sent
// notice.
//
// On each page it runs axe-core (WCAG 2.0, 2.1 and 2.2, A and AA: the tags
// of common.mjs, the same in every check), checks <html lang>
// and <title>, that in-page links have a target, the layout at 320 and
// 1280 px (layout.mjs: reflow, 24×24 targets, the fields' styles, the quick
// exit first; a screenshot of each page at each width under
// target/browser-screenshots/), that the page has no script, that the browser asked
// nothing of any host but the server, and which cookies were set: none on the
// client side; on the staff side only the session cookie, HttpOnly and
// SameSite=Strict. It also checks the keyboard path through the header of
// each landing page, that the staff login form and the reply form can be
// reached and sent with the keyboard alone (with a visible focus on every
// stop), and, with JavaScript disabled, the client's submit-and-check flow,
// a new counsellor's login, password change and reply, and the client
// reading that reply and writing back.
//
// Booking: at setup a third counsellor publishes weekly hours, a one-off
// time and a group for tomorrow in the service's time zone. Then, in every
// language, the client's booking form (free times and groups), that form with
// errors, the receipt after booking a time, and the manage page opened from
// the check page (move and cancel forms); and the counsellor's availability
// page, a slot's edit page, the schedule (day and week, with the bookings),
// the phone-call form, that form with an error and the receipt of a call.
//
// Statistics: on each case page above, the marking form sent with no reason
// and then with a reason and an outcome; for the admin, the statistics page,
// the list of contact reasons and outcomes, its add form with errors and a
// reason's edit page.
//
// The content is as long as real content gets (LONG): long names, service
// and topic names with long Finnish compounds, a text with a long link, an
// e-mail address, every contact way, a booked group, and a full queue.
//
// The last line is `N passed, M failed`; the exit code is 0 only when M is 0.
// CHROMIUM (default /usr/bin/chromium) names another Chromium binary.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import {
  baseConfig,
  BIN, CHROMIUM, ROOT, SHOTS_DIR, addStaff as addStaffIn, axe, axeProblems, reporter,
  startServer as startServerIn, stopServer as stopServerIn,
} from './common.mjs';
import { layoutProblems } from './layout.mjs';

const LANGS = ['fi', 'sv', 'en'];
const SLUG = 'helpline';
// A recipient whose identity was thrown away as soon as it was made: what
// this run seals can never be opened, which is all a browser check needs.
const RECIPIENT = 'age1dvyzyrxwkw87s7vtzaq27n6kjy2yrk5f2w0l4ekjq5kv5wy26ayqycjpqv';
const RECOVERY = 'age1404x8n69333ap3a3eg0x8pxejess0hmhzv3kq8uz66de9deglp7q7fvcpt';
// .invalid never resolves: if a page ever fetched it, nothing would leave.
const QUICK_EXIT = 'https://quick-exit.invalid/';
// Every page's quick-exit link: the same-origin step that clears the site's
// data in the browser and sends it on to QUICK_EXIT.
const QUICK_EXIT_HREF = '/exit';
const OVERALL_TIMEOUT_MS = 10 * 60_000;
const SCREENSHOTS = {
  errors: '/tmp/a11y-contact-errors.png',
  receipt: '/tmp/a11y-receipt.png',
  queue: '/tmp/a11y-staff-queue.png',
  case: '/tmp/a11y-staff-case.png',
  reply: '/tmp/a11y-check-reply.png',
};
// Over http (no public_url) the staff session cookie has no __Host- prefix.
const STAFF_COOKIE = 'suoja-staff';
// Not a case of any service the counsellor works in: the same 403 as another
// service's case.
const UNKNOWN_CASE = '0'.repeat(32);
// Four counsellors of SLUG, each from its first login on: one for the checks
// in every language, one for the flow without JavaScript, one who publishes
// the booking times and checks the booking pages, and one whom the admin
// removes from the service (which starts a rotation job).
const STAFF = {
  anna: { username: 'anna', name: 'Anna-Kristiina Aaltonen-Väisänen', newPassword: 'anna: four unrelated words here' },
  bea: { username: 'bea', name: 'Bea Berg', newPassword: 'bea: another long passphrase' },
  cleo: { username: 'cleo', name: 'Cleo Margareta Carlsson-Lindqvist', newPassword: 'cleo: publishes the booking times' },
  dan: { username: 'dan', name: 'Dan Dahl', newPassword: 'dan: leaves the service early' },
};
// Real content is long: names, Finnish compound words, addresses and links
// with no place to break. The pages must hold it at 320 px (issue 17).
const LONG = {
  name: 'Maria-Kristiina Josefiina Väänänen-Hämäläinen-Karjalainen',
  email: 'maria-kristiina.vaananen-hamalainen@perheneuvontapalvelukeskus.example.org',
  phone: '+358 40 123 4567',
  text: '\n\nPerheneuvontapalvelukeskuksessa sanottiin, että asiakasmaksukattoseurantajärjestelmä '
    + 'ei toimi. Katso https://example.org/ohjeet/asiakasmaksut/perheneuvonta/usein-kysytyt-kysymykset?kieli=fi '
    + 'ja vastaa kun ehdit.\nToinen rivi.',
  group: {
    'g-name-fi': 'Iltaryhmä nuorille aikuisille: vertaistukea ahdistukseen ja yksinäisyyteen',
    'g-name-sv': 'Kvällsgrupp för unga vuxna: kamratstöd vid ångest och ensamhet',
    'g-name-en': 'Evening group for young adults: peer support with anxiety and loneliness',
  },
};
// The service's time zone (the config sets none: suoja's default).
const SERVICE_ZONE = 'Europe/Helsinki';

const { report, counts } = reporter();
let server = null;
let browser = null;
let workDir = null;
// The first-run link's token, as the server printed it.
let setupToken = null;

function config(dir) {
  const q = (s) => JSON.stringify(s); // a TOML basic string is a JSON string here
  return baseConfig(dir, {
    recovery: RECOVERY,
    quickExit: QUICK_EXIT,
    form: { max_age_seconds: 14400 },
    limits: { ipv4_prefix: 32, max_body_bytes: 131072 },
  }) + `[[services]]
slug = ${q(SLUG)}
recipients = [${q(RECIPIENT)}]
topics = ["general", "crisis", { id = "peer-group", fi = "Vertaisryhmä", sv = "Kamratgrupp", en = "Peer group" },
  { id = "relatives", fi = "Mielenterveyskuntoutujien läheisten vertaistukiryhmätoiminta", sv = "Kamratstödsgrupper för anhöriga till personer i psykiatrisk rehabilitering", en = "Peer support groups for relatives of people in mental health rehabilitation" }]
retention_days = 180
[services.name]
fi = "Lasten, nuorten ja perheiden mielenterveysneuvontapalvelu ympäri vuorokauden"
sv = "Stödlinjen för barn, unga och familjer: samtalsstöd dygnet runt"
en = "Support line for children, young people and families, day and night"
[services.description]
fi = "Voit kertoa meille mistä tahansa nimettömästi."
sv = "Du kan berätta om vad som helst för oss anonymt."
en = "You can tell us about anything, anonymously."

[[services]]
slug = "youth"
recipients = [${q(RECIPIENT)}]
topics = ["general", "relationships"]
[services.name]
fi = "Nuorisoasiainneuvontapalvelukeskus"
sv = "Ungdomsrådgivningstjänstecentralen"
en = "Youth line"
[services.description]
fi = "Alle 25-vuotiaille."
sv = "För dig under 25 år."
en = "For people under 25."
`;
}

/**
 * `suoja staff add`: a counsellor of SLUG, before the server starts (it
 * reads counsellors' keys at start). Resolves with the one-time password.
 */
const addStaff = (configFile, { username, name }) => addStaffIn(configFile, workDir, { username, name, service: SLUG });

/**
 * The messages of the locale files that have no variable, for checking
 * that a page says what it should in its own language.
 */
async function loadMessages() {
  const messages = {};
  for (const lang of LANGS) {
    messages[lang] = {};
    for (const file of ['main.ftl', 'staff.ftl', 'booking.ftl', 'admin.ftl', 'people.ftl', 'services.ftl', 'stats.ftl']) {
      const text = await readFile(path.join(ROOT, 'locales', lang, file), 'utf8');
      for (const line of text.split('\n')) {
        const m = /^([a-z][a-z0-9_-]*) = (.+)$/.exec(line);
        if (m) messages[lang][m[1]] = m[2].trim();
      }
    }
  }
  return (lang, id) => {
    const text = messages[lang][id];
    if (text === undefined) throw new Error(`no message ${id} in locales/${lang}`);
    return text;
  };
}
let tr = null;

/**
 * Starts the server and resolves with its base URL; notes the first-run
 * link's token it prints.
 */
async function startServer(configFile) {
  const started = startServerIn(configFile, workDir, {
    lines: (line) => {
      const setup = /\/en\/staff\/setup\?token=([0-9a-f]+)$/.exec(line);
      if (setup) setupToken = setup[1];
    },
  });
  server = started.server;
  return started.base;
}

const stopServer = () => stopServerIn(server);

/**
 * A context that lets the browser talk to the server's origin only: every
 * other request is recorded and aborted, so nothing leaves even on failure.
 * `staff` says whose pages it opens: the client's must set no cookie, staff
 * pages only the session cookie.
 */
async function guardedContext(origin, options = {}, { staff = false } = {}) {
  const context = await browser.newContext({ locale: 'en-GB', ...options });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const requests = [];
  const console_ = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const ours = url.startsWith('about:') || new URL(url).origin === origin;
    requests.push({ url, method: route.request().method(), ours });
    return ours ? route.continue() : route.abort('blockedbyclient');
  });
  context.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console_.push(`${m.type()}: ${m.text()}`);
  });
  context.on('weberror', (e) => console_.push(`page error: ${e.error().message}`));
  // Every Set-Cookie the server sent (redirects included), as a promise:
  // the headers come from the browser asynchronously.
  const cookies = [];
  context.on('response', (r) => {
    cookies.push(r.headerValues('set-cookie')
      .then((values) => ({ url: r.url(), values }))
      .catch(() => ({ url: r.url(), values: [] })));
  });
  return { context, requests, console: console_, cookies, staff };
}

/**
 * Problems with the cookies set since `since`, and with the cookie jar: a
 * client page sets none; a staff page may set (or clear) only the session
 * cookie, HttpOnly and SameSite=Strict. Cookie values are never printed.
 */
async function cookieProblems(guard, since) {
  const problems = [];
  const set = await Promise.all(guard.cookies.slice(since.cookies));
  for (const { url, values } of set) {
    const where = new URL(url).pathname;
    for (const value of values) {
      const [pair, ...attributes] = value.split(';').map((a) => a.trim());
      const name = pair.split('=')[0];
      if (!guard.staff) {
        problems.push(`${where} sets a cookie (${name}) on the client side`);
        continue;
      }
      const has = (a) => attributes.some((x) => x.toLowerCase() === a);
      if (name !== STAFF_COOKIE) problems.push(`${where} sets the cookie ${name}: staff pages may set only ${STAFF_COOKIE}`);
      if (!has('httponly')) problems.push(`${where} sets ${name} without HttpOnly`);
      if (!has('samesite=strict')) problems.push(`${where} sets ${name} without SameSite=Strict`);
      if (!has('path=/')) problems.push(`${where} sets ${name} without Path=/`);
      if (attributes.some((x) => /^domain=/i.test(x))) problems.push(`${where} sets ${name} with a Domain`);
    }
  }
  for (const c of await guard.context.cookies()) {
    if (!guard.staff) problems.push(`the browser holds a cookie (${c.name}) after a client page`);
    else if (c.name !== STAFF_COOKIE) problems.push(`the browser holds the cookie ${c.name} besides the session cookie`);
    else {
      if (!c.httpOnly) problems.push(`the browser holds ${c.name} as readable by scripts (not HttpOnly)`);
      if (c.sameSite !== 'Strict') problems.push(`the browser holds ${c.name} with SameSite=${c.sameSite}, not Strict`);
    }
  }
  return problems;
}

/** Everything checked on every page: network, lang, title, anchors, axe. */
async function checkPage(guard, page, lang, since, { runAxe = true, label = 'page' } = {}) {
  const problems = await cookieProblems(guard, since);
  for (const r of guard.requests.slice(since.requests)) {
    if (!r.ours) problems.push(`request to another host: ${r.method} ${r.url}`);
  }
  for (const c of guard.console.slice(since.console)) {
    // Chromium logs every 4xx response, the page's own included: the status
    // is checked separately. What is left (CSP reports, errors) fails.
    if (/Failed to load resource: the server responded with a status of 4\d\d/.test(c)) continue;
    problems.push(`console ${c}`);
  }
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.getAttribute('lang'),
    title: document.title,
    anchors: [...document.querySelectorAll('a[href^="#"]')]
      .map((a) => a.getAttribute('href').slice(1))
      .filter((id) => id && !document.getElementById(decodeURIComponent(id))),
    scripts: document.querySelectorAll('script, [onclick], [onload], [onsubmit]').length,
  }));
  if (facts.lang !== lang) problems.push(`<html lang> is ${JSON.stringify(facts.lang)}, expected "${lang}"`);
  if (!facts.title.trim()) problems.push('<title> is empty');
  else if (/^\s*[–-]/.test(facts.title)) problems.push(`<title> has an empty page part: ${JSON.stringify(facts.title)}`);
  for (const id of facts.anchors) problems.push(`link to #${id}, which no element has as its id`);
  if (facts.scripts) problems.push(`${facts.scripts} script element(s) or inline handler(s) on a page meant to need no JavaScript`);
  // Reflow, target size, input styles and the quick exit's place, at 320
  // and 1280 px, with a screenshot at each (layout.mjs).
  problems.push(...await layoutProblems(page, { label, shots: SHOTS_DIR }));
  // axe-core with the project's tags (common.mjs: WCAG 2.0, 2.1 and 2.2,
  // A and AA), in the page itself.
  if (runAxe) problems.push(...await axeProblems(page));
  return problems;
}

const mark = (guard) => ({
  requests: guard.requests.length, console: guard.console.length, cookies: guard.cookies.length,
});

/** Runs one named check; a thrown error fails it and the run goes on. */
async function step(label, fn) {
  try {
    report(label, await fn());
  } catch (e) {
    report(label, [`error: ${(e && e.stack) || e}`.split('\n').slice(0, 4).join('\n')]);
  }
}

function expectStatus(response, allowed) {
  const status = response ? response.status() : 0;
  return allowed.includes(status) ? [] : [`HTTP status ${status}, expected ${allowed.join(' or ')}`];
}

/**
 * Does `act` on the context's page (it navigates, which starts every check
 * afresh), then checks the page it ended on, or the one it returns as
 * `page`. One page per context: opening a new one for every check costs
 * more than the check.
 */
async function visit(guard, label, lang, act, opts = {}) {
  await step(label, async () => {
    if (!guard.page || guard.page.isClosed()) guard.page = await guard.context.newPage();
    const since = mark(guard);
    const { problems = [], page = guard.page } = (await act(guard.page)) || {};
    return [...problems, ...(await checkPage(guard, page, lang, since, { ...opts, label }))];
  });
}

/** Submits the contact form at `page` and waits for the answer to load. */
async function submitForm(page, { message, detail = '', way = 'none', name = '', topic = null }) {
  if (topic) await page.locator('#topic').selectOption(topic);
  else await page.locator('#topic').selectOption({ index: 1 });
  await page.locator('#message').fill(message);
  await page.locator('#name').fill(name);
  await page.locator(`#way-${way}`).check();
  await page.locator('#detail').fill(detail);
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('form button[type=submit]').click(),
  ]);
  return response;
}

async function submitReceipt(page, receipt) {
  await page.locator('#receipt').fill(receipt);
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('form button[type=submit]').click(),
  ]);
  return response;
}

async function readReceipt(page) {
  const text = (await page.locator('.receipt .code').textContent({ timeout: 5000 }))?.trim() ?? '';
  return text;
}

async function languageChecks(guard, base, lang) {
  const url = (p) => new URL(p, base).href;
  const formPath = `/${lang}/services/${SLUG}`;
  const shots = lang === 'en';

  await visit(guard, `/${lang}/`, lang, async (page) => {
    const problems = expectStatus(await page.goto(url(`/${lang}/`)), [200]);
    const links = await page.locator('.services a').count();
    if (links < 2) problems.push(`landing lists ${links} service link(s), expected 2`);
    return { problems };
  });

  await visit(guard, `/${lang}/ [keyboard]`, lang, async (page) => {
    const problems = [];
    await page.goto(url(`/${lang}/`));
    const focused = () => page.evaluate(() => {
      const e = document.activeElement;
      const r = e.getBoundingClientRect();
      return {
        cls: e.className, tag: e.tagName.toLowerCase(), id: e.id,
        inHeader: !!e.closest('header'), href: e.getAttribute('href'),
        visible: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
          && r.left < innerWidth && r.top < innerHeight,
      };
    });
    await page.keyboard.press('Tab');
    const first = await focused();
    if (first.cls !== 'skip') problems.push(`first Tab focuses <${first.tag} class="${first.cls}">, not the skip link`);
    else if (!first.visible) problems.push('the skip link is focused but not visible on screen');
    // The quick exit is the next stop after the skip link (issue 17).
    await page.keyboard.press('Tab');
    const f = await focused();
    if (!f.cls.split(' ').includes('quick-exit')) {
      problems.push(`the second Tab focuses <${f.tag} class="${f.cls}">, not the quick-exit link`);
    } else {
      if (!f.visible) problems.push('the quick-exit link is focused but not visible on screen');
      if (f.href !== QUICK_EXIT_HREF) problems.push(`the quick-exit link leads to ${f.href}, not ${QUICK_EXIT_HREF}`);
    }
    // The skip link moves focus to <main>, so the next Tab starts there.
    await page.goto(url(`/${lang}/`));
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const after = await focused();
    if (after.id !== 'main') problems.push(`Enter on the skip link focuses <${after.tag} id="${after.id}">, not <main>`);
    return { problems };
  }, { runAxe: false });

  await visit(guard, `${formPath} [form]`, lang, async (page) => {
    const problems = expectStatus(await page.goto(url(formPath)), [200]);
    return { problems };
  });

  await visit(guard, `${formPath} [validation errors]`, lang, async (page) => {
    await page.goto(url(formPath));
    // Spaces satisfy `required` in the browser but not the server; a contact
    // detail with no way to use it is a second error.
    const response = await submitForm(page, { message: '   ', detail: 'x' });
    const problems = expectStatus(response, [422]);
    if (!(await page.locator('.error-summary li').count())) problems.push('no error summary shown');
    if ((await page.locator('#message').getAttribute('aria-invalid')) !== 'true') problems.push('#message is not marked aria-invalid');
    if ((await page.locator('#detail').getAttribute('aria-invalid')) !== 'true') problems.push('#detail is not marked aria-invalid');
    if (shots) await page.screenshot({ path: SCREENSHOTS.errors, fullPage: true });
    return { problems };
  });

  let receipt = '';
  const message = `Browser check (${lang}): a message sent by a11y.mjs.`;
  await visit(guard, `${formPath} [receipt]`, lang, async (page) => {
    await page.goto(url(formPath));
    // Every field as long as real ones get: a thread with a long name, a
    // long topic, an e-mail address and a text with long words and a link.
    const response = await submitForm(page, {
      message: message + LONG.text, name: LONG.name, way: 'email', detail: LONG.email, topic: 'relatives',
    });
    const problems = expectStatus(response, [200, 201]);
    receipt = await readReceipt(page);
    if (!receipt) problems.push('no receipt code on the page');
    if (shots) await page.screenshot({ path: SCREENSHOTS.receipt, fullPage: true });
    return { problems };
  });

  await visit(guard, `/${lang}/check`, lang, async (page) => {
    const problems = expectStatus(await page.goto(url(`/${lang}/check`)), [200]);
    return { problems };
  });

  await visit(guard, `/${lang}/check [result]`, lang, async (page) => {
    if (!receipt) throw new Error('no receipt from the submission to look up');
    await page.goto(url(`/${lang}/check`));
    const problems = expectStatus(await submitReceipt(page, receipt), [200]);
    const thread = (await page.locator('.thread').textContent({ timeout: 5000 })) ?? '';
    if (!thread.includes(message)) problems.push('the thread does not show the message just sent');
    return { problems };
  });

  await visit(guard, `/${lang}/check [wrong receipt]`, lang, async (page) => {
    await page.goto(url(`/${lang}/check`));
    const problems = expectStatus(await submitReceipt(page, 'WRONG-RECEIPT-0000'), [404, 422]);
    if (!(await page.locator('.error-summary').count())) problems.push('no error shown');
    if ((await page.locator('#receipt').getAttribute('aria-invalid')) !== 'true') problems.push('#receipt is not marked aria-invalid');
    return { problems };
  });

  await visit(guard, `/${lang}/no-such-page [404]`, lang, async (page) => {
    const problems = expectStatus(await page.goto(url(`/${lang}/no-such-page`)), [404]);
    return { problems };
  });

  return { receipt, message };
}

/**
 * A full queue (36 more cases): cases by every contact way, with long names and texts, so
 * the staff pages are checked with the content they get.
 */
async function fillQueue(guard, base) {
  const url = (p) => new URL(p, base).href;
  await step('queue setup: cases by every contact way, with long content', async () => {
    const page = guard.page;
    const problems = [];
    const ways = [['phone', LONG.phone], ['email', LONG.email], ['reply_here', ''], ['none', '']];
    for (let i = 0; i < 36; i += 1) {
      const [way, detail] = ways[i % ways.length];
      await page.goto(url(`/fi/services/${i % 3 === 2 ? 'youth' : SLUG}`));
      const topic = i % 3 === 2 ? null : 'relatives';
      const response = await submitForm(page, {
        message: `Jonossa ${i + 1}: ${LONG.text.trim()}`, name: `${LONG.name} ${i + 1}`, way, detail, topic,
      });
      problems.push(...expectStatus(response, [200, 201]));
    }
    return problems;
  });
}

/** Clicks what submits a form and waits for the answer to load. */
async function clickAndWait(page, locator) {
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    locator.click(),
  ]);
  return response;
}

const textOf = async (page, selector) => (await page.locator(selector).allTextContents()).join('\n');

/**
 * Logs in with the form. Resolves with the page's final answer and the
 * answer to the POST itself (the 303 that sets the session cookie).
 */
async function staffLogin(page, url, lang, username, password) {
  await page.goto(url(`/${lang}/staff/login`));
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  const posted = page.waitForResponse((r) => r.request().method() === 'POST'
    && new URL(r.url()).pathname === `/${lang}/staff/login`);
  const response = await clickAndWait(page, page.locator(`form[action="/${lang}/staff/login"] button[type=submit]`));
  return { response, posted: await posted };
}

/** A successful login answers 303 with the session cookie and nothing else. */
async function loginAnswerProblems(posted) {
  const problems = [];
  if (posted.status() !== 303) problems.push(`the login POST answered ${posted.status()}, expected 303`);
  const set = await posted.headerValues('set-cookie');
  const names = set.map((v) => v.split('=')[0].trim());
  if (names.length !== 1 || names[0] !== STAFF_COOKIE) {
    problems.push(`the login answer sets [${names.join(', ')}], expected just ${STAFF_COOKIE}`);
  }
  return problems;
}

/** The link of the queue line whose preview shows `message`. */
async function caseLink(page, message) {
  const link = page.locator('table.queue tbody a').filter({ hasText: message });
  return (await link.count()) ? link.first().getAttribute('href') : null;
}

/** What has the keyboard focus, and whether one can see it. */
function focusState(page) {
  return page.evaluate(() => {
    const e = document.activeElement || document.body;
    const r = e.getBoundingClientRect();
    const s = getComputedStyle(e);
    return {
      tag: e.tagName.toLowerCase(),
      id: e.id,
      cls: typeof e.className === 'string' ? e.className : '',
      action: e.form ? e.form.getAttribute('action') : null,
      visible: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0
        && r.left < innerWidth && r.top < innerHeight,
      ring: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none',
    };
  });
}

const describe = (f) => `<${f.tag}${f.id ? `#${f.id}` : ''}${f.cls ? `.${f.cls.trim().split(/\s+/).join('.')}` : ''}>`;

/**
 * Presses Tab until `want` holds of the focused element, at most `max`
 * times. Every element the focus stops at must be on screen with a visible
 * focus indicator.
 */
async function tabTo(page, want, what, max) {
  const problems = [];
  for (let i = 0; i < max; i += 1) {
    await page.keyboard.press('Tab');
    const f = await focusState(page);
    if (f.tag === 'body') continue;
    if (!f.visible) problems.push(`the focus is on ${describe(f)}, which is not on screen`);
    if (!f.ring) problems.push(`the focus on ${describe(f)} is not visible (no outline or ring)`);
    if (want(f)) return { found: f, problems };
  }
  problems.push(`${what} was not reached with ${max} presses of Tab`);
  return { found: null, problems };
}

/** Logs in with the keyboard alone: Tab to each field, type, Enter on the button. */
async function keyboardLogin(page, url, lang, account) {
  const problems = expectStatus(await page.goto(url(`/${lang}/staff/login`)), [200]);
  const steps = [
    [(f) => f.id === 'username', 'the user name field', 20, account.username],
    [(f) => f.id === 'password', 'the password field', 1, account.newPassword],
    [(f) => f.tag === 'button' && f.action === `/${lang}/staff/login`, 'the log-in button', 3, null],
  ];
  for (const [want, what, max, text] of steps) {
    const { found, problems: p } = await tabTo(page, want, what, max);
    problems.push(...p);
    if (!found) return { problems };
    if (text !== null) await page.keyboard.type(text);
  }
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.keyboard.press('Enter'),
  ]);
  problems.push(...expectStatus(response, [200]));
  const at = new URL(page.url()).pathname;
  if (at !== `/${lang}/staff`) problems.push(`after logging in with the keyboard the page is ${at}, not /${lang}/staff`);
  return { problems };
}

/** Writes and sends a reply with the keyboard alone. */
async function keyboardReply(page, caseUrl, text) {
  const problems = expectStatus(await page.goto(caseUrl), [200]);
  let r = await tabTo(page, (f) => f.id === 'reply', 'the reply field', 40);
  problems.push(...r.problems);
  if (!r.found) return { problems };
  await page.keyboard.type(text);
  r = await tabTo(page, (f) => f.tag === 'button' && (f.action || '').endsWith('/reply'), 'the send-reply button', 2);
  problems.push(...r.problems);
  if (!r.found) return { problems };
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    page.keyboard.press('Enter'),
  ]);
  problems.push(...expectStatus(response, [200]));
  if (new URL(page.url()).searchParams.get('done') !== 'reply') problems.push(`after sending the reply the page is ${page.url()}`);
  if (!(await textOf(page, '.thread .from-staff')).includes(text)) problems.push('the reply sent with the keyboard is not in the thread');
  return { problems };
}

/**
 * The staff side in every language, with one counsellor: login (failed,
 * then with the one-time password), the forced password change, two-step
 * verification setup, the queue, a case with a reply and a note, an empty
 * reply and the 403 page. Each language's reply goes to the case that
 * language's client opened, and is noted in `cases`.
 */
async function staffChecks(guard, base, cases) {
  const url = (p) => new URL(p, base).href;
  const anna = STAFF.anna;
  const shots = (lang) => lang === 'en';

  for (const lang of LANGS) {
    await visit(guard, `/${lang}/staff/login`, lang, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${lang}/staff/login`)), [200]);
      for (const id of ['username', 'password', 'code']) {
        if (!(await page.locator(`#${id}`).count())) problems.push(`no #${id} field`);
      }
      return { problems };
    });

    await visit(guard, `/${lang}/staff/login [wrong password]`, lang, async (page) => {
      const { response } = await staffLogin(page, url, lang, anna.username, 'not the right password');
      const problems = expectStatus(response, [401]);
      if (!(await textOf(page, '.error-summary')).includes(tr(lang, 'staff-error-login'))) problems.push('no error shown');
      if ((await page.locator('#username').inputValue()) !== anna.username) problems.push('the user name typed is not kept');
      if ((await page.locator('#password').inputValue()) !== '') problems.push('the password typed is sent back in the page');
      if (!(await page.title()).startsWith(tr(lang, 'title-with-error').split('{')[0])) problems.push('the <title> does not say there is an error');
      return { problems };
    });
  }

  // A new account: the queue sends it to change the one-time password.
  for (const [i, lang] of LANGS.entries()) {
    await visit(guard, `/${lang}/staff/account [must change password]`, lang, async (page) => {
      const problems = [];
      if (i === 0) {
        const { response, posted } = await staffLogin(page, url, lang, anna.username, anna.password);
        problems.push(...(await loginAnswerProblems(posted)), ...expectStatus(response, [200]));
      } else {
        problems.push(...expectStatus(await page.goto(url(`/${lang}/staff`)), [200]));
      }
      const at = new URL(page.url()).pathname;
      if (at !== `/${lang}/staff/account`) problems.push(`the page is ${at}, not /${lang}/staff/account`);
      if (!(await textOf(page, 'main .notice')).includes(tr(lang, 'staff-must-change'))) problems.push('no notice that the password must be changed');
      return { problems };
    });

    await visit(guard, `/${lang}/staff/account [password errors]`, lang, async (page) => {
      await page.goto(url(`/${lang}/staff/account`));
      await page.locator('#current').fill('not the right password');
      await page.locator('#new').fill('a long enough new password');
      await page.locator('#repeat').fill('a different long password');
      const response = await clickAndWait(page, page.locator(`form[action="/${lang}/staff/account/password"] button[type=submit]`));
      const problems = expectStatus(response, [422]);
      const errors = await textOf(page, '.error-summary');
      for (const id of ['error-password-current', 'error-password-repeat']) {
        if (!errors.includes(tr(lang, id))) problems.push(`the error summary lacks ${id}`);
      }
      if (!(await page.title()).startsWith(tr(lang, 'title-with-error').split('{')[0])) problems.push('the <title> does not say there is an error');
      return { problems };
    });
  }

  await visit(guard, `/${LANGS[0]}/staff/account [password changed]`, LANGS[0], async (page) => {
    const lang = LANGS[0];
    await page.goto(url(`/${lang}/staff/account`));
    await page.locator('#current').fill(anna.password);
    await page.locator('#new').fill(anna.newPassword);
    await page.locator('#repeat').fill(anna.newPassword);
    const response = await clickAndWait(page, page.locator(`form[action="/${lang}/staff/account/password"] button[type=submit]`));
    const problems = expectStatus(response, [200]);
    const notices = await textOf(page, 'main .notice');
    if (!notices.includes(tr(lang, 'staff-password-changed'))) problems.push('no notice that the password was changed');
    if (notices.includes(tr(lang, 'staff-must-change'))) problems.push('the page still says the password must be changed');
    return { problems };
  });

  for (const lang of LANGS) {
    const c = cases[lang];
    c.reply = `Counsellor reply (${lang}), typed with the keyboard by a11y.mjs.`;
    c.note = `Internal note (${lang}) by a11y.mjs: never shown to the client.`;

    await visit(guard, `/${lang}/staff/account [two-step verification setup]`, lang, async (page) => {
      await page.goto(url(`/${lang}/staff/account`));
      const response = await clickAndWait(page, page.locator(`form[action="/${lang}/staff/account/totp/start"] button[type=submit]`));
      const problems = expectStatus(response, [200]);
      if (!(await page.locator('#totp-code').count())) problems.push('no field for the verification code after starting the setup');
      return { problems };
    });

    let caseHref = null;
    await visit(guard, `/${lang}/staff [queue]`, lang, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${lang}/staff`)), [200]);
      if (!(await page.locator('table.queue tbody tr').count())) problems.push('the queue shows no case');
      caseHref = await caseLink(page, c.message);
      if (!caseHref) problems.push(`no line of the queue shows the message sent in ${lang}`);
      if (shots(lang)) await page.screenshot({ path: SCREENSHOTS.queue, fullPage: true });
      return { problems };
    });

    await visit(guard, `/${lang}/staff [queue, filtered]`, lang, async (page) => {
      await page.goto(url(`/${lang}/staff`));
      await page.locator('#service').selectOption(SLUG);
      await page.locator('#status').selectOption('new');
      const problems = expectStatus(await clickAndWait(page, page.locator('form.filters button[type=submit]')), [200]);
      const q = new URL(page.url()).searchParams;
      if (q.get('service') !== SLUG || q.get('status') !== 'new') problems.push(`the filter form led to ${page.url()}`);
      if ((await page.locator('#service').inputValue()) !== SLUG) problems.push('the service chosen is not kept selected');
      if ((await page.locator('#status').inputValue()) !== 'new') problems.push('the status chosen is not kept selected');
      if (!(await caseLink(page, c.message))) problems.push(`the filtered queue lacks the new case sent in ${lang}`);
      return { problems };
    });

    // The keyboard path, in a browser of its own: log in, then reply.
    const keys = await guardedContext(base.origin, {}, { staff: true });
    try {
      await visit(keys, `/${lang}/staff/login [keyboard]`, lang,
        (page) => keyboardLogin(page, url, lang, anna), { runAxe: false });
      await visit(keys, `/${lang}/staff/cases/{id} [keyboard reply]`, lang, async (page) => {
        if (!caseHref) throw new Error('no case of this language was found in the queue');
        return keyboardReply(page, url(caseHref), c.reply);
      }, { runAxe: false });
      // A reply being written in a second tab when the session ends.
      let writing = null;
      await visit(keys, `/${lang}/staff/login [logged out]`, lang, async (page) => {
        if (caseHref) {
          writing = await keys.context.newPage();
          await writing.goto(url(caseHref));
        }
        await page.goto(url(`/${lang}/staff/account`));
        const response = await clickAndWait(page, page.locator(`form[action="/${lang}/staff/logout"] button[type=submit]`));
        const problems = expectStatus(response, [200]);
        const at = new URL(page.url());
        if (at.pathname !== `/${lang}/staff/login`) problems.push(`after logging out the page is ${at.pathname}`);
        if (!(await textOf(page, 'main .notice')).includes(tr(lang, 'staff-notice-out'))) problems.push('no notice of the logout');
        if ((await keys.context.cookies()).length) problems.push('the session cookie is still in the browser after logging out');
        return { problems };
      });
      await visit(keys, `/${lang}/staff/cases/{id} [reply not saved: session ended]`, lang, async () => {
        if (!writing) throw new Error('no case of this language was found in the queue');
        const text = `A reply (${lang}) written as the session ended.`;
        await writing.locator('#reply').fill(text);
        const response = await clickAndWait(writing, writing.locator('form[action$="/reply"] button[type=submit]'));
        const problems = expectStatus(response, [401]);
        if ((await writing.locator('#kept').inputValue()) !== text) problems.push('the reply typed is not shown to copy');
        if (!(await writing.locator(`main a[href="/${lang}/staff/login"]`).count())) problems.push('no link to log in again');
        return { problems, page: writing };
      });
    } finally {
      await keys.context.close();
    }

    await visit(guard, `/${lang}/staff/cases/{id} [message, reply and note]`, lang, async (page) => {
      if (!caseHref) throw new Error('no case of this language was found in the queue');
      await page.goto(url(caseHref));
      await page.locator('#note').fill(c.note);
      const response = await clickAndWait(page, page.locator('form[action$="/note"] button[type=submit]'));
      const problems = expectStatus(response, [200]);
      if (!(await textOf(page, 'main .notice')).includes(tr(lang, 'case-done-note'))) problems.push('no notice that the note was saved');
      if (!(await textOf(page, '.thread .from-client')).includes(c.message)) problems.push('the thread lacks the client\'s message');
      if (!(await textOf(page, '.thread .from-staff')).includes(c.reply)) problems.push('the thread lacks the reply');
      if (!(await textOf(page, '.thread .note')).includes(c.note)) problems.push('the thread lacks the note');
      if (shots(lang)) await page.screenshot({ path: SCREENSHOTS.case, fullPage: true });
      return { problems };
    });

    await visit(guard, `/${lang}/staff/cases/{id} [empty reply]`, lang, async (page) => {
      if (!caseHref) throw new Error('no case of this language was found in the queue');
      await page.goto(url(caseHref));
      await page.locator('#reply').fill('   ');
      const response = await clickAndWait(page, page.locator('form[action$="/reply"] button[type=submit]'));
      const problems = expectStatus(response, [422]);
      if (!(await textOf(page, '.error-summary')).includes(tr(lang, 'error-message-empty'))) problems.push('no error summary saying the reply is empty');
      if ((await page.locator('#reply').inputValue()) !== '   ') problems.push('the reply typed is not kept');
      if ((await page.locator('#reply').getAttribute('aria-invalid')) !== 'true') problems.push('#reply is not marked aria-invalid');
      if (!(await page.title()).startsWith(tr(lang, 'title-with-error').split('{')[0])) problems.push('the <title> does not say there is an error');
      return { problems };
    });

    // Marking the case for the statistics: sent with no reason (the error
    // summary leads to the first box), then with one and an outcome.
    await visit(guard, `/${lang}/staff/cases/{id} [marks without a reason]`, lang, async (page) => {
      if (!caseHref) throw new Error('no case of this language was found in the queue');
      await page.goto(url(caseHref));
      const response = await clickAndWait(page, page.locator('form[action$="/mark"] button[type=submit]'));
      const problems = expectStatus(response, [422]);
      if (!(await textOf(page, '.error-summary')).includes(tr(lang, 'stats-mark-error-reason'))) problems.push('no error summary asking for a reason');
      if (!(await page.locator('.error-summary a[href="#mark-first"]').count())) problems.push('the error does not lead to the first reason');
      if (!(await page.title()).startsWith(tr(lang, 'title-with-error').split('{')[0])) problems.push('the <title> does not say there is an error');
      return { problems };
    });
    await visit(guard, `/${lang}/staff/cases/{id} [marked for the statistics]`, lang, async (page) => {
      await page.goto(url(caseHref));
      await page.locator('#mark-first').check();
      await page.locator('#outcome-answered').check();
      const response = await clickAndWait(page, page.locator('form[action$="/mark"] button[type=submit]'));
      const problems = expectStatus(response, [200]);
      if (!(await textOf(page, 'main .notice')).includes(tr(lang, 'stats-mark-done'))) problems.push('no notice that the marks were saved');
      if (!(await page.locator('#mark-first').isChecked())) problems.push('the reason marked is not shown ticked');
      return { problems };
    });

    await visit(guard, `/${lang}/staff/cases/{unknown} [403]`, lang, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${lang}/staff/cases/${UNKNOWN_CASE}`)), [403]);
      return { problems };
    });
  }
}

/**
 * The client's side of the reply, in every language: the counsellor's reply
 * with the write-back form, writing back nothing, and writing back.
 */
async function writeBackChecks(guard, base, lang, c) {
  const url = (p) => new URL(p, base).href;
  const writeBack = (page) => page.locator(`form[action="/${lang}/check/reply"] button[type=submit]`);
  const open = async (page) => {
    if (!c.receipt) throw new Error('no receipt from the submission to look up');
    await page.goto(url(`/${lang}/check`));
    return expectStatus(await submitReceipt(page, c.receipt), [200]);
  };

  await visit(guard, `/${lang}/check [counsellor reply]`, lang, async (page) => {
    const problems = await open(page);
    const thread = await textOf(page, '.thread');
    if (!thread.includes(c.reply)) problems.push('the thread does not show the counsellor\'s reply');
    if (!thread.includes(STAFF.anna.name)) problems.push('the reply does not name the counsellor');
    if (thread.includes(c.note)) problems.push('the client sees the internal note');
    if (!(await textOf(page, 'main .notice')).includes(tr(lang, 'check-new-reply'))) problems.push('no notice of the new reply');
    if (!(await page.locator('#message').count()) || !(await writeBack(page).count())) problems.push('no write-back form');
    if (lang === 'en') await page.screenshot({ path: SCREENSHOTS.reply, fullPage: true });
    return { problems };
  });

  await visit(guard, `/${lang}/check [write back, empty]`, lang, async (page) => {
    const problems = await open(page);
    if ((await textOf(page, 'main .notice')).includes(tr(lang, 'check-new-reply'))) problems.push('the reply is still marked new on the second visit');
    await page.locator('#message').fill('   ');
    problems.push(...expectStatus(await clickAndWait(page, writeBack(page)), [422]));
    if (!(await textOf(page, '.error-summary')).includes(tr(lang, 'error-message-empty'))) problems.push('no error summary saying the message is empty');
    if ((await page.locator('#message').getAttribute('aria-invalid')) !== 'true') problems.push('#message is not marked aria-invalid');
    if ((await page.locator('#message').inputValue()) !== '   ') problems.push('the text typed is not kept');
    return { problems };
  });

  await visit(guard, `/${lang}/check [write back refused, message kept]`, lang, async (page) => {
    const problems = await open(page);
    const text = `Client writes back (${lang}) with a receipt that no longer works.`;
    await page.locator('#message').fill(text);
    // As if the receipt had changed between loading the page and sending.
    await page.locator(`form[action="/${lang}/check/reply"] input[name=receipt]`).evaluate((e) => { e.value = 'NOT-A-RECEIPT'; });
    problems.push(...expectStatus(await clickAndWait(page, writeBack(page)), [404, 422]));
    if (!(await page.locator('.error-summary').count())) problems.push('no error shown');
    if ((await page.locator('#receipt').getAttribute('aria-invalid')) !== 'true') problems.push('#receipt is not marked aria-invalid');
    if ((await page.locator('#message').inputValue()) !== text) problems.push('the message typed is not kept to send again');
    if (!(await writeBack(page).count())) problems.push('the form to send again does not post to the write-back address');
    if ((await textOf(page, '.thread')).includes(text)) problems.push('the refused message shows in a thread');
    return { problems };
  });

  await visit(guard, `/${lang}/check [write back, sent]`, lang, async (page) => {
    const problems = await open(page);
    const text = `Client writes back (${lang}) through a11y.mjs.`;
    await page.locator('#message').fill(text);
    problems.push(...expectStatus(await clickAndWait(page, writeBack(page)), [200]));
    if (!(await textOf(page, 'main .notice')).includes(tr(lang, 'check-sent'))) problems.push('no notice that the message was sent');
    if (!(await textOf(page, '.thread')).includes(text)) problems.push('the thread does not show the message written back');
    if ((await page.locator('#message').inputValue()) !== '') problems.push('the write-back field still holds the text sent');
    return { problems };
  });
}

/**
 * The whole loop with JavaScript off: the pages must need none. A client
 * sends a request and checks it; a new counsellor logs in, changes the
 * one-time password, opens the case and replies; the client reads the reply
 * and writes back.
 */
async function noJavaScriptFlow(base) {
  const lang = 'fi';
  const url = (p) => new URL(p, base).href;
  const client = await guardedContext(base.origin, { javaScriptEnabled: false });
  const staff = await guardedContext(base.origin, { javaScriptEnabled: false }, { staff: true });
  const message = 'Browser check without JavaScript.';
  const reply = 'A reply sent without JavaScript.';
  let receipt = '';
  const run = (guard, label, fn) => visit(guard, label, lang, async (page) => ({ problems: await fn(page) }), { runAxe: false });
  try {
    await run(client, `/${lang}/services/${SLUG} -> /${lang}/check [JavaScript disabled]`, async (page) => {
      await page.goto(url(`/${lang}/services/${SLUG}`));
      const problems = expectStatus(await submitForm(page, { message }), [200, 201]);
      receipt = await readReceipt(page);
      if (!receipt) return [...problems, 'no receipt code on the page'];
      const link = page.locator(`main a[href="/${lang}/check"]`);
      await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]);
      problems.push(...expectStatus(await submitReceipt(page, receipt), [200]));
      const thread = (await page.locator('.thread').textContent({ timeout: 5000 })) ?? '';
      if (!thread.includes(message)) problems.push('the check page does not show the message just sent');
      return problems;
    });

    await run(staff, `/${lang}/staff/login -> account -> case -> reply [JavaScript disabled]`, async (page) => {
      const bea = STAFF.bea;
      const { response, posted } = await staffLogin(page, url, lang, bea.username, bea.password);
      const problems = [...(await loginAnswerProblems(posted)), ...expectStatus(response, [200])];
      if (new URL(page.url()).pathname !== `/${lang}/staff/account`) {
        return [...problems, `after the first login the page is ${page.url()}, not the account page`];
      }
      await page.locator('#current').fill(bea.password);
      await page.locator('#new').fill(bea.newPassword);
      await page.locator('#repeat').fill(bea.newPassword);
      problems.push(...expectStatus(await clickAndWait(page, page.locator(`form[action="/${lang}/staff/account/password"] button[type=submit]`)), [200]));
      if (!(await textOf(page, 'main .notice')).includes(tr(lang, 'staff-password-changed'))) problems.push('no notice that the password was changed');
      problems.push(...expectStatus(await clickAndWait(page, page.locator(`nav a[href="/${lang}/staff"]`)), [200]));
      const line = page.locator('table.queue tbody a').filter({ hasText: message });
      if (!(await line.count())) return [...problems, 'the queue does not show the case just sent'];
      problems.push(...expectStatus(await clickAndWait(page, line.first()), [200]));
      await page.locator('#reply').fill(reply);
      problems.push(...expectStatus(await clickAndWait(page, page.locator('form[action$="/reply"] button[type=submit]')), [200]));
      if (!(await textOf(page, '.thread .from-staff')).includes(reply)) problems.push('the thread does not show the reply just sent');
      return problems;
    });

    // The quick exit from a staff page: one click on a plain link leaves the
    // site, and the browser drops the session cookie (Clear-Site-Data on
    // the same-origin step), so the next staff page asks for a login.
    await step(`/${lang}/staff -> quick exit -> /${lang}/staff/login [JavaScript disabled]`, async () => {
      const page = staff.page;
      const problems = expectStatus(await page.goto(url(`/${lang}/staff`)), [200]);
      if (!(await staff.context.cookies()).some((c) => c.name === STAFF_COOKIE)) problems.push('no session cookie before the quick exit');
      const since = mark(staff);
      const exitAnswer = page.waitForResponse((r) => new URL(r.url()).pathname === QUICK_EXIT_HREF);
      const leaving = page.waitForRequest(QUICK_EXIT);
      await page.locator('header a.quick-exit').click();
      const answer = await exitAnswer;
      if (answer.status() !== 303) problems.push(`${QUICK_EXIT_HREF} answered ${answer.status()}, expected 303`);
      if (!((await answer.headerValue('clear-site-data')) || '').includes('"cookies"')) problems.push(`${QUICK_EXIT_HREF} sent no Clear-Site-Data with "cookies"`);
      // On to the harmless site (aborted here, as every other host is).
      await leaving;
      const cookies = (await staff.context.cookies()).map((c) => c.name);
      if (cookies.length) problems.push(`the browser still holds [${cookies.join(', ')}] after the quick exit`);
      const again = await page.goto(url(`/${lang}/staff`));
      problems.push(...expectStatus(again, [200]));
      const at = new URL(page.url()).pathname;
      if (at !== `/${lang}/staff/login`) problems.push(`after the quick exit /${lang}/staff shows ${at}, not the login page`);
      for (const r of staff.requests.slice(since.requests)) {
        if (!r.ours && r.url !== QUICK_EXIT) problems.push(`request to another host: ${r.method} ${r.url}`);
      }
      return problems;
    });

    await run(client, `/${lang}/check -> reply -> write back [JavaScript disabled]`, async (page) => {
      if (!receipt) throw new Error('no receipt from the submission to look up');
      await page.goto(url(`/${lang}/check`));
      const problems = expectStatus(await submitReceipt(page, receipt), [200]);
      if (!(await textOf(page, '.thread')).includes(reply)) problems.push('the check page does not show the counsellor\'s reply');
      if (!(await textOf(page, 'main .notice')).includes(tr(lang, 'check-new-reply'))) problems.push('no notice of the new reply');
      const text = 'Writing back without JavaScript.';
      await page.locator('#message').fill(text);
      problems.push(...expectStatus(await clickAndWait(page, page.locator(`form[action="/${lang}/check/reply"] button[type=submit]`)), [200]));
      if (!(await textOf(page, 'main .notice')).includes(tr(lang, 'check-sent'))) problems.push('no notice that the message was sent');
      if (!(await textOf(page, '.thread')).includes(text)) problems.push('the thread does not show the message written back');
      return problems;
    });
  } finally {
    await client.context.close();
    await staff.context.close();
  }
}

/** Tomorrow in the service's time zone: YYYY-MM-DD and its ISO weekday. */
function tomorrowInZone() {
  const date = new Intl.DateTimeFormat('en-CA', {
    timeZone: SERVICE_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(new Date(Date.now() + 86_400_000));
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay() || 7;
  return { date, weekday };
}

/**
 * Duty hours starting at the first whole minute at least 30 s from now, in
 * the service's zone, for up to an hour (not past midnight): phone calls can
 * be recorded only while duty hours run. Publishing them for a time already
 * begun is refused, so the check publishes them just ahead and waits.
 */
function dutySoon() {
  const startsAt = Math.ceil((Date.now() + 30_000) / 60_000) * 60_000;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: SERVICE_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(startsAt)).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const from = Number(parts.hour) * 60 + Number(parts.minute);
  const until = Math.min(from + 60, 24 * 60 - 1);
  const clock = (m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay() || 7;
  return { date, weekday, start: clock(from), until: clock(until), startsAt };
}

/**
 * Outside duty hours the phone form says so and refuses a call with the
 * text kept; then duty hours are published to start shortly, and the check
 * waits for them, so the staff checks can record calls.
 */
async function dutyHours(guard, base) {
  const url = (p) => new URL(p, base).href;
  const lang = LANGS[0];
  await visit(guard, `/${lang}/staff/phone [off duty]`, lang, async (page) => {
    const problems = expectStatus(await page.goto(url(`/${lang}/staff/phone`)), [200]);
    const notice = await textOf(page, '#duty');
    if (!notice.includes(tr(lang, 'phone-off-duty').split('{')[0].trim())) problems.push('the form does not say that no duty hours run now');
    const text = `A call outside duty hours (${lang}), kept by a11y.mjs.`;
    problems.push(...expectStatus(await fillAndSend(page, `/${lang}/staff/phone`, { text }), [422]));
    if (!(await textOf(page, '.error-summary')).includes(tr(lang, 'phone-error-off-duty'))) problems.push('no error summary saying the service is off duty');
    if ((await page.locator('#text').inputValue()) !== text) problems.push('the text typed was not kept');
    return { problems };
  });
  await step('booking setup: publish duty hours starting shortly, and wait for them', async () => {
    const page = guard.page;
    await page.goto(url(`/${lang}/staff/availability`));
    const duty = dutySoon();
    const problems = expectStatus(await fillAndSend(page, `/${lang}/staff/availability/weekly`, {
      'w-service': SLUG, 'w-weekday': duty.weekday, 'w-start': duty.start, 'w-until': duty.until,
      'w-minutes': 5, 'w-capacity': 1, 'w-date': duty.date, 'w-weeks': 1,
    }), [200]);
    if (new URL(page.url()).searchParams.get('done') !== 'published') {
      problems.push(`publishing duty hours led to ${page.url()}: ${await textOf(page, '.error-summary')}`);
    }
    const wait = duty.startsAt - Date.now() + 1000;
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    return problems;
  });
}

/** Fills the fields of a form by id (a <select> by value) and sends it. */
async function fillAndSend(page, action, fields) {
  for (const [id, value] of Object.entries(fields)) {
    const field = page.locator(`#${id}`);
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(String(value));
    else await field.fill(String(value));
  }
  return clickAndWait(page, page.locator(`form[action="${action}"] button[type=submit]`));
}

/**
 * The counsellor who publishes the booking times: logs in, changes the
 * one-time password and publishes, for tomorrow, weekly hours (eight
 * half-hour times), a one-off time and a group. Resolves with the staff
 * context (kept for the staff-side booking checks) and tomorrow's date.
 */
async function bookingSetup(base) {
  const url = (p) => new URL(p, base).href;
  const lang = LANGS[0];
  const cleo = STAFF.cleo;
  const { date, weekday } = tomorrowInZone();
  const guard = await guardedContext(base.origin, {}, { staff: true });
  await step('booking setup: publish weekly hours, a one-off time and a group', async () => {
    guard.page = await guard.context.newPage();
    const page = guard.page;
    const { response } = await staffLogin(page, url, lang, cleo.username, cleo.password);
    const problems = expectStatus(response, [200]);
    await page.locator('#current').fill(cleo.password);
    await page.locator('#new').fill(cleo.newPassword);
    await page.locator('#repeat').fill(cleo.newPassword);
    problems.push(...expectStatus(await clickAndWait(page, page.locator(`form[action="/${lang}/staff/account/password"] button[type=submit]`)), [200]));
    const forms = {
      weekly: {
        'w-service': SLUG, 'w-weekday': weekday, 'w-start': '09:00', 'w-until': '13:00',
        'w-minutes': 30, 'w-capacity': 1, 'w-date': date, 'w-weeks': 1,
      },
      oneoff: { 'o-service': SLUG, 'o-date': date, 'o-start': '14:00', 'o-minutes': 45, 'o-capacity': 1 },
      group: {
        'g-service': SLUG, ...LONG.group,
        'g-date': date, 'g-start': '17:00', 'g-minutes': 90, 'g-meetings': 3, 'g-every': 7, 'g-capacity': 6,
      },
    };
    for (const [kind, fields] of Object.entries(forms)) {
      await page.goto(url(`/${lang}/staff/availability`));
      problems.push(...expectStatus(await fillAndSend(page, `/${lang}/staff/availability/${kind}`, fields), [200]));
      if (new URL(page.url()).searchParams.get('done') !== 'published') {
        problems.push(`publishing the ${kind} form led to ${page.url()}: ${await textOf(page, '.error-summary')}`);
      }
    }
    return problems;
  });
  return { guard, date };
}

/**
 * The client's booking pages in one language: the form, the form with
 * errors, the receipt of a booked time, and the manage page opened from the
 * check page.
 */
async function bookingClientChecks(guard, base, lang) {
  const url = (p) => new URL(p, base).href;
  const bookPath = `/${lang}/services/${SLUG}/book`;
  // The page has two forms (issue 17, item 2): times (who calls, a phone)
  // and groups (a name and a topic only).
  const TIMES = 'form[aria-labelledby="times-heading"]';
  const GROUPS = 'form[aria-labelledby="groups-heading"]';
  const send = (page, form = TIMES) => clickAndWait(page, page.locator(`${form} button[type=submit]`));

  await visit(guard, `${bookPath} [form]`, lang, async (page) => {
    const problems = expectStatus(await page.goto(url(bookPath)), [200]);
    if (!(await page.locator('input[name=choice][value^="slot:"]').count())) problems.push('no free time to choose');
    if (!(await page.locator('input[name=choice][value^="group:"]').count())) problems.push('no group to choose');
    return { problems };
  });

  await visit(guard, `${bookPath} [validation errors]`, lang, async (page) => {
    await page.goto(url(bookPath));
    // No time chosen, and "we call you" with no number.
    await page.locator('#call-we_call').check();
    await page.locator('#phone').fill('   ');
    const problems = expectStatus(await send(page), [422]);
    const errors = await textOf(page, '.error-summary');
    for (const id of ['booking-error-choice', 'booking-error-phone']) {
      if (!errors.includes(tr(lang, id))) problems.push(`the error summary lacks ${id}`);
    }
    if ((await page.locator('#phone').getAttribute('aria-invalid')) !== 'true') problems.push('#phone is not marked aria-invalid');
    if (!(await page.title()).startsWith(tr(lang, 'title-with-error').split('{')[0])) problems.push('the <title> does not say there is an error');
    // Following the summary's link for the time moves focus into the group
    // of times (its first radio button), not onto the fieldset.
    await page.locator('.error-summary a', { hasText: tr(lang, 'booking-error-choice') }).click();
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('name'));
    if (focused !== 'choice') problems.push(`the summary link for the time left focus on ${focused}, not in the group of times`);
    return { problems };
  });

  let receipt = '';
  await visit(guard, `${bookPath} [booked, receipt]`, lang, async (page) => {
    await page.goto(url(bookPath));
    await page.locator('input[name=choice][value^="slot:"]').first().check();
    await page.locator('#call-we_call').check();
    await page.locator('#phone').fill('+358 40 123 4567');
    await page.locator('#name').fill(`Booker ${lang}`);
    await page.locator('#topic').selectOption({ index: 1 });
    const problems = expectStatus(await send(page), [200]);
    receipt = await readReceipt(page);
    if (!receipt) problems.push('no receipt code on the page');
    if (!(await textOf(page, '.booked-time')).trim()) problems.push('the receipt does not say the time booked');
    return { problems };
  });

  // A group booked too, with a long name: the check page and the schedule
  // show it.
  await visit(guard, `${bookPath} [group booked, receipt]`, lang, async (page) => {
    await page.goto(url(bookPath));
    await page.locator(`${GROUPS} input[name=choice][value^="group:"]`).first().check();
    await page.locator('#g-name').fill(LONG.name);
    if (await page.locator(`${GROUPS} [name=call], ${GROUPS} [name=phone]`).count()) {
      return { problems: ['the group form asks who calls or for a phone'] };
    }
    const problems = expectStatus(await send(page, GROUPS), [200]);
    if (problems.length) return { problems: [...problems, await textOf(page, '.error-summary')] };
    const code = await readReceipt(page);
    if (!code) return { problems: [...problems, `no receipt code on the page: ${await textOf(page, '.error-summary')}`] };
    await page.goto(url(`/${lang}/check`));
    problems.push(...expectStatus(await submitReceipt(page, code), [200]));
    return { problems };
  });

  await visit(guard, `/${lang}/bookings/manage [from the check page]`, lang, async (page) => {
    if (!receipt) throw new Error('no receipt from the booking to look up');
    await page.goto(url(`/${lang}/check`));
    const problems = expectStatus(await submitReceipt(page, receipt), [200]);
    const open = page.locator(`form[action="/${lang}/bookings/manage"] button[type=submit]`);
    if (!(await open.count())) return { problems: [...problems, 'the check page has no button to manage the booking'] };
    problems.push(...expectStatus(await clickAndWait(page, open), [200]));
    if (!(await page.locator(`form[action="/${lang}/bookings/move"] input[name=choice]`).count())) problems.push('no form to move the booking');
    if (!(await page.locator(`form[action="/${lang}/bookings/cancel"] button[type=submit]`).count())) problems.push('no form to cancel the booking');
    return { problems };
  });
}

/**
 * The counsellor's booking pages in one language: availability, a slot's
 * edit page, the schedule of tomorrow (day and week), and phone calls.
 */
async function bookingStaffChecks(guard, base, lang, date) {
  const url = (p) => new URL(p, base).href;

  let editHref = null;
  await visit(guard, `/${lang}/staff/availability`, lang, async (page) => {
    const problems = expectStatus(await page.goto(url(`/${lang}/staff/availability`)), [200]);
    if ((await page.locator('table.queue tbody tr').count()) < 9) problems.push('the list lacks the times published at setup');
    // The last single time is tomorrow's one-off (the duty hours are today).
    editHref = await page.locator(`a[href^="/${lang}/staff/availability/slots/"][href$="/edit"]`).last().getAttribute('href', { timeout: 5000 }).catch(() => null);
    if (!editHref) problems.push('no link to edit a time');
    return { problems };
  });

  await visit(guard, `/${lang}/staff/availability/slots/{id}/edit`, lang, async (page) => {
    if (!editHref) throw new Error('no time to edit was found on the availability page');
    const problems = expectStatus(await page.goto(url(editHref)), [200]);
    if ((await page.locator('#e-date').inputValue()) !== date) problems.push(`the date field holds ${await page.locator('#e-date').inputValue()}, not ${date}`);
    return { problems };
  });

  for (const span of ['day', 'week']) {
    await visit(guard, `/${lang}/staff/schedule [${span}]`, lang, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${lang}/staff/schedule?day=${date}&span=${span}`)), [200]);
      const n = await page.locator('article.booking').count();
      if (n < LANGS.length) problems.push(`the schedule shows ${n} booking(s), expected at least ${LANGS.length}`);
      return { problems };
    });
  }

  await visit(guard, `/${lang}/staff/phone`, lang, async (page) => {
    const problems = expectStatus(await page.goto(url(`/${lang}/staff/phone`)), [200]);
    return { problems };
  });

  // The queue again, now full: long cases of every contact way, bookings
  // of times and of the group.
  await visit(guard, `/${lang}/staff [full queue, with bookings]`, lang, async (page) => {
    const problems = expectStatus(await page.goto(url(`/${lang}/staff`)), [200]);
    const n = await page.locator('table.queue tbody tr').count();
    if (n < 30) problems.push(`the queue shows ${n} case(s), expected at least 30`);
    return { problems };
  });

  await visit(guard, `/${lang}/staff/phone [empty note]`, lang, async (page) => {
    await page.goto(url(`/${lang}/staff/phone`));
    const problems = expectStatus(await fillAndSend(page, `/${lang}/staff/phone`, { text: '   ' }), [422]);
    if (!(await page.locator('.error-summary li').count())) problems.push('no error summary shown');
    if ((await page.locator('#text').getAttribute('aria-invalid')) !== 'true') problems.push('#text is not marked aria-invalid');
    return { problems };
  });

  await visit(guard, `/${lang}/staff/phone [receipt]`, lang, async (page) => {
    await page.goto(url(`/${lang}/staff/phone`));
    const problems = expectStatus(await fillAndSend(page, `/${lang}/staff/phone`, {
      topic: 'general', name: `Caller ${lang}`, text: `A phone call (${lang}) recorded by a11y.mjs.`,
    }), [200]);
    if (!(await readReceipt(page))) problems.push('no receipt code to read out');
    return { problems };
  });
}

/**
 * The first-run setup page (errors, then the first admin made), the audit
 * log page, with and without a filter error, the memberships page, a member
 * removed, and the rotation progress page, in every language.
 */
async function adminChecks(guard, base) {
  const url = (p) => new URL(p, base).href;
  const admin = { username: 'aino', password: 'aino: the first administrator here' };
  for (let i = 0; i < 50 && !setupToken; i += 1) await new Promise((r) => setTimeout(r, 100));
  if (!setupToken) {
    report('first-run link', ['the server printed no /en/staff/setup?token= link']);
    return;
  }
  for (const lang of LANGS) {
    await visit(guard, `/${lang}/staff/setup`, lang, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${lang}/staff/setup?token=${setupToken}`)), [200]);
      for (const id of ['username', 'name', 'email', 'password', 'repeat']) {
        if (!(await page.locator(`#${id}`).count())) problems.push(`no #${id} field`);
      }
      return { problems };
    });
    await visit(guard, `/${lang}/staff/setup [errors]`, lang, async (page) => {
      await page.goto(url(`/${lang}/staff/setup?token=${setupToken}`));
      // What the browser lets through its own checks: a user name of the
      // wrong characters and passwords that differ.
      await page.locator('#username').fill('Not Valid!');
      await page.locator('#name').fill('Aino Admin');
      await page.locator('#password').fill('a long enough password one');
      await page.locator('#repeat').fill('a long enough password two');
      const response = await clickAndWait(page, page.locator(`form[action="/${lang}/staff/setup"] button[type=submit]`));
      const problems = expectStatus(response, [422]);
      const errors = await textOf(page, '.error-summary');
      for (const id of ['setup-error-username', 'error-password-repeat']) {
        if (!errors.includes(tr(lang, id))) problems.push(`the error summary lacks ${id}`);
      }
      if ((await page.locator('#name').inputValue()) !== 'Aino Admin') problems.push('the name typed is not kept');
      if (!(await page.title()).startsWith(tr(lang, 'title-with-error').split('{')[0])) problems.push('the <title> does not say there is an error');
      return { problems };
    });
  }
  const lang = LANGS[0];
  await visit(guard, `/${lang}/staff/setup [admin made]`, lang, async (page) => {
    await page.goto(url(`/${lang}/staff/setup?token=${setupToken}`));
    await page.locator('#username').fill(admin.username);
    await page.locator('#name').fill('Aino Admin');
    await page.locator('#password').fill(admin.password);
    await page.locator('#repeat').fill(admin.password);
    const response = await clickAndWait(page, page.locator(`form[action="/${lang}/staff/setup"] button[type=submit]`));
    const problems = expectStatus(response, [200]);
    if (new URL(page.url()).pathname !== `/${lang}/staff/login`) problems.push(`after setup the page is ${page.url()}`);
    if (!(await textOf(page, 'main .notice')).includes(tr(lang, 'staff-notice-setup-done'))) problems.push('no notice that the admin is ready');
    const { response: login } = await staffLogin(page, url, lang, admin.username, admin.password);
    problems.push(...expectStatus(login, [200]));
    return { problems };
  });
  for (const l of LANGS) {
    await visit(guard, `/${l}/staff/audit`, l, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${l}/staff/audit`)), [200]);
      if (!(await page.locator('table.queue tbody tr').count())) problems.push('the audit log lists nothing');
      return { problems };
    });
    await visit(guard, `/${l}/staff/audit [bad day]`, l, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${l}/staff/audit?from=someday`)), [422]);
      if (!(await textOf(page, '.error-summary')).includes(tr(l, 'audit-error-from'))) problems.push('no error for the bad day');
      if ((await page.locator('#from').inputValue()) !== 'someday') problems.push('the day typed is not kept');
      return { problems };
    });
    await visit(guard, `/${l}/staff/members`, l, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${l}/staff/members`)), [200]);
      if (!(await page.getByRole('button', { name: new RegExp(STAFF.dan.name) }).count())) problems.push('no button to remove a member');
      return { problems };
    });
  }
  // Removing a member reseals the service's items: the progress page then
  // lists a job, in every language.
  await visit(guard, `/${lang}/staff/members [member removed]`, lang, async (page) => {
    await page.goto(url(`/${lang}/staff/members`));
    const remove = page.getByRole('button', { name: new RegExp(STAFF.dan.name) });
    // What cannot be undone asks "I am sure" first (issue 17, item 8).
    await page.locator('form', { has: remove }).locator('input[name=confirm]').check();
    const response = await clickAndWait(page, remove);
    const problems = expectStatus(response, [200]);
    if (new URL(page.url()).pathname !== `/${lang}/staff/rotation`) problems.push(`after removing, the page is ${page.url()}`);
    return { problems };
  });
  for (const l of LANGS) {
    await visit(guard, `/${l}/staff/rotation`, l, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${l}/staff/rotation`)), [200]);
      if (!(await page.locator('table.queue tbody tr').count())) problems.push('the progress page lists no job');
      if (!(await page.locator(`a[href="/${l}/staff/rotation"]`).count())) problems.push('no link to reload the page');
      return { problems };
    });
  }
  await serviceAndPeopleChecks(guard, base);
  await statsChecks(guard, base);
}

/**
 * The statistics page (its tables, the year and the export link), the
 * list of contact reasons and outcomes, that list's add form sent with
 * blank names (what was typed kept), and a reason's edit page, in every
 * language.
 */
async function statsChecks(guard, base) {
  const url = (p) => new URL(p, base).href;
  const year = new Date().getUTCFullYear();
  for (const l of LANGS) {
    await visit(guard, `/${l}/staff/stats`, l, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${l}/staff/stats`)), [200]);
      if ((await page.locator('table.stats caption').count()) < 4) problems.push('fewer than two tables per service');
      if (!(await page.locator('.table-scroll[tabindex="0"][role=region]').count())) problems.push('the wide table is not in a focusable region');
      if (!(await page.locator(`a[href="/${l}/staff/stats/csv?year=${year}"]`).count())) problems.push('no link to the CSV export');
      if ((await page.locator('#year').inputValue()) !== String(year)) problems.push('this year is not the one chosen');
      return { problems };
    });
    await visit(guard, `/${l}/staff/stats/categories`, l, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${l}/staff/stats/categories`)), [200]);
      if ((await page.locator('table.queue tbody tr').count()) < 10) problems.push('the reasons and outcomes are not listed');
      for (const id of ['kind-reason', 'kind-outcome', 'name_fi', 'name_sv', 'name_en']) {
        if (!(await page.locator(`#${id}`).count())) problems.push(`no #${id} field`);
      }
      return { problems };
    });
    await visit(guard, `/${l}/staff/stats/categories [errors]`, l, async (page) => {
      await page.goto(url(`/${l}/staff/stats/categories`));
      const response = await fillAndSend(page, `/${l}/staff/stats/categories`, {
        name_fi: '   ', name_sv: 'Spel om pengar', name_en: '   ',
      });
      const problems = expectStatus(response, [422]);
      if (!(await textOf(page, '.error-summary')).includes(tr(l, 'stats-error-name-fi'))) problems.push('no error for the blank Finnish name');
      if ((await page.locator('#name_sv').inputValue()) !== 'Spel om pengar') problems.push('the name typed is not kept');
      if ((await page.locator('#name_fi').getAttribute('aria-invalid')) !== 'true') problems.push('#name_fi is not marked aria-invalid');
      return { problems };
    });
    await visit(guard, `/${l}/staff/stats/categories/loneliness`, l, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${l}/staff/stats/categories/loneliness`)), [200]);
      if ((await page.locator('#name_en').inputValue()) !== 'Loneliness') problems.push('the edit form does not hold the English name');
      return { problems };
    });
  }
}

/**
 * The services list, the new-service form (empty and with errors, what was
 * typed kept), a service's edit page, the people page, an invitation with
 * errors, an invitation made (no mail server: the link is shown once), the
 * invitation's own page in a browser without a session, and a spent link,
 * in every language.
 */
async function serviceAndPeopleChecks(guard, base) {
  const url = (p) => new URL(p, base).href;
  for (const l of LANGS) {
    await visit(guard, `/${l}/staff/services`, l, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${l}/staff/services`)), [200]);
      if (!(await page.locator(`a[href="/${l}/staff/services/${SLUG}"]`).count())) problems.push(`no link to edit ${SLUG}`);
      return { problems };
    });
    await visit(guard, `/${l}/staff/services/new`, l, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${l}/staff/services/new`)), [200]);
      for (const id of ['slug', 'name_fi', 'name_sv', 'name_en', 'time_zone', 'recipients']) {
        if (!(await page.locator(`#${id}`).count())) problems.push(`no #${id} field`);
      }
      return { problems };
    });
    await visit(guard, `/${l}/staff/services/new [errors]`, l, async (page) => {
      await page.goto(url(`/${l}/staff/services/new`));
      const response = await fillAndSend(page, `/${l}/staff/services/new`, {
        slug: 'Not A Slug', name_en: 'Kept name', time_zone: 'Europe/Atlantis',
      });
      const problems = expectStatus(response, [422]);
      if (!(await page.locator('.error-summary a').count())) problems.push('no linked error summary');
      if ((await page.locator('#name_en').inputValue()) !== 'Kept name') problems.push('the name typed is not kept');
      if ((await page.locator('#time_zone').inputValue()) !== 'Europe/Atlantis') problems.push('the time zone typed is not kept');
      return { problems };
    });
    await visit(guard, `/${l}/staff/services/${SLUG}`, l, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${l}/staff/services/${SLUG}`)), [200]);
      if (!(await page.locator('#name_fi').inputValue())) problems.push('the edit form does not hold the Finnish name');
      return { problems };
    });
    await visit(guard, `/${l}/staff/people`, l, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${l}/staff/people`)), [200]);
      if (!(await page.locator('#email').count())) problems.push('no e-mail field to invite with');
      return { problems };
    });
    await visit(guard, `/${l}/staff/people [invitation errors]`, l, async (page) => {
      await page.goto(url(`/${l}/staff/people`));
      // What the browser's own check lets through (no dot in the domain),
      // but the server refuses.
      const response = await fillAndSend(page, `/${l}/staff/people/invite`, { email: 'someone@localhost' });
      const problems = expectStatus(response, [422]);
      if (!(await textOf(page, 'main')).includes(tr(l, 'people-error-email'))) problems.push('no message for the bad address');
      if ((await page.locator('#email').inputValue()) !== 'someone@localhost') problems.push('the address typed is not kept');
      return { problems };
    });
  }
  const lang = LANGS[0];
  let link = null;
  await visit(guard, `/${lang}/staff/people [invitation made]`, lang, async (page) => {
    await page.goto(url(`/${lang}/staff/people`));
    const response = await fillAndSend(page, `/${lang}/staff/people/invite`, { email: 'new.counsellor@example.org' });
    const problems = expectStatus(response, [200]);
    const shown = await textOf(page, 'main code');
    const found = /https?:\/\/\S+\/staff\/invite\?token=[0-9a-f]+/.exec(shown);
    // Its path and token: the public address in a test config is a placeholder.
    if (found) link = new URL(found[0]).pathname + new URL(found[0]).search;
    else problems.push('no invitation link shown (there is no mail server)');
    return { problems };
  });
  if (!link) return;
  // The invitee has no session: a context of their own.
  const invitee = await guardedContext(base.origin, {}, { staff: true });
  await visit(invitee, `/${lang}/staff/invite`, lang, async (page) => {
    const problems = expectStatus(await page.goto(url(link)), [200]);
    for (const id of ['username', 'name', 'password', 'repeat']) {
      if (!(await page.locator(`#${id}`).count())) problems.push(`no #${id} field`);
    }
    if (page.url().includes('token=') && !(await page.locator('input[type=hidden][name=token]').count())) {
      problems.push('the token is not carried on in a form field');
    }
    return { problems };
  });
  for (const l of LANGS) {
    await visit(invitee, `/${l}/staff/invite [link gone]`, l, async (page) => {
      const problems = expectStatus(await page.goto(url(`/${l}/staff/invite?token=${'0'.repeat(64)}`)), [410]);
      if (!(await textOf(page, 'main')).includes(tr(l, 'link-gone'))) problems.push('the page does not say the link does not work');
      return { problems };
    });
  }
  await invitee.context.close();
}

async function main() {
  if (!existsSync(BIN)) throw new Error(`no suoja binary at ${BIN} (build it with cargo build, or pass its path)`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium, or run tests/browser/run.sh)`);
  tr = await loadMessages();
  workDir = await mkdtemp(path.join(tmpdir(), 'suoja-a11y-'));
  const configFile = path.join(workDir, 'suoja.toml');
  await writeFile(configFile, config(workDir));
  for (const account of Object.values(STAFF)) account.password = await addStaff(configFile, account);
  const base = await startServer(configFile);
  console.log(`# ${BIN} at ${base.href}, ${CHROMIUM}, axe-core ${axe.version}`);

  // Playwright gives every launch a new, empty --user-data-dir of its own
  // (it refuses the flag in `args`) and removes it on close.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  // The client and the counsellor each have a browser profile of their own:
  // the session cookie never reaches a client page.
  const client = await guardedContext(base.origin);
  const cases = {};
  for (const lang of LANGS) cases[lang] = await languageChecks(client, base, lang);
  await fillQueue(client, base);
  const staff = await guardedContext(base.origin, {}, { staff: true });
  await staffChecks(staff, base, cases);
  await staff.context.close();
  const admin = await guardedContext(base.origin, {}, { staff: true });
  await adminChecks(admin, base);
  await admin.context.close();
  for (const lang of LANGS) await writeBackChecks(client, base, lang, cases[lang]);
  const booking = await bookingSetup(base);
  for (const lang of LANGS) await bookingClientChecks(client, base, lang);
  await dutyHours(booking.guard, base);
  for (const lang of LANGS) await bookingStaffChecks(booking.guard, base, lang, booking.date);
  await booking.guard.context.close();
  await client.context.close();
  await noJavaScriptFlow(base);
}

async function cleanUp() {
  if (browser) await browser.close().catch(() => {});
  browser = null;
  await stopServer().catch(() => {});
  if (workDir) await rm(workDir, { recursive: true, force: true }).catch(() => {});
  workDir = null;
}

// If the run is cut short, the server and the temp folder still go (the
// browser dies with its pipe to this process).
process.on('exit', () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});
// A closed stdout (`| head`) ends the run like an interruption.
process.stdout.on('error', () => process.exit(1));
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.log(`FAIL interrupted by ${sig}`);
    console.log(`${counts.passed} passed, ${counts.failed + 1} failed`);
    process.exit(130); // the exit handler above stops the server
  });
}

const watchdog = setTimeout(() => {
  console.log(`FAIL the whole run took longer than ${OVERALL_TIMEOUT_MS / 1000} s`);
  counts.failed += 1;
  cleanUp().finally(() => { console.log(`${counts.passed} passed, ${counts.failed} failed`); process.exit(1); });
}, OVERALL_TIMEOUT_MS);

const started = Date.now();
try {
  await main();
} catch (e) {
  report('setup', [`error: ${(e && e.message) || e}`]);
} finally {
  await cleanUp();
  clearTimeout(watchdog);
}
console.log(`# ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed === 0 && counts.passed > 0 ? 0 : 1);
