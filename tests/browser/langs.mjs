// Every client page in every client language, in Debian's headless Chromium
// with JavaScript off (issue 19; script execution switched off through the
// DevTools protocol, and on only while the checks measure a loaded page):
//
//   node tests/browser/langs.mjs [SUOJA_BIN] [LANG...]
//
// At setup an admin opens the chat hours (so the service page shows its
// chat offer) and a counsellor publishes times and a group for tomorrow.
// Then, for each of the eleven client languages (wcag22.mjs's CLIENT_LANGS,
// or the ones named), in a browser context of its own with JavaScript
// disabled, a client walks every client flow end to end: the landing page,
// the service page with the chat offer, the contact form sent empty
// (errors; what was typed is kept), a request sent, its receipt, the check
// page, the thread, writing back; the booking form, sent with errors, a
// time booked, its receipt, the thread, booking management, the time
// cancelled; the group sign-up and its receipt; the no-chat page; a 404; and
// the quick exit, which must send the browser on to quick_exit_url.
//
// Every page is loaded once, and on it, in every language: axe-core (the
// WCAG 2.0/2.1/2.2 A and AA tags of common.mjs), <html lang dir>, the
// language menu's lang and dir on every link, focus not obscured and
// visible on every Tab stop (WCAG 2.4.11, 2.4.7), target size and reflow at
// 320 px (layout.mjs), no request to another host and no cookie. In the
// DEEP languages (fi, en, ar) also: the layout at 640 px (a 1280 px window
// at 200 % zoom) and 1280 px, forced colours (wcag22.mjs), the mirroring of
// the layout with the direction, and screenshots at 320 and 1280 px and in
// forced colours under target/browser-screenshots/langs-*.
//
// The staff login's support for password managers and pasting (WCAG 3.3.8)
// is checked once, with JavaScript on.
//
// The languages run WORKERS at a time (LANGS_WORKERS, default 2), each
// alone in its context; one browser. The last line is `N passed, M failed`;
// the exit code is 0 only when M is 0.
//
// Adding a page: a plain GET page is one line in PAGES; a page reached by a
// form is one step in FLOW.

import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { chromium } from 'playwright-core';

import {
  baseConfig,
  BIN, CHROMIUM, SHOTS_DIR, addStaff, axe, axeProblems, reporter, startServer, stopServer,
} from './common.mjs';
import { ZOOM_200, layoutProblems } from './layout.mjs';
import {
  CLIENT_LANGS, focusProblems, forcedColourProblems, langProblems, mirrorProblems,
} from './wcag22.mjs';

const SLUG = 'helpline';
const RECIPIENT = 'age1dvyzyrxwkw87s7vtzaq27n6kjy2yrk5f2w0l4ekjq5kv5wy26ayqycjpqv';
const RECOVERY = 'age1404x8n69333ap3a3eg0x8pxejess0hmhzv3kq8uz66de9deglp7q7fvcpt';
const QUICK_EXIT = 'https://quick-exit.invalid/';
const SERVICE_ZONE = 'Europe/Helsinki';
// Widths, zoom, forced colours, mirroring and screenshots in these.
const DEEP = ['fi', 'en', 'ar'];
const WORKERS = Math.max(1, Number(process.env.LANGS_WORKERS || 2));
const OVERALL_TIMEOUT_MS = Number(process.env.LANGS_TIMEOUT_MS || 8 * 60_000);
const STAFF = {
  cleo: { username: 'cleo', name: 'Cleo Margareta Carlsson-Lindqvist', role: 'counsellor', newPassword: 'cleo publishes the booking times' },
  ada: { username: 'ada', name: 'Ada Admin', role: 'admin', newPassword: 'ada opens the chat hours' },
};
// Real content is long (issue 17): the pages must hold it at 320 px.
const LONG = {
  name: 'Maria-Kristiina Josefiina Väänänen-Hämäläinen-Karjalainen',
  email: 'maria-kristiina.vaananen-hamalainen@perheneuvontapalvelukeskus.example.org',
  text: 'Perheneuvontapalvelukeskuksessa sanottiin, että asiakasmaksukattoseurantajärjestelmä '
    + 'ei toimi. Katso https://example.org/ohjeet/asiakasmaksut/perheneuvonta/usein-kysytyt-kysymykset?kieli=fi '
    + 'ja vastaa kun ehdit.\nToinen rivi.',
};
const { report, counts } = reporter();

