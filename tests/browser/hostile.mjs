// Hostile client content in the counsellor's views, in Debian's headless
// Chromium driven by playwright-core.
//
//   node tests/browser/hostile.mjs [SUOJA_BIN]
//
// Every payload of hostile-corpus.txt (XSS and HTML injection: script tags,
// event handlers, javascript: URLs, SVG, CSS, <meta refresh>, <base>,
// unicode tricks, template syntax), plus a very long line and a multi-line
// one, is sent as a client would: as contact-request messages, as names
// (those that fit on one line in 100 characters), as the client's written
// reply, and as the names in bookings. The e-mail field takes only an
// address: a payload there must be refused (422), and the address sent is
// the most hostile one the check lets through (entities without their
// semicolon, template syntax, percent escapes). A counsellor then opens the queue, every case page and
// the day's schedule, twice: as served (with its CSP) and with the CSP
// bypassed, so escaping alone is tested too. On every page:
//
// - no script ran: no dialog opened, and __pwn(), which an init script
//   defines and every payload calls, was never called;
// - nothing was requested but the page itself, /static/suoja.css and the
//   icon, /static/favicon.svg: every
//   other request, to any origin, is recorded and aborted;
// - no element a payload could inject is in the page;
// - each payload is shown, as text, on the case page or schedule it belongs
//   to.
//
// Each pass first loads a page of unescaped payloads (served by the browser
// itself) and must catch it; rendering the case page's message with askama's
// `|safe` made 8 case pages fail (checked once by hand).
//
// The last line is `N passed, M failed`; the exit code is 0 only when M is 0.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import {
  baseConfig,
  BIN, CHROMIUM, INJECTED, addStaff as addAccount, collapse, corpus, reporter, startServer,
} from './common.mjs';

const SLUG = 'helpline';
const ZONE = 'Europe/Helsinki';
// Recipients whose identities were thrown away: nothing here is ever read
// offline.
const RECIPIENT = 'age1dvyzyrxwkw87s7vtzaq27n6kjy2yrk5f2w0l4ekjq5kv5wy26ayqycjpqv';
const RECOVERY = 'age1404x8n69333ap3a3eg0x8pxejess0hmhzv3kq8uz66de9deglp7q7fvcpt';
const USER = 'hana';
const NEW_PASSWORD = 'hana reads hostile content safely';
const PAYLOADS_PER_CASE = 6;
const BOOKINGS = 5;

// A page served by the browser itself, with payloads left unescaped: each
// pass first proves its detectors catch them.
const SELF_CHECK = {
  url: (base) => new URL('/__detector-self-check', base).href,
  html: '<!doctype html><html lang="en"><title>x</title><body><b>shown as text</b>'
    + '<img src=x onerror=__pwn() id=pwn><script>__pwn()</script>'
    + '<img src="https://pwn.invalid/self-check.png"></body></html>',
};



const { report, counts } = reporter();

function config(dir) {
  const q = JSON.stringify;
  return baseConfig(dir, { recovery: RECOVERY }) + `[[services]]
slug = ${q(SLUG)}
recipients = [${q(RECIPIENT)}]
topics = ["general"]
[services.name]
fi = "Tukilinja"
sv = "Stödlinjen"
en = "Support line"
[services.description]
fi = "Kerro meille."
sv = "Berätta för oss."
en = "Tell us."
`;
}

const addStaff = (configFile, cwd) => addAccount(configFile, cwd, { username: USER, name: 'Hana', service: SLUG });

// ---- the client side, over plain HTTP ----