function config(dir) {
  const q = JSON.stringify;
  return baseConfig(dir, { recovery: RECOVERY, quickExit: QUICK_EXIT }) + `[[services]]
slug = ${q(SLUG)}
recipients = [${q(RECIPIENT)}]
topics = ["general", "crisis", { id = "relatives", fi = "Mielenterveyskuntoutujien läheisten vertaistukiryhmätoiminta", sv = "Kamratstödsgrupper för anhöriga till personer i psykiatrisk rehabilitering", en = "Peer support groups for relatives of people in mental health rehabilitation" }]
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
topics = ["general"]
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

// ---- helpers ----

const status = (response, want = [200]) => (want.includes(response?.status())
  ? [] : [`HTTP ${response?.status() ?? 'none'}, expected ${want.join(' or ')}`]);

async function clickAndWait(page, locator) {
  const [response] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), locator.click()]);
  return response;
}

const textOf = async (page, selector) => (await page.locator(selector).allTextContents()).join('\n');
const receiptOf = async (page) => ((await page.locator('.receipt .code').first().textContent({ timeout: 5000 }).catch(() => '')) || '').trim();

/** Tomorrow in the service's time zone: YYYY-MM-DD and its ISO weekday. */
function tomorrow() {
  const date = new Intl.DateTimeFormat('en-CA', {
    timeZone: SERVICE_ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
  }).format(new Date(Date.now() + 86_400_000));
  return { date, weekday: new Date(`${date}T12:00:00Z`).getUTCDay() || 7 };
}

// ---- the checks on every page ----

/**
 * Everything checked on the page as loaded: see the top of the file. The
 * viewport is 1280×800 between checks.
 */
async function pageProblems(page, lang, label, guard) {
  // The page was loaded, and its forms sent, with script execution off
  // (walk). axe-core is a script that waits on timers, and Chromium runs
  // none in a context made with javaScriptEnabled: false, even when scripts
  // are allowed again; so the context has JavaScript and the page's
  // scripts are switched off through the DevTools protocol, the same switch,
  // and on only while the checks measure the page as loaded (client pages
  // have no script of their own to start meanwhile).
  await guard.cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
  try {
    return await measuredProblems(page, lang, label, guard);
  } finally {
    await guard.cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  }
}

async function measuredProblems(page, lang, label, guard) {
  const deep = DEEP.includes(lang.code);
  const scripts = await page.evaluate(() => document.scripts.length);
  const problems = scripts ? [`${scripts} script element(s) on a page meant to need no JavaScript`] : [];
  problems.push(...await langProblems(page, lang.code));
  for (const r of guard.foreign.splice(0)) problems.push(`request to another host: ${r}`);
  for (const c of await guard.context.cookies()) problems.push(`the browser holds a cookie (${c.name}) on the client side`);
  problems.push(...await axeProblems(page));
  problems.push(...await focusProblems(page));
  const shot = `langs-${lang.code}-${label}`;
  problems.push(...await layoutProblems(page, {
    label: shot,
    shots: deep ? SHOTS_DIR : null,
    widths: deep ? [320, ZOOM_200, 1280] : [320],
    shotWidths: [320, 1280],
  }));
  if (deep) {
    problems.push(...await mirrorProblems(page, lang.dir));
    problems.push(...await forcedColourProblems(page, {
      shot: path.join(SHOTS_DIR, `${shot.replace(/[^A-Za-z0-9]+/g, '-')}@forced.png`),
    }));
  }
  return problems;
}

// ---- the pages ----

// Plain GET pages: [name, path for a language code, HTTP status]. One line
// per page: the walk loads it and runs every check on it.
const PAGES = [
  ['no-chat', (l) => `/${l}/chat`, 200],
  ['404', (l) => `/${l}/no-such-page`, 404],
];

/**
 * The flow, a step per page reached by a form, in order: each step does
 * what a client does (its page the one the previous left) and returns its
 * problems; `state` carries receipts along.
 */
const FLOW = [
  ['landing', async (page, l, { url }) => status(await page.goto(url(`/${l}/`)))],
  ['service', async (page, l) => {
    const problems = status(await clickAndWait(page, page.locator(`main a[href="/${l}/services/${SLUG}"]`)));
    if (!(await page.locator('.chat-offer').count())) problems.push('the service page shows no chat offer');
    return problems;
  }],
  // Spaces pass the browser's `required` but not the server; a detail with
  // no way to use it is a second error. WCAG 3.3.7: what was typed is kept.
  ['service-errors', async (page) => {
    await page.locator('#topic').selectOption('relatives');
    await page.locator('#message').fill('   ');
    await page.locator('#name').fill(LONG.name);
    await page.locator('#detail').fill(LONG.email);
    const problems = status(await clickAndWait(page, page.locator('main form button[type=submit]').last()), [422]);
    if (!(await page.locator('.error-summary li').count())) problems.push('no error summary');
    if ((await page.locator('#name').inputValue()) !== LONG.name) problems.push('3.3.7: the name typed is not kept');
    if ((await page.locator('#detail').inputValue()) !== LONG.email) problems.push('3.3.7: the contact detail typed is not kept');
    if ((await page.locator('#topic').inputValue()) !== 'relatives') problems.push('3.3.7: the topic chosen is not kept');
    return problems;
  }],
  ['receipt', async (page, l, { state }) => {
    state.message = `Request in ${l} without JavaScript. ${LONG.text}`;
    await page.locator('#message').fill(state.message);
    await page.locator('#way-email').check();
    const problems = status(await clickAndWait(page, page.locator('main form button[type=submit]').last()), [200, 201]);
    state.receipt = await receiptOf(page);
    if (!state.receipt) problems.push('no receipt code');
    return problems;
  }],
  ['check', async (page, l) => {
    const problems = status(await clickAndWait(page, page.locator(`main a[href="/${l}/check"]`)));
    if (!(await page.locator('#receipt').count())) problems.push('no receipt field');
    return problems;
  }],
  ['thread', async (page, l, { state }) => {
    await page.locator('#receipt').fill(state.receipt);
    const problems = status(await clickAndWait(page, page.locator('main form button[type=submit]')));
    if (!(await textOf(page, '.thread')).includes(state.message.split('\n')[0])) problems.push('the thread does not show the request sent');
    return problems;
  }],
  ['written-back', async (page, l) => {
    const text = `Writing back in ${l}.`;
    await page.locator('#message').fill(text);
    const problems = status(await clickAndWait(page, page.locator(`form[action="/${l}/check/reply"] button[type=submit]`)));
    if (!(await textOf(page, '.thread')).includes(text)) problems.push('the thread does not show the message written back');
    if (!(await page.locator('main .notice').count())) problems.push('no notice that it was sent');
    return problems;
  }],
  ['booking', async (page, l, { url }) => {
    // From the service page's link, as a client goes.
    await page.goto(url(`/${l}/services/${SLUG}`));
    const problems = status(await clickAndWait(page, page.locator(`main a[href="/${l}/services/${SLUG}/book"]`)));
    if (!(await page.locator('input[name=choice][value^="slot:"]').count())) problems.push('no free time to choose');
    if (!(await page.locator('input[name=choice][value^="group:"]').count())) problems.push('no group to choose');
    return problems;
  }],
  // No time chosen, "we call you" with no number: what was typed is kept.
  ['booking-errors', async (page) => {
    await page.locator('#call-we_call').check();
    await page.locator('#phone').fill('   ');
    await page.locator('#name').fill(LONG.name);
    const problems = status(await clickAndWait(page, page.locator('form[aria-labelledby="times-heading"] button[type=submit]')), [422]);
    if (!(await page.locator('.error-summary li').count())) problems.push('no error summary');
    if ((await page.locator('#name').inputValue()) !== LONG.name) problems.push('3.3.7: the name typed is not kept');
    if (!(await page.locator('#call-we_call').isChecked())) problems.push('3.3.7: "we call you" is not kept chosen');
    return problems;
  }],
  ['booked', async (page, l, { state, index }) => {
    const times = page.locator('form[aria-labelledby="times-heading"] input[name=choice][value^="slot:"]');
    const n = await times.count();
    if (!n) return ['no free time to choose'];
    await times.nth(index % n).check();
    await page.locator('#phone').fill('+358 40 123 4567');
    const problems = status(await clickAndWait(page, page.locator('form[aria-labelledby="times-heading"] button[type=submit]')));
    state.booking = await receiptOf(page);
    if (!state.booking) problems.push(`no receipt code: ${await textOf(page, '.error-summary')}`);
    return problems;
  }],
  ['booking-thread', async (page, l, { url, state }) => {
    await page.goto(url(`/${l}/check`));
    await page.locator('#receipt').fill(state.booking);
    return status(await clickAndWait(page, page.locator('main form button[type=submit]')));
  }],
  ['booking-manage', async (page, l) => {
    const problems = status(await clickAndWait(page, page.locator(`form[action="/${l}/bookings/manage"] button[type=submit]`)));
    if (!(await page.locator(`form[action="/${l}/bookings/cancel"] button[type=submit]`).count())) problems.push('no form to cancel');
    return problems;
  }],
  ['booking-cancelled', async (page, l) => {
    const problems = status(await clickAndWait(page, page.locator(`form[action="/${l}/bookings/cancel"] button[type=submit]`)));
    if (!(await page.locator('main .notice').count())) problems.push('no notice that the time was cancelled');
    if (await page.locator(`form[action="/${l}/bookings/cancel"]`).count()) problems.push('the cancelled booking can still be cancelled');
    return problems;
  }],
  ['group-booked', async (page, l, { url }) => {
    await page.goto(url(`/${l}/services/${SLUG}/book`));
    await page.locator('form[aria-labelledby="groups-heading"] input[name=choice][value^="group:"]').first().check();
    await page.locator('#g-name').fill(LONG.name);
    const problems = status(await clickAndWait(page, page.locator('form[aria-labelledby="groups-heading"] button[type=submit]')));
    if (!(await receiptOf(page))) problems.push(`no receipt code: ${await textOf(page, '.error-summary')}`);
    return problems;
  }],
];

/**
 * One language, in a context of its own with JavaScript off: the flow, the
 * plain pages, then the quick exit. Each page gets pageProblems.
 */
async function walk(browser, base, lang, index) {
  const url = (p) => new URL(p, base).href;
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  const guard = { context, foreign: [] };
  // Nothing may leave for another host (the quick exit's destination, a
  // redirect's target, is not routed: it never resolves).
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('about:') || new URL(u).origin === base.origin) return route.continue();
    guard.foreign.push(u);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  // JavaScript off for everything the client does (see pageProblems).
  guard.cdp = await context.newCDPSession(page);
  await guard.cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  const state = {};
  const l = lang.code;
  const run = async (name, act) => {
    const label = `${l} ${name}`;
    try {
      const problems = await act();
      problems.push(...await pageProblems(page, lang, name, guard));
      report(label, problems);
    } catch (e) {
      report(label, [`error: ${(e && e.stack) || e}`.split('\n').slice(0, 4).join('\n')]);
    }
  };
  try {
    for (const [name, act] of FLOW) await run(name, () => act(page, l, { url, state, index }));
    for (const [name, p, want] of PAGES) await run(name, async () => status(await page.goto(url(p(l))), [want]));
    // The quick exit: one click leaves, by /exit, for quick_exit_url (a
    // host that never resolves, so the last hop fails by design).
    const label = `${l} quick exit`;
    try {
      await page.goto(url(`/${l}/`));
      const exit = page.waitForResponse((r) => new URL(r.url()).pathname === '/exit');
      await page.locator('.quick-exit').click({ noWaitAfter: true });
      const r = await exit;
      const problems = [];
      if (r.status() !== 303) problems.push(`/exit answered ${r.status()}, not 303`);
      if (r.headers().location !== QUICK_EXIT) problems.push(`/exit leads to ${r.headers().location}, not ${QUICK_EXIT}`);
      report(label, problems);
    } catch (e) {
      report(label, [`error: ${(e && e.message) || e}`]);
    }
  } finally {
    await context.close();
  }
}

// ---- setup ----

/** First login with the one-time password and the forced change; the state. */
async function staffState(browser, base, account) {
  const context = await browser.newContext();
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  await page.goto(new URL('/fi/staff/login', base).href);
  await page.locator('#username').fill(account.username);
  await page.locator('#password').fill(account.password);
  await clickAndWait(page, page.locator('form[action="/fi/staff/login"] button[type=submit]'));
  await page.locator('#current').fill(account.password);
  await page.locator('#new').fill(account.newPassword);
  await page.locator('#repeat').fill(account.newPassword);
  await clickAndWait(page, page.locator('form[action="/fi/staff/account/password"] button[type=submit]'));
  return { context, page };
}

async function fillAndSend(page, action, fields) {
  for (const [id, value] of Object.entries(fields)) {
    const field = page.locator(`#${id}`);
    if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(String(value));
    else await field.fill(String(value));
  }
  return clickAndWait(page, page.locator(`form[action="${action}"] button[type=submit]`));
}

/**
 * The admin opens the chat every day, all day (nobody on duty: the service
 * page offers the chat and says no one answers now); the counsellor
 * publishes twelve half-hour times and a group for tomorrow; and the staff
 * login is checked for WCAG 3.3.8.
 */
async function setup(browser, base) {
  const url = (p) => new URL(p, base).href;
  const problems = [];
  const admin = await staffState(browser, base, STAFF.ada);
  try {
    const page = admin.page;
    problems.push(...status(await page.goto(url(`/fi/staff/chat/settings/${SLUG}`))));
    for (let d = 1; d <= 7; d += 1) {
      await page.locator(`input[name=from${d}]`).fill('00:00');
      await page.locator(`input[name=until${d}]`).fill('24:00');
    }
    problems.push(...status(await clickAndWait(page, page.locator('main form button[type=submit]'))));
  } finally {
    await admin.context.close();
  }
  const cleo = await staffState(browser, base, STAFF.cleo);
  try {
    const page = cleo.page;
    const { date, weekday } = tomorrow();
    const forms = {
      weekly: {
        'w-service': SLUG, 'w-weekday': weekday, 'w-start': '08:00', 'w-until': '14:00',
        'w-minutes': 30, 'w-capacity': 1, 'w-date': date, 'w-weeks': 1,
      },
      group: {
        'g-service': SLUG,
        'g-name-fi': 'Iltaryhmä nuorille aikuisille: vertaistukea ahdistukseen ja yksinäisyyteen',
        'g-name-sv': 'Kvällsgrupp för unga vuxna: kamratstöd vid ångest och ensamhet',
        'g-name-en': 'Evening group for young adults: peer support with anxiety and loneliness',
        'g-date': date, 'g-start': '17:00', 'g-minutes': 90, 'g-meetings': 3, 'g-every': 7, 'g-capacity': 20,
      },
    };
    for (const [kind, fields] of Object.entries(forms)) {
      await page.goto(url('/fi/staff/availability'));
      problems.push(...status(await fillAndSend(page, `/fi/staff/availability/${kind}`, fields)));
      if (new URL(page.url()).searchParams.get('done') !== 'published') {
        problems.push(`publishing the ${kind} form led to ${page.url()}: ${await textOf(page, '.error-summary')}`);
      }
    }
  } finally {
    await cleo.context.close();
  }
  report('setup: chat hours open, times and a group published', problems);
  await loginChecks(browser, base);
}