const field = (html, name) => {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no ${name} field in the page`);
  return m[1].replace(/&#(\d+);/g, (_, d) => String.fromCharCode(Number(d))).replace(/&amp;/g, '&');
};

async function post(base, where, fields) {
  const r = await fetch(new URL(where, base), {
    method: 'POST', redirect: 'manual', body: new URLSearchParams(fields),
  });
  return { status: r.status, body: await r.text() };
}

async function get(base, where) {
  const r = await fetch(new URL(where, base), { redirect: 'manual' });
  return { status: r.status, body: await r.text() };
}

const receiptIn = (html) => {
  const m = /<p class="code" dir="ltr"><strong>([^<]+)<\/strong>/.exec(html);
  if (!m) throw new Error('no receipt in the page');
  return m[1].trim();
};

/** Sends every payload as client content; returns what each page should show. */
async function sendAsClient(base, payloads, slotChoice) {
  const expected = { cases: [], schedule: [] };
  const form = `/en/services/${SLUG}`;
  const oneLine = payloads.filter((p) => !p.includes('\n') && [...p.trim()].length <= 100);
  const noSpace = payloads.find((p) => /^\S+$/.test(p) && p.includes('<')) ?? '<b>';
  const hostileEmail = '&lt&#60b&gt{{7*7}}${7*7}%3Cscript%3E/=?^|~#!*@pwn.invalid';
  let receipt = null;
  for (let i = 0, n = 0; i < payloads.length; i += PAYLOADS_PER_CASE, n += 1) {
    const group = payloads.slice(i, i + PAYLOADS_PER_CASE);
    const message = group.join('\n\n');
    const name = oneLine[n % oneLine.length];
    const fields = {
      token: field((await get(base, form)).body, 'token'),
      topic: 'general', message, name, way: 'none', detail: '',
    };
    if (n === 0) {
      const refused = await post(base, form, { ...fields, way: 'email', detail: `${noSpace.slice(0, 200)}@pwn.invalid` });
      if (refused.status !== 422) throw new Error(`a payload as an e-mail address answered ${refused.status}, not 422`);
      fields.token = field((await get(base, form)).body, 'token');
      Object.assign(fields, { way: 'email', detail: hostileEmail });
    }
    const sent = await post(base, form, fields);
    if (sent.status !== 200) throw new Error(`a contact request answered ${sent.status}: ${sent.body.slice(0, 300)}`);
    expected.cases.push(...group, name);
    if (n === 0) { receipt = receiptIn(sent.body); expected.cases.push(fields.detail); }
  }
  // The client comes back and writes a reply with every payload in it.
  // The receipt form's token is single use: from a fresh check page.
  const checkToken = field((await get(base, '/en/check')).body, 'token');
  const page = await post(base, '/en/check', { receipt, token: checkToken });
  if (page.status !== 200) throw new Error(`the check page answered ${page.status}`);
  const reply = payloads.slice(0, 12).join('\n');
  const back = await post(base, '/en/check/reply', { receipt, message: reply, token: field(page.body, 'token') });
  if (back.status !== 200 && back.status !== 303) throw new Error(`the write-back answered ${back.status}: ${back.body.slice(0, 300)}`);
  expected.cases.push(...payloads.slice(0, 12));
  // Bookings, each under a hostile name.
  for (let b = 0; b < BOOKINGS; b += 1) {
    const book = `/en/services/${SLUG}/book`;
    const name = oneLine[(b * 7) % oneLine.length];
    const sent = await post(base, book, {
      token: field((await get(base, book)).body, 'token'), choice: slotChoice, call: 'you_call', name, topic: '',
    });
    if (sent.status !== 200) throw new Error(`a booking answered ${sent.status}: ${sent.body.slice(0, 300)}`);
    expected.schedule.push(name);
  }
  return expected;
}

// ---- the counsellor's side, in Chromium ----

async function clickAndWait(page, selector) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.locator(selector).click()]);
  return response;
}

/** Logs in, sets a password, publishes one time; returns the login state. */
async function counsellorSetup(browser, base, oneTime, date) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const url = (p) => new URL(p, base).href;
  await page.goto(url('/en/staff/login'));
  await page.locator('#username').fill(USER);
  await page.locator('#password').fill(oneTime);
  await clickAndWait(page, 'form[action="/en/staff/login"] button[type=submit]');
  await page.locator('#current').fill(oneTime);
  await page.locator('#new').fill(NEW_PASSWORD);
  await page.locator('#repeat').fill(NEW_PASSWORD);
  await clickAndWait(page, 'form[action="/en/staff/account/password"] button[type=submit]');
  await page.goto(url('/en/staff/availability'));
  for (const [id, value] of Object.entries({ 'o-date': date, 'o-start': '15:00', 'o-minutes': '45', 'o-capacity': String(BOOKINGS) })) {
    await page.locator(`#${id}`).fill(value);
  }
  await page.locator('#o-service').selectOption(SLUG).catch(() => {});
  await clickAndWait(page, 'form[action="/en/staff/availability/oneoff"] button[type=submit]');
  if (new URL(page.url()).searchParams.get('done') !== 'published') throw new Error(`publishing a time led to ${page.url()}`);
  const state = await context.storageState();
  await context.close();
  return state;
}

/**
 * One pass over the counsellor's views. With `bypassCSP` the page's CSP is
 * ignored, so only escaping stands between a payload and the page.
 */