/**
 * WCAG 3.3.8 accessible authentication: the login can be filled by a
 * password manager and by pasting: the fields say what they hold
 * (autocomplete username, current-password, one-time-code), nothing blocks
 * paste or copy, and a password pasted from the clipboard logs in.
 */
async function loginChecks(browser, base) {
  for (const l of ['fi', 'sv', 'en']) {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    const problems = [];
    try {
      problems.push(...status(await page.goto(new URL(`/${l}/staff/login`, base).href)));
      const facts = await page.evaluate(() => ({
        username: document.querySelector('#username')?.getAttribute('autocomplete'),
        password: document.querySelector('#password')?.getAttribute('autocomplete'),
        code: document.querySelector('#code')?.getAttribute('autocomplete'),
        blockers: [...document.querySelectorAll('[onpaste], [oncopy], [oncut], [ondrop], [autocomplete=off] #password, form[autocomplete=off]')].length,
        scripts: document.querySelectorAll('script').length,
      }));
      if (facts.username !== 'username') problems.push(`#username has autocomplete=${facts.username}, not username`);
      if (facts.password !== 'current-password') problems.push(`#password has autocomplete=${facts.password}, not current-password`);
      if (facts.code !== 'one-time-code') problems.push(`#code has autocomplete=${facts.code}, not one-time-code`);
      if (facts.blockers) problems.push('something blocks pasting, copying or autofill');
      if (facts.scripts) problems.push('the login page runs a script (which could block pasting)');
      // Paste a password as a password manager or a person would.
      const pasted = 'a pasted passphrase: ok';
      await page.evaluate((t) => navigator.clipboard.writeText(t), pasted);
      await page.locator('#password').focus();
      await page.keyboard.press('Control+V');
      if ((await page.locator('#password').inputValue()) !== pasted) problems.push('pasting into #password does not fill it');
    } catch (e) {
      problems.push(`error: ${(e && e.message) || e}`);
    } finally {
      await context.close();
    }
    report(`/${l}/staff/login: 3.3.8 password managers and paste allowed`, problems);
  }
}