async function viewPass(browser, base, state, date, expected, bypassCSP) {
  const pass = bypassCSP ? 'CSP bypassed' : 'as served';
  const context = await browser.newContext({ storageState: state, bypassCSP });
  const requests = [];
  const dialogs = [];
  let navigatedTo = null;
  await context.route('**/*', (route) => {
    const r = route.request();
    const u = new URL(r.url());
    if (r.url() === SELF_CHECK.url(base) && r.url() === navigatedTo) {
      return route.fulfill({ status: 200, contentType: 'text/html', body: SELF_CHECK.html });
    }
    const allowed = u.origin === base.origin
      && ((r.isNavigationRequest() && r.url() === navigatedTo) || ['/static/suoja.css', '/static/favicon.svg'].includes(u.pathname));
    if (allowed) return route.continue();
    requests.push(`${r.method()} ${r.url()} (${r.resourceType()})`);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(() => {
    window.__pwnCount = 0;
    window.__pwn = () => { window.__pwnCount += 1; };
  });
  const page = await context.newPage();
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });

  async function check(label, where, mustShow, { expectCaught = false } = {}) {
    const since = { requests: requests.length, dialogs: dialogs.length };
    navigatedTo = new URL(where, base).href;
    const response = await page.goto(navigatedTo, { waitUntil: 'load' });
    const problems = [];
    if (!response || response.status() !== 200) problems.push(`HTTP ${response?.status()}`);
    // Time for a refresh, a focus handler or an animation to fire.
    await page.waitForTimeout(150);
    const facts = await page.evaluate((selector) => ({
      pwned: window.__pwnCount,
      url: location.href,
      injected: [...document.querySelectorAll(selector)].map((e) => e.outerHTML.slice(0, 80)),
      text: document.body.textContent,
    }), INJECTED);
    if (facts.pwned) problems.push(`__pwn() was called ${facts.pwned} time(s)`);
    if (facts.url !== navigatedTo) problems.push(`the page moved to ${facts.url}`);
    for (const e of facts.injected.slice(0, 5)) problems.push(`injected element: ${e}`);
    for (const r of requests.slice(since.requests)) problems.push(`request: ${r}`);
    for (const d of dialogs.slice(since.dialogs)) problems.push(`dialog: ${d}`);
    const text = collapse(facts.text);
    for (const p of mustShow) {
      if (!text.includes(collapse(p))) problems.push(`not shown as text: ${JSON.stringify(p.slice(0, 80))}`);
    }
    if (expectCaught) {
      // The detectors must see what an unescaped payload does.
      const caught = ['__pwn() was called', 'injected element', 'request:', 'not shown as text']
        .filter((kind) => !problems.some((p) => p.startsWith(kind)));
      report(`${label} [${pass}]`, caught.map((kind) => `the detectors missed: ${kind}`));
    } else {
      report(`${label} [${pass}]`, problems);
    }
    return facts.text;
  }

  await check('detector self-check: an unescaped page is caught', SELF_CHECK.url(base), ['<b>shown as text</b>'], { expectCaught: true });

  await check('/en/staff (queue)', '/en/staff', []);
  const links = await page.locator('table.queue tbody a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const caseLinks = [...new Set(links.filter((h) => /\/staff\/cases\/[0-9a-f]+$/.test(h)))];
  let shown = '';
  for (const link of caseLinks) shown += await check(link, link, []);
  const missing = expected.cases.filter((p) => !collapse(shown).includes(collapse(p)));
  report(`every payload is shown as text on the ${caseLinks.length} case pages [${pass}]`,
    missing.map((p) => `not shown: ${JSON.stringify(p.slice(0, 80))}`));
  await check('/en/staff/schedule (day)', `/en/staff/schedule?day=${date}&span=day`, expected.schedule);
  await context.close();
}

async function main() {
  const payloads = await corpus();
  const dir = await mkdtemp(path.join(tmpdir(), 'suoja-hostile-'));
  const configFile = path.join(dir, 'suoja.toml');
  await writeFile(configFile, config(dir));
  let server = null;
  let browser = null;
  try {
    const oneTime = await addStaff(configFile, dir);
    const started = startServer(configFile, dir);
    server = started.server;
    const base = await started.base;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    const date = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(new Date(Date.now() + 86_400_000));
    const state = await counsellorSetup(browser, base, oneTime, date);
    const bookPage = await get(base, `/en/services/${SLUG}/book`);
    const slot = /name="choice" value="(slot:[^"]+)"/.exec(bookPage.body);
    if (!slot) throw new Error('the published time is not offered');
    const expected = await sendAsClient(base, payloads, slot[1]);
    console.log(`# ${payloads.length} payloads sent as messages, names, a written reply and ${BOOKINGS} booking names; one as an e-mail address, refused`);
    for (const bypass of [false, true]) await viewPass(browser, base, state, date, expected, bypass);
  } catch (e) {
    report('hostile content run', [`error: ${(e && e.stack) || e}`]);
  } finally {
    if (browser) await browser.close();
    if (server && server.exitCode === null) server.kill('SIGTERM');
    await rm(dir, { recursive: true, force: true });
  }
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed === 0 && counts.passed > 0 ? 0 : 1);
}

await main();