// ---- main ----

let server = null;
let workDir = null;
let browser = null;

async function main() {
  if (!existsSync(BIN)) throw new Error(`no suoja binary at ${BIN} (build it with cargo build, or pass its path)`);
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
  const only = process.argv.slice(3);
  const langs = only.length ? CLIENT_LANGS.filter((l) => only.includes(l.code)) : CLIENT_LANGS;
  workDir = await mkdtemp(path.join(tmpdir(), 'suoja-langs-'));
  const configFile = path.join(workDir, 'suoja.toml');
  await writeFile(configFile, config(workDir));
  for (const a of Object.values(STAFF)) a.password = await addStaff(configFile, workDir, { ...a, service: SLUG });
  const started = startServer(configFile, workDir);
  server = started.server;
  const base = await started.base;
  console.log(`# ${BIN} at ${base.href}, ${CHROMIUM}, axe-core ${axe.version}, ${langs.length} language(s), ${WORKERS} at a time`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  await setup(browser, base);
  // The deep languages first: they take longest.
  const queue = [...langs].sort((a, b) => DEEP.includes(b.code) - DEEP.includes(a.code));
  const index = new Map(langs.map((l, i) => [l.code, i]));
  await Promise.all(Array.from({ length: WORKERS }, async () => {
    for (let lang = queue.shift(); lang; lang = queue.shift()) await walk(browser, base, lang, index.get(lang.code));
  }));
}

async function cleanUp() {
  if (browser) await browser.close().catch(() => {});
  browser = null;
  await stopServer(server).catch(() => {});
  if (workDir) await rm(workDir, { recursive: true, force: true }).catch(() => {});
  workDir = null;
}

process.on('exit', () => {
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});
process.stdout.on('error', () => process.exit(1));
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    console.log(`FAIL interrupted by ${sig}`);
    console.log(`${counts.passed} passed, ${counts.failed + 1} failed`);
    process.exit(130);
  });
}
const watchdog = setTimeout(() => {
  report('the whole run', [`took longer than ${OVERALL_TIMEOUT_MS / 1000} s`]);
  cleanUp().finally(() => { console.log(`${counts.passed} passed, ${counts.failed} failed`); process.exit(1); });
}, OVERALL_TIMEOUT_MS);

const started = Date.now();
try {
  await main();
} catch (e) {
  report('setup', [`error: ${(e && e.stack) || e}`]);
} finally {
  await cleanUp();
  clearTimeout(watchdog);
}
console.log(`# ${Math.round((Date.now() - started) / 1000)} s`);
console.log(`${counts.passed} passed, ${counts.failed} failed`);
process.exit(counts.failed === 0 && counts.passed > 0 ? 0 : 1);
